package com.competencyrecon.console;

import com.competencyrecon.night.NightRunner;
import com.competencyrecon.reports.PublishedFolder;
import com.competencyrecon.support.Databases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console's pages for each role, over the first sample night: who may see what, what each page shows, and
 * that only an operator's posts change anything (with a CSRF token and a ticked confirmation).
 */
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:console;MODE=MySQL;NON_KEYWORDS=VALUE,MONTH,LEVEL,TYPE,LINE,KEY;DB_CLOSE_DELAY=-1",
        "recon.roots=/", "recon.report-dir=target/console-test/reports",
        "recon.api.users[0].name=olivia", "recon.api.users[0].password=operator-secret", "recon.api.users[0].role=OPERATOR",
        "recon.api.users[1].name=adam", "recon.api.users[1].password=analyst-secret", "recon.api.users[1].role=ANALYST"})
class ConsoleTests {

    static final String NIGHT = "2026-11-23";
    static final String NEXT_NIGHT = "2026-11-24";
    static final Path REPORTS = Path.of("target/console-test/reports");

    @Autowired
    MockMvc mvc;

    @Autowired
    NightRunner runner;

    @Autowired
    JdbcTemplate jdbc;

    long runId;

    @BeforeAll
    void runTheFirstSampleNight() throws Exception {
        Databases.reset(jdbc);
        PublishedFolder.deleteTree(REPORTS);
        NightRunner.Outcome outcome = runner.run(NIGHT, "sample-data/nights/" + NIGHT, REPORTS.toString(), null);
        assertThat(outcome.completed()).as("the sample night completes").isTrue();
        runId = outcome.execution().getId();
    }

    static RequestPostProcessor analyst() {
        return user("adam").roles("ANALYST");
    }

    static RequestPostProcessor operator() {
        return user("olivia").roles("OPERATOR");
    }

    @Nested
    class Anonymous {

        @Test
        void isSentToTheLoginPageFromEveryPage() throws Exception {
            for (String page : new String[]{"/console/nights", "/console/runs/1", "/console/nights/" + NIGHT,
                    "/console/orgs", "/console/orgs/ORG-001", "/console/schedules",
                    "/console/nights/" + NIGHT + "/reports/alerts.csv"}) {
                mvc.perform(get(page)).andExpect(status().is3xxRedirection())
                        .andExpect(redirectedUrl("/console/login"));
            }
        }

        @Test
        void cannotPostEvenWithAToken() throws Exception {
            mvc.perform(post("/console/nights").with(csrf()).param("businessDate", "2026-11-24")
                            .param("inputDir", "sample-data/nights/2026-11-24").param("confirm", "true"))
                    .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/console/login"));
        }

        @Test
        void seesTheLoginForm() throws Exception {
            mvc.perform(get("/console/login")).andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("<label for=\"username\">"),
                            containsString("name=\"_csrf\""))));
        }

        @Test
        void signsInWithTheApiUsersAndNotWithAWrongPassword() throws Exception {
            mvc.perform(formLogin("/console/login").user("adam").password("analyst-secret"))
                    .andExpect(redirectedUrl("/console/nights"));
            mvc.perform(formLogin("/console/login").user("adam").password("guess"))
                    .andExpect(redirectedUrl("/console/login?error"));
        }

        @Test
        void theApiKeepsHttpBasicAndNoLoginPage() throws Exception {
            mvc.perform(get("/api/runs")).andExpect(status().isUnauthorized());
            mvc.perform(get("/api/runs").with(httpBasic("adam", "analyst-secret"))).andExpect(status().isOk());
        }
    }

    @Nested
    class Analyst {

        @Test
        void seesTheNightsWithTheirCountsAndNoStartForm() throws Exception {
            mvc.perform(get("/console/nights").with(analyst())).andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString(">" + NIGHT + "</a>"),
                            containsString(">COMPLETED<"), containsString("<rect class=\"bar\""),
                            not(containsString("start-night")), not(containsString("method=\"post\" action=\"/console/nights\"")))));
        }

        @Test
        void seesARunsStepsWithoutActions() throws Exception {
            mvc.perform(get("/console/runs/" + runId).with(analyst())).andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("ingestOrganizations"),
                            containsString("writeReports"), not(containsString("restart-run")),
                            not(containsString("stop-run")))));
        }

        @Test
        void seesANightsReportsRejectsAndAlerts() throws Exception {
            mvc.perform(get("/console/nights/" + NIGHT).with(analyst())).andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("summary.html"),
                            containsString("/console/nights/" + NIGHT + "/reports/alerts.csv"),
                            containsString("LINK_COOL_OFF"), containsString("ev-00178"),
                            containsString("11 alerts shown by the night"), containsString("RENEWAL_DUE"))));
        }

        @Test
        void filtersANightsAlertsByTypeStateAndOrganisation() throws Exception {
            mvc.perform(get("/console/nights/" + NIGHT).param("type", "QUALIFIED_NOT_MEMBER").with(analyst()))
                    .andExpect(content().string(containsString("5 alerts shown by the night")));
            mvc.perform(get("/console/nights/" + NIGHT).param("org", "ORG-006").param("state", "NEW")
                            .with(analyst()))
                    .andExpect(content().string(allOf(containsString("2 alerts shown by the night"),
                            not(containsString(">ORG-004<")))));
            mvc.perform(get("/console/nights/" + NIGHT).param("state", "RESOLVED").with(analyst()))
                    .andExpect(content().string(containsString("0 alerts shown by the night")));
        }

        @Test
        void downloadsAReportAsPublished() throws Exception {
            byte[] published = Files.readAllBytes(REPORTS.resolve(NIGHT).resolve("rejects.csv"));
            mvc.perform(get("/console/nights/" + NIGHT + "/reports/rejects.csv").with(analyst()))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Disposition", containsString("attachment")))
                    .andExpect(content().bytes(published));
        }

        @Test
        void findsAnOrganisationByNameAndSeesItsCompetenciesAlertsAndNextLevels() throws Exception {
            mvc.perform(get("/console/orgs").param("q", "kestrel").with(analyst())).andExpect(status().isOk())
                    .andExpect(content().string(containsString("/console/orgs/ORG-001")));
            mvc.perform(get("/console/orgs/ORG-006").with(analyst())).andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("DATACENTER_SOLUTIONS"),
                            containsString("RENEWAL_WINDOW_CLOSING"), containsString("ord-0002"),
                            containsString("<polyline"), containsString("Towards the next level"))));
        }

        @Test
        void seesTheSchedules() throws Exception {
            mvc.perform(get("/console/schedules").with(analyst())).andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("nightly-reconciliation"),
                            containsString("0 30 2 * * ?"), containsString(" 02:30 +00:00"))));
        }

        @Test
        void isRefusedEveryAction() throws Exception {
            String runs = "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION";
            Integer before = jdbc.queryForObject(runs, Integer.class);
            mvc.perform(post("/console/nights").with(analyst()).with(csrf()).param("businessDate", "2026-11-24")
                    .param("inputDir", "sample-data/nights/2026-11-24").param("confirm", "true"))
                    .andExpect(status().isForbidden());
            for (String action : new String[]{"stop", "recover", "restart"}) {
                mvc.perform(post("/console/runs/" + runId + "/" + action).with(analyst()).with(csrf())
                        .param("confirm", "true")).andExpect(status().isForbidden());
            }
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'STOPPING'",
                    Integer.class)).isZero();
            assertThat(jdbc.queryForObject(runs, Integer.class)).as("runs after the analyst's posts").isEqualTo(before);
        }

        @Test
        void seesNoBackfillFormAndIsRefusedABackfill() throws Exception {
            mvc.perform(get("/console/nights").with(analyst())).andExpect(status().isOk())
                    .andExpect(content().string(allOf(not(containsString("start-backfill")),
                            not(containsString("/console/backfills")))));
            Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Integer.class);
            mvc.perform(post("/console/backfills").with(analyst()).with(csrf()).param("from", NEXT_NIGHT)
                    .param("to", NEXT_NIGHT).param("inputRoot", "sample-data/nights").param("confirm", "true"))
                    .andExpect(status().isForbidden());
            Thread.sleep(500);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Integer.class))
                    .as("runs after the analyst's backfill").isEqualTo(before);
        }

        @Test
        void getsAReasonForBadInput() throws Exception {
            mvc.perform(get("/console/nights").param("status", "DONE").with(analyst()))
                    .andExpect(status().isBadRequest()).andExpect(content().string(containsString(
                            "status &#39;DONE&#39; is none of")));
            mvc.perform(get("/console/nights/2026-13-01").with(analyst())).andExpect(status().isBadRequest());
            mvc.perform(get("/console/runs/999").with(analyst())).andExpect(status().isNotFound());
            mvc.perform(get("/console/nights/" + NIGHT + "/reports/..%2Fsecret").with(analyst()))
                    .andExpect(status().is4xxClientError());
        }
    }

    @Nested
    class Operator {

        @Test
        void seesTheStartForm() throws Exception {
            mvc.perform(get("/console/nights").with(operator())).andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("id=\"start-night\""),
                            containsString("name=\"_csrf\""), containsString("name=\"confirm\""))));
        }

        @Test
        void needsATokenAndAConfirmationToPost() throws Exception {
            mvc.perform(post("/console/nights").with(operator()).param("businessDate", "2026-11-24")
                    .param("inputDir", "sample-data/nights/2026-11-24").param("confirm", "true"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/console/nights").with(operator()).with(csrf()).param("businessDate", "2026-11-24")
                            .param("inputDir", "sample-data/nights/2026-11-24"))
                    .andExpect(status().isBadRequest()).andExpect(content().string(containsString("confirmation")));
        }

        @Test
        void seesTheBackfillFormWithItsConfirmation() throws Exception {
            mvc.perform(get("/console/nights").with(operator())).andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("id=\"start-backfill\""),
                            containsString("action=\"/console/backfills\""), containsString("id=\"confirm-backfill\""),
                            containsString("name=\"inputRoot\""))));
        }

        @Test
        void startsABackfillOnlyWithATokenAndAConfirmation() throws Exception {
            mvc.perform(post("/console/backfills").with(operator()).param("from", NIGHT).param("to", NIGHT)
                    .param("inputRoot", "sample-data/nights").param("confirm", "true")).andExpect(status().isForbidden());
            mvc.perform(post("/console/backfills").with(operator()).with(csrf()).param("from", NIGHT).param("to", NIGHT)
                            .param("inputRoot", "sample-data/nights"))
                    .andExpect(status().isBadRequest()).andExpect(content().string(containsString("confirmation")));
        }

        @Test
        void isToldWhyABackfillIsRefused() throws Exception {
            mvc.perform(post("/console/backfills").with(operator()).with(csrf()).param("from", NEXT_NIGHT)
                            .param("to", NIGHT).param("inputRoot", "sample-data/nights").param("confirm", "true"))
                    .andExpect(status().isBadRequest()).andExpect(content().string(containsString("is after to")));
            // The first night to run has no folder under the input root: refused before anything runs.
            mvc.perform(post("/console/backfills").with(operator()).with(csrf()).param("from", NIGHT)
                            .param("to", "2026-11-25").param("inputRoot", "target/console-test/no-such-root")
                            .param("confirm", "true"))
                    .andExpect(status().isBadRequest()).andExpect(content().string(containsString("no-such-root")));
        }

        @Test
        void aBackfillOfCompletedNightsRunsNothingAndSaysSo() throws Exception {
            Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Integer.class);
            mvc.perform(post("/console/backfills").with(operator()).with(csrf()).param("from", NIGHT)
                            .param("to", NIGHT).param("inputRoot", "target/console-test/no-such-root")
                            .param("confirm", "true"))
                    .andExpect(redirectedUrl("/console/nights"))
                    .andExpect(result -> assertThat(String.valueOf(result.getFlashMap().get("notice")))
                            .isEqualTo("The backfill " + NIGHT + " to " + NIGHT
                                    + " has nothing to run: every night of it has completed."));
            Thread.sleep(500);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Integer.class)).isEqualTo(before);
        }

        @Test
        void isToldWhyANightIsRefused() throws Exception {
            mvc.perform(post("/console/nights").with(operator()).with(csrf()).param("businessDate", NIGHT)
                            .param("inputDir", "sample-data/nights/" + NIGHT).param("confirm", "true"))
                    .andExpect(status().isBadRequest()).andExpect(content().string(containsString("already COMPLETED")));
        }

        @Test
        void cannotStopARunThatIsNotRunning() throws Exception {
            mvc.perform(post("/console/runs/" + runId + "/stop").with(operator()).with(csrf()).param("confirm", "true"))
                    .andExpect(status().isBadRequest()).andExpect(content().string(containsString("is not running")));
        }

        @Test
        void recoversARunACrashLeftRunningThenRestartsItsNight() throws Exception {
            Path input = Path.of("target/console-test/in/" + NEXT_NIGHT);
            PublishedFolder.deleteTree(input);
            Files.createDirectories(input);
            Files.writeString(input.resolve("organizations.csv"), "org_id,name\nORG-001,Kestrel\n");
            NightRunner.Outcome failed = runner.run(NEXT_NIGHT, input.toString(), REPORTS.toString(), null);
            assertThat(failed.execution().getStatus().name()).isEqualTo("FAILED");
            long id = failed.execution().getId();
            // As a process killed mid-night leaves its run.
            jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', END_TIME = NULL WHERE JOB_EXECUTION_ID = ?",
                    id);

            mvc.perform(get("/console/runs/" + id).with(operator())).andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("id=\"stop-run\""),
                            containsString("id=\"recover-run\""), containsString("run-progress.js"),
                            not(containsString("id=\"restart-run\"")))));
            mvc.perform(post("/console/runs/" + id + "/recover").with(operator()).with(csrf()).param("confirm", "true"))
                    .andExpect(redirectedUrl("/console/runs/" + id));
            mvc.perform(get("/console/runs/" + id).with(operator()))
                    .andExpect(content().string(allOf(containsString(">FAILED<"), containsString("Why it failed"),
                            containsString("id=\"restart-run\""), not(containsString("id=\"stop-run\"")))));

            Files.writeString(input.resolve("organizations.csv"), "org_id,name,market,country\nORG-001,Kestrel,DEVELOPED,GB\n");
            mvc.perform(post("/console/runs/" + id + "/restart").with(operator()).with(csrf()).param("confirm", "true"))
                    .andExpect(redirectedUrl("/console/nights?from=" + NEXT_NIGHT + "&to=" + NEXT_NIGHT));
            long deadline = System.currentTimeMillis() + 60_000;
            String latest = null;
            while (System.currentTimeMillis() < deadline && !"COMPLETED".equals(latest)) {
                Thread.sleep(200);
                latest = jdbc.query("""
                        SELECT e.STATUS FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_EXECUTION_PARAMS p
                            ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'businessDate'
                         WHERE p.PARAMETER_VALUE = ? AND e.JOB_EXECUTION_ID > ?""",
                        rs -> rs.next() ? rs.getString(1) : null, NEXT_NIGHT, id);
            }
            assertThat(latest).as("the restarted night's new run").isEqualTo("COMPLETED");
            mvc.perform(get("/console/nights").param("from", NEXT_NIGHT).with(operator()))
                    .andExpect(content().string(containsString("(2 runs)")));
        }

        @Test
        void followsARunsProgress() throws Exception {
            mvc.perform(get("/console/runs/" + runId + "/progress").with(operator())).andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("COMPLETED")).andExpect(jsonPath("$.running").value(false))
                    .andExpect(jsonPath("$.steps[0].name").value("ingestOrganizations"))
                    .andExpect(jsonPath("$.steps[0].read").value(20));
        }
    }
}
