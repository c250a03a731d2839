package com.competencyrecon.operations;

import com.competencyrecon.night.NightRunner;
import com.competencyrecon.support.Databases;
import com.competencyrecon.support.NightHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static com.competencyrecon.support.FeedHeaders.ORGS;
import static org.assertj.core.api.Assertions.assertThat;

/** The operator command line: runs, why one failed, recover, stop, schedules and reports. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:operations;MODE=MySQL;NON_KEYWORDS=VALUE,MONTH,LEVEL,TYPE,LINE,KEY;DB_CLOSE_DELAY=-1",
        "recon.roots=/"})
class OperatorCommandsTests {

    @Autowired
    OperatorCommands commands;

    @Autowired
    NightRunner runner;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path root;

    NightHarness nights;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() {
        Databases.reset(jdbc);
        nights = new NightHarness(runner, root);
    }

    private int run(String command, Map<String, String> args) {
        out.reset();
        err.reset();
        return commands.run(command, args, nights.reportDir().toString(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private long failedRun() {
        nights.feed("2026-11-24", "users.csv", "user_id,org_id", "u1,O1");
        NightRunner.Outcome failed = nights.run("2026-11-24");
        return failed.execution().getId();
    }

    @Test
    void runsListsEveryRunNewestFirstWithItsStatus() {
        long failed = failedRun();
        nights.feed("2026-11-24", "users.csv", "user_id,org_id,status,changed_at");
        long completed = nights.run("2026-11-24").execution().getId();

        assertThat(run("runs", Map.of())).isZero();

        assertThat(out().lines()).hasSize(2);
        assertThat(out().lines().findFirst().orElseThrow()).startsWith(completed + "\t2026-11-24\tCOMPLETED");
        assertThat(out()).contains(failed + "\t2026-11-24\tFAILED");
    }

    @Test
    void runShowsPerStepCountsAndWhyItFailed() {
        nights.feed("2026-11-24", "organizations.csv", ORGS, "O1,Contoso,DEVELOPED,US", "O2,,DEVELOPED,US");
        long id = failedRun();

        assertThat(run("run", Map.of("id", String.valueOf(id)))).isZero();

        assertThat(out()).contains("run " + id + " of the night 2026-11-24: FAILED")
                // Every feed file's header is read before the first feed is applied: nothing of the night is.
                .contains("ingestOrganizations\tFAILED\t0\t0\t0\t0")
                .contains("failure: users.csv: header lacks required column(s)");
    }

    @Test
    void recoverMarksARunLeftRunningAsFailed() {
        long id = failedRun();
        jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', END_TIME = NULL");

        assertThat(run("recover", Map.of("id", String.valueOf(id)))).isZero();

        assertThat(out()).contains("run " + id + " recovered: FAILED");
        assertThat(jdbc.queryForObject("SELECT STATUS FROM BATCH_JOB_EXECUTION", String.class)).isEqualTo("FAILED");
    }

    @Test
    void stopAsksARunningNightToStopThroughItsStatus() {
        long id = failedRun();
        jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', END_TIME = NULL");

        assertThat(run("stop", Map.of("id", String.valueOf(id)))).isZero();

        assertThat(out()).contains("run " + id + " asked to stop");
        assertThat(jdbc.queryForObject("SELECT STATUS FROM BATCH_JOB_EXECUTION", String.class)).isEqualTo("STOPPING");
    }

    @Test
    void stoppingARunThatIsNotRunningIsRefused() {
        long id = failedRun();

        assertThat(run("stop", Map.of("id", String.valueOf(id)))).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not running (FAILED)");
    }

    @Test
    void reportsListsANightsFilesAndPrintsOne() {
        nights.feed("2026-11-24", "organizations.csv", ORGS, "O1,Contoso,DEVELOPED,US");
        nights.run("2026-11-24");

        assertThat(run("reports", Map.of("businessDate", "2026-11-24"))).isZero();
        assertThat(out()).contains("competency-status.csv").contains("summary.html");

        assertThat(run("reports", Map.of("businessDate", "2026-11-24", "file", "rejects.csv"))).isZero();
        assertThat(out()).isEqualTo("feed,line,record_key,reason,detail\n");

        assertThat(run("reports", Map.of("businessDate", "2026-11-24"))).isZero();
        assertThat(out()).contains("2026-11-24.xlsx").doesNotContain("organisations");
        assertThat(run("reports", Map.of("businessDate", "2026-11-24", "file", "2026-11-24.xlsx"))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("2026-11-24.xlsx is a workbook, not text: open /")
                .contains("2026-11-24/2026-11-24.xlsx");
    }

    @Test
    void unknownCommandsAndMissingArgumentsAreRefused() {
        assertThat(run("launch", Map.of())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'launch'");
        assertThat(run("run", Map.of())).isEqualTo(2);
        assertThat(run("reports", Map.of("businessDate", "2026-11-24"))).isEqualTo(2);
    }

    @Test
    void schedulesListsTheDescriptors() {
        assertThat(run("schedules", Map.of())).isZero();
        assertThat(out()).contains("nightly-reconciliation: nightlyReconciliation at '0 30 2 * * ?' UTC");
    }
}
