package com.competencyrecon.guarantees;

import com.competencyrecon.benchmark.ProgrammeGenerator;
import com.competencyrecon.benchmark.ProgrammeSize;
import com.competencyrecon.support.MySqlTestDatabase;
import com.competencyrecon.support.RequiresMySql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clean stop on SIGTERM, for real: the packaged jar in a JVM of its own on MariaDB/MySQL runs a generated
 * programme's night with small chunks (a step lasts seconds); once a chunk step is running the test sends the
 * process SIGTERM ({@link Process#destroy()}), as a supervisor stopping it does. The night must end STOPPED (no
 * run or step left STARTED), the one-night run exit 1, nothing be published; the same call then restarts the
 * night to the product tables and CSV reports an uninterrupted run leaves. Once for a one-night run, once for
 * a night the scheduling service ({@code serve}) fired.
 */
@RequiresMySql
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StopOnSigtermIntegrationTests {

    private static final Path ROOT = Path.of("target", "stop-on-sigterm").toAbsolutePath();
    private static final List<String> SETTINGS = List.of("--recon.chunk-size=5", "--recon.bulk-chunk-size=100");
    /** A chunk step of many commits: msa links never take the bulk path. */
    private static final String STEP = "ingestMsaLinks";
    private static final int COMMITS = 5;

    private ProgrammeGenerator.Programme programme;
    private Run reference;
    private NightProcess referenceNight;
    private Snapshot uninterrupted;

    /** The uninterrupted night runs beside the first test's, on a database of its own: its result is needed last. */
    @BeforeAll
    void startTheNightUninterrupted() throws Exception {
        NightProcess.deleteTree(ROOT);
        programme = new ProgrammeGenerator(ProgrammeSize.TINY, 20_261_204L, 0.01).write(ROOT.resolve("feeds"));
        reference = new Run("reference");
        referenceNight = reference.start(programme.full(), "run");
    }

    private Snapshot uninterrupted() throws Exception {
        if (uninterrupted == null) {
            int exit = referenceNight.waitFor(5);
            assertThat(exit).as("exit code of the uninterrupted night; its log ends:%n%s", referenceNight.tail())
                    .isZero();
            uninterrupted = reference.snapshot();
            assertThat(uninterrupted.reports()).as("the reference night's reports")
                    .containsKey(programme.full().date() + "/competency-status.csv");
        }
        return uninterrupted;
    }

    @Test
    void aOneNightRunStoppedBySigtermEndsStoppedExitsOneAndRestartsToAnUninterruptedNight() throws Exception {
        Run run = new Run("one-night");
        NightProcess night = run.start(programme.full(), "sigterm");
        run.waitUntilInside(night);

        int exit = night.terminate(60);

        assertThat(exit).as("exit code after SIGTERM; the log ends:%n%s", night.tail()).isEqualTo(1);
        run.assertStoppedCleanly(night);
        run.night(programme.full());
        run.snapshot().assertSameAs(uninterrupted());
    }

    @Test
    void aScheduledNightStoppedBySigtermEndsStoppedAndTheSameNightRestartsToAnUninterruptedNight() throws Exception {
        Run run = new Run("serve");
        Path jobs = Files.createDirectories(run.dir.resolve("jobs"));
        // Every five seconds, for the programme's night: the firing's day plus the offset is that date.
        long offset = ChronoUnit.DAYS.between(LocalDate.now(ZoneOffset.UTC), LocalDate.parse(programme.full().date()));
        Files.writeString(jobs.resolve("nightly.yml"), """
                job: nightlyReconciliation
                cron: "0/5 * * * * ?"
                timeZone: UTC
                businessDateOffsetDays: %d
                parameters:
                  inputDir: %s
                  reportDir: %s
                """.formatted(offset, programme.full().dir(), run.reports()), StandardCharsets.UTF_8);
        NightProcess service = NightProcess.serve(ROOT, run.dir, run.url, MySqlTestDatabase.user(),
                MySqlTestDatabase.password(), jobs, SETTINGS, "sigterm");
        run.waitUntilInside(service);

        int exit = service.terminate(60);

        assertThat(exit).as("the service ended on SIGTERM; its log ends:%n%s", service.tail()).isNotZero();
        run.assertStoppedCleanly(service);
        assertThat(Files.readString(service.log())).as("the service's log")
                .contains("The process is ending: asking run");
        run.night(programme.full());
        run.snapshot().assertSameAs(uninterrupted());
    }

    /** One database and report folder, and the nights run on them. */
    private final class Run {

        private final Path dir;
        private final String url;
        private int attempts;

        Run(String name) throws IOException {
            dir = Files.createDirectories(ROOT.resolve(name));
            url = MySqlTestDatabase.create("sigterm");
        }

        Path reports() {
            return dir.resolve("reports");
        }

        NightProcess start(ProgrammeGenerator.Night night, String attempt) throws IOException {
            return NightProcess.start(ROOT, dir, url, MySqlTestDatabase.user(), MySqlTestDatabase.password(),
                    night.date(), night.dir(), reports(), SETTINGS, attempt + "-" + (++attempts));
        }

        /** Runs the night with the same call: started (or restarted) once, it must complete. */
        void night(ProgrammeGenerator.Night night) throws Exception {
            NightProcess process = start(night, "run");
            int exit = process.waitFor(5);
            assertThat(exit).as("exit code of night %s; its log ends:%n%s", night.date(), process.tail()).isZero();
        }

        /** Waits until the chunk step runs with a few chunks committed: SIGTERM lands inside it. */
        void waitUntilInside(NightProcess process) throws Exception {
            long deadline = System.nanoTime() + 180_000_000_000L;
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("the process ended before " + STEP + " ran; its log ends:\n"
                            + process.tail());
                }
                if (inside()) {
                    return;
                }
                Thread.sleep(5);
            }
            process.kill();
            throw new AssertionError("the night did not reach " + STEP + " within 3 minutes");
        }

        private boolean inside() {
            try (Connection c = connect(); PreparedStatement s = c.prepareStatement("""
                    SELECT STATUS, COMMIT_COUNT FROM BATCH_STEP_EXECUTION
                     WHERE STEP_NAME = ? ORDER BY STEP_EXECUTION_ID DESC LIMIT 1""")) {
                s.setString(1, STEP);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() && rs.getString(1).equals("STARTED") && rs.getLong(2) >= COMMITS;
                }
            } catch (SQLException e) {
                return false; // the schema is not there yet: the process is still starting
            }
        }

        /** The run and the step SIGTERM landed in ended STOPPED, nothing else is left running, nothing published. */
        void assertStoppedCleanly(NightProcess process) throws Exception {
            try (Connection c = connect()) {
                List<String> runs = Snapshot.rows(c, "SELECT STATUS, EXIT_CODE FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID");
                assertThat(runs).as("the night's runs; the log ends:%n%s", process.tail())
                        .containsExactly("STOPPED STOPPED");
                assertThat(Snapshot.rows(c, "SELECT STATUS FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = '" + STEP + "'"))
                        .as("the step SIGTERM landed in").containsExactly("STOPPED");
                assertThat(Snapshot.rows(c, "SELECT STEP_NAME, STATUS FROM BATCH_STEP_EXECUTION WHERE STATUS <> 'COMPLETED'"
                        + " AND STEP_NAME <> '" + STEP + "'")).as("no other step left unfinished").isEmpty();
                assertThat(Snapshot.rows(c, "SELECT STEP_NAME FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'writeReports'"))
                        .as("the night stopped before its reports").isEmpty();
            }
            assertThat(reports().resolve(programme.full().date())).as("no report folder published").doesNotExist();
        }

        Snapshot snapshot() throws Exception {
            try (Connection c = connect()) {
                return Snapshot.of(c, reports());
            }
        }

        private Connection connect() throws SQLException {
            return DriverManager.getConnection(url, MySqlTestDatabase.user(), MySqlTestDatabase.password());
        }
    }
}
