package com.competencyrecon.guarantees;

import com.competencyrecon.benchmark.ProgrammeGenerator;
import com.competencyrecon.benchmark.ProgrammeSize;
import com.competencyrecon.support.MySqlTestDatabase;
import com.competencyrecon.support.RequiresMySql;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away in the middle of a night: the packaged jar runs in its own JVM, reaching MariaDB through
 * a {@link DatabaseProxy}; once a chunk step has committed a few chunks the test cuts every connection and refuses
 * new ones for a while. The night must end (the process exits, within a bound, with a non-zero code and a log that
 * says the database could not be reached), publish nothing, and, once the database is back, the same call must
 * restart it (recovering the run if the outage kept its failure from being recorded) and complete to exactly the
 * product tables and CSV reports of an uninterrupted run.
 */
@RequiresMySql
class DatabaseOutageIntegrationTests {

    private static final Path ROOT = Path.of("target", "database-outage").toAbsolutePath();
    private static final List<String> SETTINGS = List.of("--recon.chunk-size=5", "--recon.bulk-chunk-size=100");
    private static final String STEP = "ingestMsaLinks";
    private static final int OUTAGE_SECONDS = 8;
    /** How long the night may take to notice the outage and exit. */
    private static final int EXIT_MINUTES = 2;

    @Test
    void aNightThatLosesItsDatabaseFailsPublishesNothingAndRestartsToWhatAnUninterruptedRunLeaves() throws Exception {
        NightProcess.deleteTree(ROOT);
        ProgrammeGenerator.Night night = new ProgrammeGenerator(ProgrammeSize.TINY, 20_261_204L, 0.01)
                .write(ROOT.resolve("feeds")).full();

        Path referenceDir = Files.createDirectories(ROOT.resolve("reference"));
        String referenceUrl = MySqlTestDatabase.create("outage");
        NightProcess reference = start(referenceDir, referenceUrl, night, "reference");
        assertThat(reference.waitFor(5)).as("the uninterrupted night; its log ends:%n%s", reference.tail()).isZero();
        Snapshot expected = snapshot(referenceUrl, referenceDir);

        Path dir = Files.createDirectories(ROOT.resolve("outage"));
        String url = MySqlTestDatabase.create("outage");
        URI server = URI.create(url.substring("jdbc:".length()));
        try (DatabaseProxy proxy = new DatabaseProxy(server.getHost(), server.getPort())) {
            NightProcess cut = start(dir, proxy.through(url), night, "cut");
            waitUntilInside(cut, url);
            long cutAt = System.nanoTime();
            proxy.cut();
            Thread.sleep(OUTAGE_SECONDS * 1000L);
            proxy.restore();
            int exit = cut.waitFor(EXIT_MINUTES);
            long seconds = (System.nanoTime() - cutAt) / 1_000_000_000L;
            String log = Files.readString(cut.log());
            System.out.println("database-outage: the night exited " + exit + " " + seconds + " s after the cut");
            assertThat(exit).as("exit code of the night that lost its database; its log ends:%n%s", cut.tail())
                    .isEqualTo(1);
            assertThat(log).as("what the operator reads in the log").containsPattern("The night " + night.date()
                    + " ended (FAILED|UNKNOWN): the database could not be reached \\(.+\\); nothing was published."
                    + " Run the same night again once the database is back");
            assertThat(dir.resolve("reports").resolve(night.date())).as("nothing published").doesNotExist();
            try (Stream<Path> left = Files.exists(dir.resolve("reports")) ? Files.list(dir.resolve("reports"))
                    : Stream.empty()) {
                assertThat(left.map(p -> p.getFileName().toString()).toList()).as("no report folder, finished or not")
                        .noneMatch(name -> name.contains(night.date()));
            }

            NightProcess again = start(dir, proxy.through(url), night, "restart");
            assertThat(again.waitFor(5)).as("the same call once the database is back; its log ends:%n%s",
                    again.tail()).isZero();
        }
        snapshot(url, dir).assertSameAs(expected);
    }

    private static NightProcess start(Path dir, String url, ProgrammeGenerator.Night night, String attempt)
            throws java.io.IOException {
        return NightProcess.start(ROOT, dir, url, MySqlTestDatabase.user(), MySqlTestDatabase.password(), night.date(),
                night.dir(), dir.resolve("reports"), SETTINGS, attempt);
    }

    /** Waits (on a connection of the test's own, not through the proxy) until the night is inside the step. */
    private static void waitUntilInside(NightProcess process, String url) throws Exception {
        long deadline = System.nanoTime() + 5 * 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the night ended before " + STEP + "; its log ends:\n" + process.tail());
            }
            try (Connection c = DriverManager.getConnection(url, MySqlTestDatabase.user(), MySqlTestDatabase.password());
                 PreparedStatement s = c.prepareStatement("""
                         SELECT STATUS, COMMIT_COUNT FROM BATCH_STEP_EXECUTION
                          WHERE STEP_NAME = ? ORDER BY STEP_EXECUTION_ID DESC LIMIT 1""")) {
                s.setString(1, STEP);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next() && rs.getString(1).equals("STARTED") && rs.getLong(2) >= 10) {
                        return;
                    }
                }
            } catch (SQLException e) {
                // the schema is not there yet
            }
            Thread.sleep(5);
        }
        process.kill();
        throw new AssertionError("the night did not reach " + STEP);
    }

    private static Snapshot snapshot(String url, Path dir) throws Exception {
        try (Connection c = DriverManager.getConnection(url, MySqlTestDatabase.user(), MySqlTestDatabase.password())) {
            return Snapshot.of(c, dir.resolve("reports"));
        }
    }
}
