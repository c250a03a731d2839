package com.competencyrecon.operations;

import com.competencyrecon.night.NightRunner;
import com.competencyrecon.night.RunLock;
import com.jayway.jsonpath.JsonPath;
import com.competencyrecon.support.Databases;
import com.competencyrecon.support.NightHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static com.competencyrecon.support.FeedHeaders.ORGS;
import static org.assertj.core.api.Assertions.assertThat;
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

    @Autowired
    RunLock runLock;

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
    void anOperatorStartsANightAndAnAnalystFollowsItsRunAndReadsItsReports() throws Exception {
        MvcResult started = mvc.perform(post("/api/nights/2026-11-24")
                        .param("inputDir", root.resolve("in/2026-11-24").toString())
                        .with(httpBasic("olivia", "operator-secret")))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.businessDate").value("2026-11-24"))
                .andReturn();
        long id = ((Number) JsonPath.read(started.getResponse().getContentAsString(), "$.id")).longValue();
        String location = started.getResponse().getHeader("Location");
        assertThat(location).isEqualTo("/api/runs/" + id);

        awaitEnd(location);

        mvc.perform(get(location).with(httpBasic("adam", "analyst-secret")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.businessDate").value("2026-11-24"))
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.steps[0].name").value("ingestOrganizations"))
                .andExpect(jsonPath("$.steps[0].read").value(1));
        mvc.perform(get("/api/runs").param("businessDate", "2026-11-24").with(httpBasic("adam", "analyst-secret")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(id));
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
    void aStartWhileAnotherNightRunsIsRefusedToTheCallerAndRecordsNoRun() throws Exception {
        AutoCloseable running = runLock.tryAcquire().orElseThrow();
        try {
            mvc.perform(post("/api/nights/2026-11-24").param("inputDir", root.resolve("in/2026-11-24").toString())
                            .with(httpBasic("olivia", "operator-secret")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.refusal").value("ANOTHER_RUNNING"))
                    .andExpect(jsonPath("$.error", containsString("another night is running")));
        } finally {
            running.close();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Long.class)).isZero();
    }

    @Test
    void theRunLockIsFreeAgainOnceABackgroundNightHasEnded() throws Exception {
        MvcResult started = mvc.perform(post("/api/nights/2026-11-24")
                        .param("inputDir", root.resolve("in/2026-11-24").toString())
                        .with(httpBasic("olivia", "operator-secret")))
                .andExpect(status().isAccepted()).andReturn();

        awaitEnd(started.getResponse().getHeader("Location"));

        Optional<AutoCloseable> lock = runLock.tryAcquire();
        assertThat(lock).isPresent();
        lock.get().close();
    }

    @Test
    void theRunsListIsPagedWithTheTotalAndTheNextPage() throws Exception {
        nights().feed("2026-11-25", "organizations.csv", ORGS, "O1,Contoso,DEVELOPED,US");
        nights().run("2026-11-24");
        nights().run("2026-11-25");

        mvc.perform(get("/api/runs").param("size", "1").with(httpBasic("adam", "analyst-secret")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].businessDate").value("2026-11-25"))
                .andExpect(header().string("X-Total-Count", "2"))
                .andExpect(header().string("Link", "</api/runs?page=1&size=1>; rel=\"next\""));
        mvc.perform(get("/api/runs").param("page", "1").param("size", "1").with(httpBasic("adam", "analyst-secret")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].businessDate").value("2026-11-24"))
                .andExpect(header().doesNotExist("Link"));
        mvc.perform(get("/api/runs").param("size", "1000").with(httpBasic("adam", "analyst-secret")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error", containsString("1 to 100")));
    }

    private NightHarness nights() {
        return new NightHarness(runner, root);
    }

    /** Waits until the run at {@code location} has ended, as a caller following it would. */
    private void awaitEnd(String location) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            String body = mvc.perform(get(location).with(httpBasic("adam", "analyst-secret")))
                    .andReturn().getResponse().getContentAsString();
            String state = JsonPath.read(body, "$.status");
            if (!BatchStatus.valueOf(state).isRunning() && runLock.tryAcquire().map(l -> {
                try {
                    l.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return true;
            }).orElse(false)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the run " + location + " did not end within a minute");
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

    @Test
    void aReportNameThatTriesToLeaveTheNightsFolderIsRefusedAndServesNothing() throws Exception {
        assertThat(runner.run("2026-11-24", root.resolve("in/2026-11-24").toString(), "target/api-reports", null)
                .completed()).isTrue();
        String secret = "secret-" + System.nanoTime();
        Files.writeString(Path.of("target/api-reports/secret.txt"), secret);
        Files.writeString(Path.of("target/api-reports/2026-11-24.txt"), secret);

        for (String path : List.of("/api/reports/2026-11-24/..%2Fsecret.txt", "/api/reports/2026-11-24/%2e%2e%2fsecret.txt",
                "/api/reports/2026-11-24/%252e%252e%252fsecret.txt", "/api/reports/2026-11-24/..%5Csecret.txt",
                "/api/reports/2026-11-24/%2F" + Path.of("target/api-reports/secret.txt").toAbsolutePath().toString()
                        .substring(1).replace("/", "%2F"),
                "/api/reports/2026-11-24/..", "/api/reports/2026-11-24/rejects.csv%2F..%2F..%2Fsecret.txt",
                "/api/reports/..%2Fsecret.txt/rejects.csv", "/api/reports/2026-11-24.txt/rejects.csv")) {
            mvc.perform(get(java.net.URI.create(path)).with(httpBasic("adam", "analyst-secret")))
                    .andExpect(status().is4xxClientError())
                    .andExpect(content().string(org.hamcrest.Matchers.not(containsString(secret))));
        }
        mvc.perform(get("/api/reports/2026-11-24/{file}", "../secret.txt").with(httpBasic("adam", "analyst-secret")))
                .andExpect(status().is4xxClientError())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(secret))));
        mvc.perform(get("/api/reports/2026-11-24/alerts.csv").with(httpBasic("adam", "analyst-secret")))
                .andExpect(status().isOk());
    }
}
