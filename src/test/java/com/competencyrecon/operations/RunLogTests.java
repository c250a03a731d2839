package com.competencyrecon.operations;

import com.competencyrecon.night.NightRunner;
import com.competencyrecon.support.Databases;
import com.competencyrecon.support.NightHarness;
import com.competencyrecon.system.ReconProperties;
import com.competencyrecon.system.RunLogContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static com.competencyrecon.support.FeedHeaders.ORGS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Each run writes its own log file, which operators (and only they) read over the API. */
@AutoConfigureMockMvc
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:operator-api;MODE=MySQL;NON_KEYWORDS=VALUE,MONTH,LEVEL,TYPE,LINE,KEY;DB_CLOSE_DELAY=-1",
        "recon.roots=/",
        "recon.api.users[0].name=olivia", "recon.api.users[0].password=operator-secret", "recon.api.users[0].role=OPERATOR",
        "recon.api.users[1].name=adam", "recon.api.users[1].password=analyst-secret", "recon.api.users[1].role=ANALYST"})
class RunLogTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    NightRunner runner;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReconProperties properties;

    @TempDir
    Path root;

    NightHarness nights;

    @BeforeEach
    void setUp() {
        Databases.reset(jdbc);
        nights = new NightHarness(runner, root);
        // A date no other test runs, so the file is this run's alone whatever ids other databases gave.
        nights.feed("2031-03-05", "organizations.csv", ORGS, "O1,Contoso,DEVELOPED,US");
    }

    private Path logOf(long id) {
        return Path.of(properties.logDir()).resolve(RunLogContext.fileName("2031-03-05", id));
    }

    @Test
    void aNightWritesItsOwnLogFileWithItsStepLines() throws Exception {
        Files.deleteIfExists(logOf(jdbc.queryForObject("SELECT COALESCE(MAX(JOB_EXECUTION_ID), 0) + 1 FROM BATCH_JOB_EXECUTION", Long.class)));
        long id = nights.run("2031-03-05").execution().getId();

        String log = Files.readString(logOf(id), StandardCharsets.UTF_8);

        assertThat(log).contains("ingestOrganizations COMPLETED: 1 read, 1 written")
                .contains("[2031-03-05#" + id + "/ingestUsers]").contains("[2031-03-05#" + id + "/writeReports]")
                .contains("The run ended COMPLETED");
        assertThat(log.lines()).allMatch(l -> l.contains("[2031-03-05#" + id + "/") || !l.matches("^\\d{4}-.*"));
    }

    @Test
    void anOperatorReadsARunsLogAsText() throws Exception {
        long id = nights.run("2031-03-05").execution().getId();

        mvc.perform(get("/api/runs/{id}/log", id).with(httpBasic("olivia", "operator-secret")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/plain"))
                .andExpect(content().string(containsString("[2031-03-05#" + id + "/ingestUsers]")))
                .andExpect(content().string(not(containsString("#" + (id + 1) + "/"))));
    }

    @Test
    void anAnalystMayNotReadARunsLog() throws Exception {
        long id = nights.run("2031-03-05").execution().getId();

        mvc.perform(get("/api/runs/{id}/log", id).with(httpBasic("adam", "analyst-secret")))
                .andExpect(status().isForbidden());
    }

    @Test
    void noRunOrNoFileIsNotFound() throws Exception {
        long id = nights.run("2031-03-05").execution().getId();
        Files.delete(logOf(id));

        mvc.perform(get("/api/runs/{id}/log", id).with(httpBasic("olivia", "operator-secret")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/runs/{id}/log", id + 1000).with(httpBasic("olivia", "operator-secret")))
                .andExpect(status().isNotFound());
    }
}
