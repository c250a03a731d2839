package com.competencyrecon.operations;

import com.competencyrecon.night.NightRunner;
import com.competencyrecon.support.Databases;
import com.competencyrecon.support.NightHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.file.Files;
import java.nio.file.Path;

import static com.competencyrecon.support.FeedHeaders.ORGS;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The HTTP API: authenticated, analysts read, operators also change things. */
@AutoConfigureMockMvc
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:api;MODE=MySQL;NON_KEYWORDS=VALUE,MONTH,LEVEL,TYPE,LINE,KEY;DB_CLOSE_DELAY=-1",
        "recon.roots=/", "recon.report-dir=target/api-reports",
        "recon.api.users[0].name=olivia", "recon.api.users[0].password=operator-secret", "recon.api.users[0].role=OPERATOR",
        "recon.api.users[1].name=adam", "recon.api.users[1].password=analyst-secret", "recon.api.users[1].role=ANALYST"})
class OperationsApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    NightRunner runner;

    @Autowired
    JdbcTemplate jdbc;

    Path root = Path.of("target/api-test");

    @BeforeEach
    void setUp() throws Exception {
        Databases.reset(jdbc);
        com.competencyrecon.reports.PublishedFolder.deleteTree(Path.of("target/api-reports"));
        com.competencyrecon.reports.PublishedFolder.deleteTree(root);
        new NightHarness(runner, root).feed("2026-11-24", "organizations.csv", ORGS, "O1,Contoso,DEVELOPED,US");
    }

    @Test
    void anonymousCallsAreRefused() throws Exception {
        mvc.perform(get("/api/runs")).andExpect(status().isUnauthorized());
    }

    @Test
    void healthIsOpen() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }

    @Test
    void anAnalystReadsButCannotStartANight() throws Exception {
        mvc.perform(get("/api/jobs").with(httpBasic("adam", "analyst-secret")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.jobs", hasItem("nightlyReconciliation")));
        mvc.perform(post("/api/nights/2026-11-24").param("inputDir", root.resolve("in/2026-11-24").toString())
                        .with(httpBasic("adam", "analyst-secret")))
                .andExpect(status().isForbidden());
    }

    @Test
    void anOperatorStartsANightAndAnAnalystReadsItsRunAndReports() throws Exception {
        mvc.perform(post("/api/nights/2026-11-24").param("inputDir", root.resolve("in/2026-11-24").toString())
                        .with(httpBasic("olivia", "operator-secret")))
                .andExpect(status().isAccepted());
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline && !Files.exists(Path.of("target/api-reports/2026-11-24"))) {
            Thread.sleep(100);
        }

        mvc.perform(get("/api/runs").param("businessDate", "2026-11-24").with(httpBasic("adam", "analyst-secret")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].status").value("COMPLETED"))
                .andExpect(jsonPath("$[0].steps[0].name").value("ingestOrganizations"))
                .andExpect(jsonPath("$[0].steps[0].read").value(1));
        mvc.perform(get("/api/reports/2026-11-24").with(httpBasic("adam", "analyst-secret")))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasItem("competency-status.csv")));
        mvc.perform(get("/api/reports/2026-11-24/rejects.csv").with(httpBasic("adam", "analyst-secret")))
                .andExpect(status().isOk()).andExpect(content().string("feed,line,record_key,reason,detail\n"));
        mvc.perform(get("/api/reports/2026-11-24").with(httpBasic("adam", "analyst-secret")))
                .andExpect(jsonPath("$", hasItem("2026-11-24.xlsx"))).andExpect(jsonPath("$", not(hasItem("organisations"))));
        mvc.perform(get("/api/reports/2026-11-24/2026-11-24.xlsx").with(httpBasic("adam", "analyst-secret")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"2026-11-24.xlsx\""));
    }

    @Test
    void aRefusedNightIsABadRequestWithItsReason() throws Exception {
        mvc.perform(post("/api/nights/24-11-2026").param("inputDir", root.resolve("in/2026-11-24").toString())
                        .with(httpBasic("olivia", "operator-secret")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("is not a date of the form YYYY-MM-DD")));
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        mvc.perform(get("/api/runs").with(httpBasic("olivia", "guess"))).andExpect(status().isUnauthorized());
    }
}
