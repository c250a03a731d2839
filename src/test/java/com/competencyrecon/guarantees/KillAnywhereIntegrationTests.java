package com.competencyrecon.guarantees;

import com.competencyrecon.benchmark.ProgrammeGenerator;
import com.competencyrecon.benchmark.ProgrammeSize;
import com.competencyrecon.support.MySqlTestDatabase;
import com.competencyrecon.support.RequiresMySql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kill anywhere, for real: a generated programme's night runs in the packaged jar, in a JVM of its own, on
 * MariaDB/MySQL; the test sends it SIGKILL once it is inside a chosen step (that step's execution seen STARTED
 * with at least the chosen number of chunks committed), starts the same business date again, and checks that
 * every product table and every CSV report is byte for byte what an uninterrupted run of the same nights left.
 * <p>
 * The points: inside each high-volume ingest step, ownership, evaluation, alerts and the writing of the reports
 * on night 1, and evaluation and alerts of the incremental night 2; plus two points drawn from a seed the test
 * prints ({@code -Dkill.seed=N} draws the same again). Small chunks make every step commit many times.
 */
@RequiresMySql
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KillAnywhereIntegrationTests {

    private static final Path ROOT = Path.of("target", "kill-anywhere").toAbsolutePath();
    private static final List<String> SETTINGS = List.of("--recon.chunk-size=5", "--recon.bulk-chunk-size=100");
    private static final List<String> KILLABLE = List.of("ingestUsers", "ingestMsaLinks", "ingestAchievements",
            "ingestMetrics", "deriveOwnership", "evaluateCompetencies", "deriveAlerts");
    private static final int MINUTES = 5;

    private ProgrammeGenerator.Programme programme;
    private Snapshot afterNight1;
    private Snapshot afterNight2;

    /** A kill point: the night (1 or 2), the step, and how many chunks of it must have committed first. */
    record Point(int night, String step, int commits) {
        @Override
        public String toString() {
            return "night " + night + ", inside " + step + (commits > 0 ? " after " + commits + " chunk(s)" : "");
        }
    }

    @BeforeAll
    void runTheNightsUninterrupted() throws Exception {
        NightProcess.deleteTree(ROOT);
        programme = new ProgrammeGenerator(ProgrammeSize.TINY, 20_261_204L, 0.01).write(ROOT.resolve("feeds"));
        Run reference = new Run("reference");
        reference.night(programme.full());
        afterNight1 = reference.snapshot();
        reference.night(programme.incremental());
        afterNight2 = reference.snapshot();
        assertThat(afterNight2.reports()).as("the reference nights' reports")
                .containsKeys("2026-11-23/competency-status.csv", "2026-11-24/competency-status.csv");
    }

    @TestFactory
    Stream<DynamicTest> aNightKilledAnywhereRestartsToWhatAnUninterruptedRunLeaves() {
        List<Point> points = new ArrayList<>(List.of(
                new Point(1, "ingestUsers", 2), new Point(1, "ingestMsaLinks", 30),
                new Point(1, "ingestAchievements", 10), new Point(1, "ingestMetrics", 10),
                new Point(1, "deriveOwnership", 1), new Point(1, "evaluateCompetencies", 4),
                new Point(1, "deriveAlerts", 4), new Point(1, "writeReports", 0),
                new Point(2, "evaluateCompetencies", 2), new Point(2, "deriveAlerts", 1)));
        long seed = Long.getLong("kill.seed", System.currentTimeMillis());
        System.out.println("kill-anywhere: random points drawn from seed " + seed + " (-Dkill.seed=" + seed + ")");
        Random random = new Random(seed);
        for (int i = 0; i < 2; i++) {
            points.add(new Point(1, KILLABLE.get(random.nextInt(KILLABLE.size())), 1 + random.nextInt(4)));
        }
        return points.stream().map(point -> DynamicTest.dynamicTest(point.toString(), () -> killAt(point)));
    }

    private void killAt(Point point) throws Exception {
        Run run = new Run("killed-" + point.night() + "-" + point.step() + "-" + point.commits());
        if (point.night() == 2) {
            run.night(programme.full());
        }
        ProgrammeGenerator.Night night = point.night() == 1 ? programme.full() : programme.incremental();
        NightProcess killed = run.start(night, "killed");
        run.waitForPoint(killed, point);
        killed.kill();
        assertThat(run.lastStatusOf(point.step())).as("the kill landed inside " + point.step()).isEqualTo("STARTED");

        run.night(night);

        Snapshot expected = point.night() == 1 ? afterNight1 : afterNight2;
        run.snapshot().assertSameAs(expected);
    }

    /** One database and report folder, and the nights run on them. */
    private final class Run {

        private final Path dir;
        private final String url;
        private int attempts;

        Run(String name) throws IOException {
            dir = Files.createDirectories(ROOT.resolve(name));
            url = MySqlTestDatabase.create("kill");
        }

        NightProcess start(ProgrammeGenerator.Night night, String attempt) throws IOException {
            return NightProcess.start(ROOT, dir, url, MySqlTestDatabase.user(), MySqlTestDatabase.password(), night.date(),
                    night.dir(), dir.resolve("reports"), SETTINGS, attempt + "-" + (++attempts));
        }

        /** Runs the night to completion: started (or restarted) once, it must complete. */
        void night(ProgrammeGenerator.Night night) throws Exception {
            NightProcess process = start(night, "run");
            int exit = process.waitFor(MINUTES);
            assertThat(exit).as("exit code of night %s; its log ends:%n%s", night.date(), process.tail()).isZero();
        }

        void waitForPoint(NightProcess process, Point point) throws Exception {
            long deadline = System.nanoTime() + MINUTES * 60_000_000_000L;
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("the night ended before reaching " + point + "; its log ends:\n"
                            + process.tail());
                }
                if (reached(point)) {
                    return;
                }
                Thread.sleep(5);
            }
            process.kill();
            throw new AssertionError("the night did not reach " + point + " within " + MINUTES + " minutes");
        }

        private boolean reached(Point point) {
            // A partitioned step commits in its partitions (named step:partitionN) while it runs: theirs count.
            try (Connection c = connect(); PreparedStatement s = c.prepareStatement("""
                    SELECT m.STATUS, m.COMMIT_COUNT + COALESCE((SELECT SUM(p.COMMIT_COUNT) FROM BATCH_STEP_EXECUTION p
                             WHERE p.JOB_EXECUTION_ID = m.JOB_EXECUTION_ID AND p.STEP_NAME LIKE ?), 0)
                      FROM BATCH_STEP_EXECUTION m
                     WHERE m.STEP_NAME = ? ORDER BY m.STEP_EXECUTION_ID DESC LIMIT 1""")) {
                s.setString(1, point.step() + ":%");
                s.setString(2, point.step());
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() && rs.getString(1).equals("STARTED")
                            && (point.night() == 1 || !nightOneStep(c, point.step())) && rs.getLong(2) >= point.commits();
                }
            } catch (SQLException e) {
                return false; // the schema is not there yet: the process is still starting
            }
        }

        /** Whether the step's latest execution belongs to night 1 (so night 2 has not reached it yet). */
        private boolean nightOneStep(Connection c, String step) throws SQLException {
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = ?""")) {
                s.setString(1, step);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() && rs.getInt(1) < 2;
                }
            }
        }

        String lastStatusOf(String step) throws SQLException {
            try (Connection c = connect(); PreparedStatement s = c.prepareStatement("""
                    SELECT STATUS FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = ? ORDER BY STEP_EXECUTION_ID DESC LIMIT 1""")) {
                s.setString(1, step);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? rs.getString(1) : "(never started)";
                }
            }
        }

        Snapshot snapshot() throws Exception {
            try (Connection c = connect()) {
                return Snapshot.of(c, dir.resolve("reports"));
            }
        }

        private Connection connect() throws SQLException {
            return DriverManager.getConnection(url, MySqlTestDatabase.user(), MySqlTestDatabase.password());
        }
    }
}
