package com.competencyrecon.guarantees;

import com.competencyrecon.benchmark.ProgrammeGenerator;
import com.competencyrecon.support.MySqlTestDatabase;
import com.competencyrecon.support.RequiresMySql;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private static final Path ROOT = ReferenceNight.ROOT;
    private static final String STEP = "ingestMsaLinks";
    private static final int OUTAGE_SECONDS = 8;
    /** How long the night may take to notice the outage and exit. */
    private static final int EXIT_MINUTES = 2;

    @Test
    void aNightThatLosesItsDatabaseFailsPublishesNothingAndRestartsToWhatAnUninterruptedRunLeaves() throws Exception {
        ProgrammeGenerator.Night night = ReferenceNight.night();
        Snapshot expected = ReferenceNight.uninterrupted();

        Path dir = Files.createDirectories(ROOT.resolve("outage"));
        String url = MySqlTestDatabase.create("outage");
        URI server = URI.create(url.substring("jdbc:".length()));
        try (DatabaseProxy proxy = new DatabaseProxy(server.getHost(), server.getPort())) {
            NightProcess cut = start(dir, proxy.through(url), night, "cut");
            cut.waitUntilInside(url, MySqlTestDatabase.user(), MySqlTestDatabase.password(), STEP, 10);
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
        ReferenceNight.snapshot(url, dir.resolve("reports")).assertSameAs(expected);
    }

    private static NightProcess start(Path dir, String url, ProgrammeGenerator.Night night, String attempt)
            throws java.io.IOException {
        return NightProcess.start(ROOT, dir, url, MySqlTestDatabase.user(), MySqlTestDatabase.password(), night.date(),
                night.dir(), dir.resolve("reports"), ReferenceNight.SETTINGS, attempt);
    }
}
