package com.competencyrecon.operations;

import com.competencyrecon.night.NightRunner;
import com.competencyrecon.support.Databases;
import com.competencyrecon.support.NightHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static com.competencyrecon.support.FeedHeaders.ORGS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Backfills over HTTP: operators only, refused before anything runs, then run in the background in order. */
@AutoConfigureMockMvc
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:operator-api;MODE=MySQL;NON_KEYWORDS=VALUE,MONTH,LEVEL,TYPE,LINE,KEY;DB_CLOSE_DELAY=-1",
        "recon.roots=/",
        "recon.api.users[0].name=olivia", "recon.api.users[0].password=operator-secret", "recon.api.users[0].role=OPERATOR",
        "recon.api.users[1].name=adam", "recon.api.users[1].password=analyst-secret", "recon.api.users[1].role=ANALYST"})
class BackfillApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    NightRunner runner;

    @Autowired
    RunHistory history;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path root;

    NightHarness nights;

    @BeforeEach
    void setUp() {
        Databases.reset(jdbc);
        nights = new NightHarness(runner, root);
        for (String date : List.of("2026-11-20", "2026-11-21", "2026-11-22")) {
            nights.feed(date, "organizations.csv", ORGS, "O1,Contoso,DEVELOPED,US");
        }
    }

    @Test
    void anOperatorStartsABackfillThatRunsTheNightsNotCompletedInOrder() throws Exception {
        NightRunner.Outcome first = nights.run("2026-11-20");
        assertThat(first.refusal()).as("the first night's start").isNull();
        assertThat(first.completed()).as("the first night").isTrue();

        mvc.perform(post("/api/backfills").param("from", "2026-11-20").param("to", "2026-11-22")
                        .param("inputRoot", root.resolve("in").toString())
                        .param("reportDir", nights.reportDir().toString())
                        .with(httpBasic("olivia", "operator-secret")))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.willRun", contains("2026-11-21", "2026-11-22")))
                .andExpect(jsonPath("$.alreadyCompleted", contains("2026-11-20")));

        // The reports are published inside the last step, a moment before its run is stored as ended:
        // wait for the runs, not for the folder.
        long deadline = System.currentTimeMillis() + 60_000;
        List<RunView> runs = history.page(null, 0, RunHistory.MAX_PAGE_SIZE).runs();
        while (System.currentTimeMillis() < deadline && !allEnded(runs, 3)) {
            Thread.sleep(100);
            runs = history.page(null, 0, RunHistory.MAX_PAGE_SIZE).runs();
        }
        assertThat(Files.exists(nights.reportDir().resolve("2026-11-22"))).as("the last night's reports").isTrue();
        assertThat(runs).extracting(RunView::businessDate).containsExactly("2026-11-22", "2026-11-21", "2026-11-20");
        assertThat(runs).extracting(RunView::status).containsOnly("COMPLETED");
    }

    private static boolean allEnded(List<RunView> runs, int expected) {
        return runs.size() == expected
                && runs.stream().noneMatch(r -> BatchStatus.valueOf(r.status()).isRunning());
    }

    @Test
    void fromAfterToIsABadRequest() throws Exception {
        mvc.perform(post("/api/backfills").param("from", "2026-11-22").param("to", "2026-11-20")
                        .param("inputRoot", root.resolve("in").toString())
                        .with(httpBasic("olivia", "operator-secret")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("from 2026-11-22 is after to 2026-11-20")));
    }

    @Test
    void aBackfillWhoseFirstNightWouldBeRefusedIsABadRequestAndRunsNothing() throws Exception {
        mvc.perform(post("/api/backfills").param("from", "2026-11-20").param("to", "2026-11-22")
                        .param("inputRoot", root.resolve("missing").toString())
                        .with(httpBasic("olivia", "operator-secret")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("inputDir")));
        assertThat(history.page(null, 0, RunHistory.MAX_PAGE_SIZE).runs()).isEmpty();
    }

    @Test
    void anAnalystCannotStartABackfill() throws Exception {
        mvc.perform(post("/api/backfills").param("from", "2026-11-20").param("to", "2026-11-22")
                        .param("inputRoot", root.resolve("in").toString())
                        .with(httpBasic("adam", "analyst-secret")))
                .andExpect(status().isForbidden());
        assertThat(history.page(null, 0, RunHistory.MAX_PAGE_SIZE).runs()).isEmpty();
    }
}
