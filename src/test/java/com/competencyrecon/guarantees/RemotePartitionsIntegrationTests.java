package com.competencyrecon.guarantees;

import com.competencyrecon.benchmark.ProgrammeGenerator;
import com.competencyrecon.benchmark.ProgrammeSize;
import com.competencyrecon.support.MySqlTestDatabase;
import com.competencyrecon.support.RequiresMySql;
import com.competencyrecon.support.RequiresRabbitMq;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import org.junit.jupiter.api.AfterEach;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Remote partitions for real: the packaged jar as a manager ({@code recon.partitioning=remote}) and as two worker
 * processes ({@code worker} profile) on one MariaDB/MySQL job repository and a local RabbitMQ, on a queue of this
 * test run's own. The nights give every product table and CSV report an all-in-one-process run gives; a worker
 * killed with SIGKILL inside its partition leaves that partition FAILED, the night FAILED, and the restart runs
 * that partition alone to the same state.
 */
@RequiresMySql
@RequiresRabbitMq
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemotePartitionsIntegrationTests {

    private static final Path ROOT = Path.of("target", "remote-partitions").toAbsolutePath();
    private static final int MINUTES = 4;

    private ProgrammeGenerator.Programme programme;
    private Snapshot afterNight1;
    private Snapshot afterNight2;
    private final List<NightProcess> workers = new ArrayList<>();

    @BeforeAll
    void runTheNightsInOneProcess() throws Exception {
        deleteTree(ROOT);
        programme = new ProgrammeGenerator(ProgrammeSize.TINY, 20_261_204L, 0.01).write(ROOT.resolve("feeds"));
        Run reference = new Run("reference", List.of("--recon.chunk-size=5", "--recon.partitions=1"));
        reference.night(programme.full(), "run");
        afterNight1 = reference.snapshot();
        reference.night(programme.incremental(), "run");
        afterNight2 = reference.snapshot();
    }

    @AfterEach
    void stopWorkers() throws InterruptedException {
        for (NightProcess worker : workers) {
            if (worker.isAlive()) {
                worker.kill();
            }
        }
        workers.clear();
    }

    @Test
    void twoWorkersGiveTheReportsOfOneProcess() throws Exception {
        String queue = queue();
        Run run = new Run("two-workers", remote(queue, 4, 5));
        run.workers(queue, 2);

        run.night(programme.full(), "run");
        run.snapshot().assertSameAs(afterNight1);
        run.night(programme.incremental(), "run");
        run.snapshot().assertSameAs(afterNight2);

        Map<String, Integer> ranByWorker = new TreeMap<>();
        for (NightProcess worker : workers) {
            ranByWorker.put(worker.log().getFileName().toString(),
                    (int) Files.readAllLines(worker.log()).stream().filter(l -> l.contains("Running ")).count());
        }
        assertThat(ranByWorker.values()).as("partitions each worker ran: %s", ranByWorker).allMatch(n -> n > 0);
        assertThat(ranByWorker.values().stream().mapToInt(Integer::intValue).sum())
                .as("four partitions of evaluation and of alerts, two nights").isEqualTo(16);
    }

    @Test
    void aWorkerKilledInsideItsPartitionLeavesItFailedAndTheRestartRunsItAlone() throws Exception {
        String queue = queue();
        // One organisation a chunk, two partitions of 25: each worker takes one and commits 25 times.
        Run run = new Run("killed-worker", remote(queue, 2, 1));
        run.workers(queue, 2);
        NightProcess manager = run.start(programme.full(), "killed");

        String partition = run.waitForRunningPartition(manager, "evaluateCompetencies", 3);
        NightProcess victim = workers.stream().filter(w -> run.logMentions(w, partition)).findFirst()
                .orElseThrow(() -> new AssertionError("no worker log names " + partition));
        victim.kill();

        assertThat(manager.waitFor(MINUTES)).as("the manager's exit; its log ends:%n%s", manager.tail()).isEqualTo(1);
        assertThat(run.statuses("evaluateCompetencies:%")).as("the partitions after the kill")
                .containsEntry(partition, List.of("FAILED")).containsValue(List.of("COMPLETED"));

        run.night(programme.full(), "restart");

        Map<String, List<String>> statuses = run.statuses("evaluateCompetencies:%");
        assertThat(statuses.get(partition)).as("the killed partition, then its rerun").containsExactly("FAILED",
                "COMPLETED");
        statuses.forEach((name, runs) -> {
            if (!name.equals(partition)) {
                assertThat(runs).as(name + " is not run again").containsExactly("COMPLETED");
            }
        });
        run.snapshot().assertSameAs(afterNight1);
    }

    private static String queue() {
        return "recon-it-" + UUID.randomUUID();
    }

    private static List<String> remote(String queue, int partitions, int chunk) {
        return List.of("--recon.partitioning=remote", "--recon.partitions=" + partitions,
                "--recon.partition-queue=" + queue, "--recon.partition-timeout=3m", "--recon.chunk-size=" + chunk);
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

        void night(ProgrammeGenerator.Night night, String attempt) throws Exception {
            NightProcess process = start(night, attempt);
            int exit = process.waitFor(MINUTES);
            assertThat(exit).as("exit code of night %s; its log ends:%n%s", night.date(), process.tail()).isZero();
        }

        /** Starts the workers, once the schema is there, and waits until each consumes the queue. */
        void workers(String queue, int count) throws Exception {
            // The first worker creates the schema; the second starts once it is there, as the manager will.
            for (int i = 1; i <= count; i++) {
                workers.add(NightProcess.worker(ROOT, dir, url, MySqlTestDatabase.user(), MySqlTestDatabase.password(),
                        settings, dir.getFileName() + "-" + i));
                waitForConsumers(queue, i);
            }
        }

        private void waitForConsumers(String queue, int count) throws Exception {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setHost(RequiresRabbitMq.HOST);
            factory.setPort(RequiresRabbitMq.PORT);
            long deadline = System.nanoTime() + MINUTES * 60_000_000_000L;
            try (Connection connection = factory.newConnection()) {
                while (System.nanoTime() < deadline) {
                    for (NightProcess worker : workers) {
                        assertThat(worker.isAlive()).as("worker up; its log ends:%n%s", worker.tail()).isTrue();
                    }
                    try (Channel channel = connection.createChannel()) {
                        if (channel.queueDeclarePassive(queue).getConsumerCount() >= count) {
                            return;
                        }
                    } catch (IOException notYetDeclared) {
                        // The queue is declared by the first worker once its context is up.
                    }
                    Thread.sleep(200);
                }
            }
            throw new AssertionError(count + " worker(s) did not consume " + queue + " within " + MINUTES + " minutes");
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

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
