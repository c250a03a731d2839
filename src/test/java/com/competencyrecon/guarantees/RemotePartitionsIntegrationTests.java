package com.competencyrecon.guarantees;

import com.competencyrecon.benchmark.ProgrammeGenerator;
import com.competencyrecon.benchmark.ProgrammeSize;
import com.competencyrecon.support.PartitionQueue;
import com.competencyrecon.support.MySqlTestDatabase;
import com.competencyrecon.support.RequiresMySql;
import com.competencyrecon.support.RequiresRabbitMq;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Remote partitions for real: the packaged jar as a manager ({@code recon.partitioning=remote}) and as worker
 * processes ({@code worker} profile) on one MariaDB/MySQL job repository and a local RabbitMQ, on a queue of this
 * test run's own. A worker killed with SIGKILL inside its partition leaves that partition FAILED and the night
 * FAILED; the restart runs that partition alone; and the nights on two workers leave every product table and CSV
 * report as the same nights in one process do. The reference runs while the workers start, to keep it short.
 */
@RequiresMySql
@RequiresRabbitMq
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemotePartitionsIntegrationTests {

    private static final Path ROOT = Path.of("target", "remote-partitions").toAbsolutePath();
    private static final int MINUTES = 4;

    private ProgrammeGenerator.Programme programme;
    private final List<NightProcess> workers = new ArrayList<>();

    @BeforeAll
    void generate() throws IOException {
        NightProcess.deleteTree(ROOT);
        programme = new ProgrammeGenerator(ProgrammeSize.TINY, 20_261_204L, 0.01).write(ROOT.resolve("feeds"));
    }

    @AfterAll
    void stopWorkers() throws InterruptedException {
        for (NightProcess worker : workers) {
            if (worker.isAlive()) {
                worker.kill();
            }
        }
    }

    @Test
    void nightsOnTwoWorkersGiveTheStateOfOneProcessAndAKilledWorkersPartitionAloneRunsAgain() throws Exception {
        // The reference: both nights in one process, on a database of its own, while the workers start.
        Run reference = new Run("reference", List.of("--recon.chunk-size=1", "--recon.partitions=1"));
        NightProcess referenceNight1 = reference.start(programme.full(), "run");
        String queue = "recon-it-" + UUID.randomUUID();
        // One organisation a chunk, two partitions of 25: each worker takes one and commits 25 times.
        Run run = new Run("remote", List.of("--recon.partitioning=remote", "--recon.partitions=2",
                "--recon.partition-queue=" + queue, "--recon.partition-timeout=3m", "--recon.chunk-size=1"));
        NightProcess first = run.worker("1");
        NightProcess second = run.worker("2");
        reference.ended(referenceNight1);
        Snapshot afterNight1 = reference.snapshot();
        NightProcess referenceNight2 = reference.start(programme.incremental(), "run");
        run.waitForConsumers(queue, 2);

        // Night 1: the worker running a partition is killed inside it.
        NightProcess manager = run.start(programme.full(), "killed");
        String partition = run.waitForRunningPartition(manager, "evaluateCompetencies", 3);
        NightProcess victim = run.logMentions(first, partition) ? first : second;
        assertThat(run.logMentions(victim, partition)).as("a worker's log names " + partition).isTrue();
        victim.kill();
        workers.remove(victim);
        assertThat(manager.waitFor(MINUTES)).as("the manager's exit; its log ends:%n%s", manager.tail()).isEqualTo(1);
        assertThat(run.statuses("evaluateCompetencies:%")).as("the partitions after the kill")
                .containsEntry(partition, List.of("FAILED")).containsValue(List.of("COMPLETED"));

        // The restart, the other worker still up and a new one starting: the killed partition alone runs again.
        NightProcess third = run.worker("3");
        run.ended(run.start(programme.full(), "restart"));
        Map<String, List<String>> statuses = run.statuses("evaluateCompetencies:%");
        assertThat(statuses).hasSize(2);
        statuses.forEach((name, runs) -> assertThat(runs).as(name)
                .containsExactlyElementsOf(name.equals(partition) ? List.of("FAILED", "COMPLETED") : List.of("COMPLETED")));
        run.snapshot().assertSameAs(afterNight1);

        // Night 2 on the two workers up: the state of the single process.
        run.waitForConsumers(queue, 2);
        run.ended(run.start(programme.incremental(), "run"));
        reference.ended(referenceNight2);
        run.snapshot().assertSameAs(reference.snapshot());
        String night2 = "of the night " + programme.incremental().date();
        for (NightProcess worker : List.of(victim == first ? second : first, third)) {
            assertThat(Files.readAllLines(worker.log())).as("partitions of night 2 run by " + worker.log())
                    .anyMatch(line -> line.contains("Running ") && line.contains(night2));
        }
    }

    /** One database and report folder, the nights run on them, and the workers serving them. */
    private final class Run {

        private final Path dir;
        private final String url;
        private final List<String> settings;
        private int attempts;

        Run(String name, List<String> settings) throws IOException {
            this.dir = Files.createDirectories(ROOT.resolve(name));
            this.url = MySqlTestDatabase.create("remote");
            this.settings = settings;
        }

        NightProcess start(ProgrammeGenerator.Night night, String attempt) throws IOException {
            return NightProcess.start(ROOT, dir, url, MySqlTestDatabase.user(), MySqlTestDatabase.password(),
                    night.date(), night.dir(), dir.resolve("reports"), settings, attempt + "-" + (++attempts));
        }

        void ended(NightProcess night) throws Exception {
            assertThat(night.waitFor(MINUTES)).as("exit code of %s; its log ends:%n%s", night.log(), night.tail())
                    .isZero();
        }

        NightProcess worker(String name) throws IOException {
            NightProcess worker = NightProcess.worker(ROOT, dir, url, MySqlTestDatabase.user(),
                    MySqlTestDatabase.password(), settings, name);
            workers.add(worker);
            return worker;
        }

        /** Waits until {@code count} workers consume the queue (they declare it once their context is up). */
        void waitForConsumers(String queue, int count) throws Exception {
            PartitionQueue.awaitConsumers(queue, count, Duration.ofMinutes(MINUTES), () -> {
                for (NightProcess worker : workers) {
                    assertThat(worker.isAlive()).as("worker up; its log ends:%n%s", worker.tail()).isTrue();
                }
            });
        }

        /** Waits until a partition of {@code step} runs with at least {@code commits} chunks committed. */
        String waitForRunningPartition(NightProcess manager, String step, int commits) throws Exception {
            long deadline = System.nanoTime() + MINUTES * 60_000_000_000L;
            while (System.nanoTime() < deadline) {
                assertThat(manager.isAlive()).as("the night runs; its log ends:%n%s", manager.tail()).isTrue();
                try (java.sql.Connection c = connect(); PreparedStatement s = c.prepareStatement("""
                        SELECT STEP_NAME FROM BATCH_STEP_EXECUTION
                         WHERE STEP_NAME LIKE ? AND STATUS = 'STARTED' AND COMMIT_COUNT >= ?
                         ORDER BY STEP_EXECUTION_ID LIMIT 1""")) {
                    s.setString(1, step + ":%");
                    s.setInt(2, commits);
                    try (ResultSet rs = s.executeQuery()) {
                        if (rs.next()) {
                            return rs.getString(1);
                        }
                    }
                } catch (SQLException schemaNotThereYet) {
                    // keep polling
                }
                Thread.sleep(5);
            }
            throw new AssertionError("no partition of " + step + " ran with " + commits + " commits");
        }

        boolean logMentions(NightProcess worker, String partition) {
            try {
                return Files.readAllLines(worker.log()).stream().anyMatch(l -> l.contains("Running " + partition + " "));
            } catch (IOException e) {
                return false;
            }
        }

        /** Each partition's runs, oldest first, by name. */
        Map<String, List<String>> statuses(String namePattern) throws SQLException {
            Map<String, List<String>> statuses = new TreeMap<>();
            try (java.sql.Connection c = connect(); PreparedStatement s = c.prepareStatement("""
                    SELECT STEP_NAME, STATUS FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE ?
                     ORDER BY STEP_EXECUTION_ID""")) {
                s.setString(1, namePattern);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        statuses.computeIfAbsent(rs.getString(1), n -> new ArrayList<>()).add(rs.getString(2));
                    }
                }
            }
            return statuses;
        }

        Snapshot snapshot() throws Exception {
            try (java.sql.Connection c = connect()) {
                return Snapshot.of(c, dir.resolve("reports"));
            }
        }

        private java.sql.Connection connect() throws SQLException {
            return DriverManager.getConnection(url, MySqlTestDatabase.user(), MySqlTestDatabase.password());
        }
    }
}
