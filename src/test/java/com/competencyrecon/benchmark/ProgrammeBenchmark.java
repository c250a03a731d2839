package com.competencyrecon.benchmark;

import com.competencyrecon.CompetencyReconApplication;
import com.competencyrecon.benchmark.BenchmarkResults.Night;
import com.competencyrecon.benchmark.BenchmarkResults.Step;
import com.competencyrecon.benchmark.ProgrammeGenerator.Programme;
import com.competencyrecon.night.NightRunner;
import com.competencyrecon.support.MySqlTestDatabase;
import com.competencyrecon.system.Partitions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nightly run at programme scale. Generates a programme ({@code -Dbench.size=tiny|small|medium|programme},
 * {@code -Dbench.changed=0.01}, {@code -Dbench.seed=N}) under {@code target/benchmark/<size>/}, runs night 1
 * (the full load) and night 2 (the delta) each in a fresh application context, as a new process would, then
 * times the server's own bulk load of night 1's {@code achievements.csv} into a table shaped like
 * {@code achievement}. Writes {@code target/benchmark/results.json} and prints the same as a table.
 * MySQL/MariaDB when {@code RECON_TEST_MYSQL_URL} is set, else a file-based H2.
 * Not part of the ordinary build: {@code ./mvnw -Pbenchmark verify -Dbench.size=medium}.
 */
@Tag("benchmark")
class ProgrammeBenchmark {

    private static final Path ROOT = Path.of("target/benchmark").toAbsolutePath();
    /** The partitions a night has when {@code recon.partitions} is not set (ReconProperties.partitionCount). */
    private static final int DEFAULT_PARTITIONS = Runtime.getRuntime().availableProcessors();
    private static final String H2_OPTIONS = ";MODE=MySQL;NON_KEYWORDS=VALUE,MONTH,LEVEL,TYPE,LINE,KEY;AUTO_SERVER=FALSE";

    /** The data source every context of this run uses. */
    private record Database(String url, String user, String password, boolean mysql, int partitions,
                            List<String> settings) {

        /** The same database with more settings for the contexts that use it. */
        Database with(String... more) {
            List<String> all = new ArrayList<>(settings);
            all.addAll(List.of(more));
            return new Database(url, user, password, mysql, partitions, all);
        }

        List<String> arguments() {
            List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + url,
                    "--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
                    "--recon.roots=/", "--recon.scheduler.enabled=false", "--recon.partitions=" + partitions));
            args.addAll(settings);
            if (mysql) {
                args.add("--spring.profiles.active=mysql");
            }
            return args;
        }
    }

    @Test
    void nightsAtProgrammeScale() throws Exception {
        ProgrammeSize size = ProgrammeSize.of(System.getProperty("bench.size", "small"));
        double changed = Double.parseDouble(System.getProperty("bench.changed", "0.01"));
        long seed = Long.getLong("bench.seed", 20_261_123L);
        Path work = ROOT.resolve(size.label());
        deleteTree(work);

        long start = System.nanoTime();
        Programme programme = new ProgrammeGenerator(size, seed, changed).write(work.resolve("feeds"));
        double generateSeconds = seconds(start);
        // The nights as the product runs them: evaluation and alerts in its default partitions, one per core.
        Database database = database(work, "recon", DEFAULT_PARTITIONS);
        Path reports = work.resolve("reports");

        // The first context of a JVM loads every class and creates the schema: a cost each real process pays
        // for its classes, but that would otherwise fall on night 1 alone. Paid once here, and reported.
        long cold = System.nanoTime();
        startContext(database).close();
        double coldStart = seconds(cold);

        Night full = night("full", programme.full(), database, reports);
        Night incremental = night("incremental", programme.incremental(), database, reports);
        // Scale out: night 1 again on databases of their own, its evaluation and alerts in one partition and
        // then in two (threads of the one process), both after the nights above have compiled the code.
        Night onePartition = night("full, 1 partition", programme.full(), database(work, "recon1", 1),
                work.resolve("reports-1-partition"));
        Night twoPartitions = night("full, 2 partitions", programme.full(), database(work, "recon2", 2),
                work.resolve("reports-2-partitions"));
        // And on worker processes over RabbitMQ (remote partitions), one and then two, one partition each, where
        // the server is MySQL/MariaDB and a broker answers (-Dbench.workers=false leaves them out).
        boolean remote = database.mysql() && !"false".equals(System.getProperty("bench.workers"))
                && BenchmarkWorkers.brokerAnswers();
        List<Night> oneWorker = remote ? onWorkers(work, programme, 1) : null;
        List<Night> twoWorkers = remote ? onWorkers(work, programme, 2) : null;
        Path achievements = programme.full().dir().resolve("achievements.csv");
        double loadData;
        String product;
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            product = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
            loadData = database.mysql() ? loadDataLocalInfile(c, achievements) : insertFromCsvRead(c, achievements);
        }

        Step ingest = full.step("ingestAchievements");
        BenchmarkResults results = new BenchmarkResults()
                .put("size", size.label())
                .put("seed", seed)
                .put("changed_share", changed)
                .put("partitions", DEFAULT_PARTITIONS + " (the default: one per core)")
                .put("database", product)
                .put("load_data_method", database.mysql() ? "LOAD DATA LOCAL INFILE"
                        : "INSERT INTO ... SELECT FROM CSVREAD (H2's equivalent)")
                .put("organizations", programme.organizations())
                .put("people", programme.people())
                .put("achievements_rows", ingest.read())
                .put("metric_rows", full.step("ingestMetrics").read())
                .put("achievements_file_mb", Files.size(achievements) / 1e6)
                .put("generate_seconds", generateSeconds)
                .put("ingest_achievements_seconds", ingest.seconds())
                .put("ingest_achievements_rows_per_second", ingest.rowsPerSecond())
                .put("load_data_seconds", loadData)
                .put("load_data_rows_per_second", ingest.read() / loadData)
                .put("ingest_ratio", ingest.seconds() / loadData)
                .put("full_night_seconds", full.totalSeconds())
                .put("incremental_night_seconds", incremental.totalSeconds())
                .put("incremental_ratio", incremental.totalSeconds() / full.totalSeconds())
                .put("cold_context_start_seconds", coldStart)
                .put("incremental_ratio_with_cold_starts", (incremental.totalSeconds() - incremental.startSeconds() + coldStart)
                        / (full.totalSeconds() - full.startSeconds() + coldStart))
                .put("evaluation_seconds_1_local_partition", onePartition.step("evaluateCompetencies").seconds())
                .put("evaluation_seconds_2_local_partitions", twoPartitions.step("evaluateCompetencies").seconds())
                .put("alerts_seconds_1_local_partition", onePartition.step("deriveAlerts").seconds())
                .put("alerts_seconds_2_local_partitions", twoPartitions.step("deriveAlerts").seconds())
                .put("scale_out_ratio_local_partitions", twoPartitions.step("evaluateCompetencies").seconds()
                        / onePartition.step("evaluateCompetencies").seconds());
        if (remote) {
            // Night 1 runs on workers just started (their code not compiled yet); night 2, on the same workers, is
            // the figure of a worker that has run before.
            results.put("scale_out_mode", "worker processes over RabbitMQ, one partition each; night 2, the"
                            + " workers having run night 1")
                    .put("evaluation_seconds_1_worker_cold", oneWorker.get(0).step("evaluateCompetencies").seconds())
                    .put("evaluation_seconds_2_workers_cold", twoWorkers.get(0).step("evaluateCompetencies").seconds())
                    .put("evaluation_seconds_1_worker", oneWorker.get(1).step("evaluateCompetencies").seconds())
                    .put("evaluation_seconds_2_workers", twoWorkers.get(1).step("evaluateCompetencies").seconds())
                    .put("alerts_seconds_1_worker", oneWorker.get(1).step("deriveAlerts").seconds())
                    .put("alerts_seconds_2_workers", twoWorkers.get(1).step("deriveAlerts").seconds())
                    .put("scale_out_ratio", twoWorkers.get(1).step("evaluateCompetencies").seconds()
                            / oneWorker.get(1).step("evaluateCompetencies").seconds());
        } else {
            results.put("scale_out_mode", "local partitions: threads of one process (no MySQL server or no broker)")
                    .put("scale_out_ratio", twoPartitions.step("evaluateCompetencies").seconds()
                            / onePartition.step("evaluateCompetencies").seconds());
        }
        results
                .put("peak_heap_mb", Math.max(full.peakHeapMb(), incremental.peakHeapMb()))
                .put("max_heap_mb", Runtime.getRuntime().maxMemory() / 1e6)
                .night(full).night(incremental).night(onePartition).night(twoPartitions);
        if (remote) {
            oneWorker.forEach(results::night);
            twoWorkers.forEach(results::night);
        }
        results.write(ROOT.resolve("results.json"));
        System.out.println(results.table());

        List<String> others = new ArrayList<>(List.of("reports-1-partition", "reports-2-partitions"));
        if (remote) {
            others.addAll(List.of("reports-1-workers", "reports-2-workers"));
        }
        for (String other : others) {
            List<String> dates = other.endsWith("-workers") ? List.of(programme.full().date(), programme.incremental().date())
                    : List.of(programme.full().date());
            for (String date : dates) {
                for (String report : List.of("competency-status.csv", "alerts.csv")) {
                    assertThat(Files.readString(work.resolve(other).resolve(date).resolve(report)))
                            .as(date + "'s " + report + " in " + other)
                            .isEqualTo(Files.readString(reports.resolve(date).resolve(report)));
                }
            }
        }
        assertThat(full.rejects()).as("night 1 rejects").isEqualTo(programme.full().rejects().size());
        assertThat(incremental.rejects()).as("night 2 rejects").isEqualTo(programme.incremental().rejects().size());
    }

    /**
     * One night as the command line runs it: a new application context (connection pool, Flyway's check,
     * catalogue, job), the night, and the context's close; peak heap measured from a reset.
     */
    private static Night night(String kind, ProgrammeGenerator.Night night, Database database, Path reports) {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        HeapSampler sampler = new HeapSampler();
        sampler.start();
        long start = System.nanoTime();
        ConfigurableApplicationContext context = startContext(database);
        double startSeconds = seconds(start);
        long run = System.nanoTime();
        NightRunner.Outcome outcome = context.getBean(NightRunner.class)
                .run(night.date(), night.dir().toString(), reports.toString(), null);
        double runSeconds = seconds(run);
        long close = System.nanoTime();
        context.close();
        double closeSeconds = seconds(close);
        sampler.interrupt();
        double pools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1e6;

        assertThat(outcome.completed()).as("night " + night.date() + " completed: " + outcome).isTrue();
        List<Step> steps = outcome.execution().getStepExecutions().stream()
                .filter(s -> !Partitions.isPartition(s.getStepName()))
                .sorted(Comparator.comparing(StepExecution::getStartTime))
                .map(s -> new Step(s.getStepName(), Duration.between(s.getStartTime(), s.getEndTime()).toMillis() / 1000.0,
                        s.getReadCount(), s.getWriteCount()))
                .toList();
        return new Night(kind, night.date(), startSeconds, runSeconds, closeSeconds, pools, sampler.peak() / 1e6,
                countLines(reports.resolve(night.date()).resolve("rejects.csv")), steps);
    }

    /**
     * Nights 1 and 2 on a database of their own, their evaluation and alerts in {@code workers} partitions sent
     * to as many worker processes over RabbitMQ. The schema is created first, so the workers start on it.
     */
    private static List<Night> onWorkers(Path work, Programme programme, int workers) throws Exception {
        String queue = "recon-bench-" + java.util.UUID.randomUUID();
        Database database = database(work, "recon-w" + workers, workers).with("--recon.partitioning=remote",
                "--recon.partition-queue=" + queue, "--recon.partition-timeout=60m");
        startContext(database).close();
        try (BenchmarkWorkers running = BenchmarkWorkers.start(workers, database.url(), database.user(),
                database.password(), queue, work.resolve("workers"))) {
            Path reports = work.resolve("reports-" + workers + "-workers");
            return List.of(night("full, " + workers + " worker process(es)", programme.full(), database, reports),
                    night("incremental, " + workers + " worker process(es)", programme.incremental(), database,
                            reports));
        }
    }

    /** A fresh database of the run: on the MySQL server when one is configured, else a file-based H2. */
    private static Database database(Path work, String name, int partitions) {
        return MySqlTestDatabase.configured()
                ? new Database(MySqlTestDatabase.create("bench"), MySqlTestDatabase.user(), MySqlTestDatabase.password(),
                        true, partitions, List.of())
                : new Database("jdbc:h2:file:" + work.resolve("db/" + name) + H2_OPTIONS, "sa", "", false, partitions,
                        List.of());
    }

    private static ConfigurableApplicationContext startContext(Database database) {
        return new SpringApplicationBuilder(CompetencyReconApplication.class).web(WebApplicationType.NONE)
                .run(database.arguments().toArray(String[]::new));
    }

    /** The server's own bulk load of the file into a scratch table shaped like {@code achievement}. */
    private static double loadDataLocalInfile(Connection c, Path file) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_achievement");
            s.execute("CREATE TABLE bench_achievement LIKE achievement");
            long start = System.nanoTime();
            s.execute("LOAD DATA LOCAL INFILE '" + file + "' INTO TABLE bench_achievement CHARACTER SET utf8mb4"
                    + " FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '\"' LINES TERMINATED BY '\\n' IGNORE 1 LINES"
                    + " (record_id, msa_id, credential, @earned, @expires, @status, source)"
                    + " SET earned_at = STR_TO_DATE(@earned, '%Y-%m-%dT%H:%i:%sZ'), expires_on = NULLIF(@expires, ''),"
                    + " status = COALESCE(NULLIF(@status, ''), 'ACTIVE'), loaded_on = '2026-11-23', loaded_line = 0");
            double seconds = seconds(start);
            s.execute("DROP TABLE bench_achievement");
            return seconds;
        }
    }

    /** H2 has no LOAD DATA; its own bulk read of a CSV file into the same shape stands in for it. */
    private static double insertFromCsvRead(Connection c, Path file) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_achievement");
            s.execute("""
                    CREATE TABLE bench_achievement (
                        record_id VARCHAR(64) NOT NULL PRIMARY KEY, msa_id VARCHAR(64) NOT NULL,
                        credential VARCHAR(64) NOT NULL, earned_at DATETIME(3) NOT NULL, expires_on DATE,
                        status VARCHAR(16) NOT NULL, source VARCHAR(128), loaded_on DATE NOT NULL,
                        loaded_line BIGINT NOT NULL)""");
            s.execute("CREATE INDEX bench_achievement_evidence ON bench_achievement"
                    + " (msa_id, record_id, credential, earned_at, expires_on, status)");
            long start = System.nanoTime();
            // The bad rows a bulk load would refuse are left out; a repeated key keeps the last row.
            s.execute("MERGE INTO bench_achievement (record_id, msa_id, credential, earned_at, expires_on, status, source,"
                    + " loaded_on, loaded_line) KEY (record_id)"
                    + " SELECT record_id, msa_id, credential, CAST(REPLACE(REPLACE(earned_at, 'T', ' '), 'Z', '') AS TIMESTAMP(3)),"
                    + " CAST(NULLIF(expires_on, '') AS DATE), COALESCE(NULLIF(status, ''), 'ACTIVE'), source,"
                    + " DATE '2026-11-23', 0 FROM CSVREAD('" + file + "', NULL, 'charset=UTF-8')"
                    + " WHERE record_id <> '' AND msa_id <> '' AND credential <> ''"
                    + " AND REGEXP_LIKE(earned_at, '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$')");
            double seconds = seconds(start);
            s.execute("DROP TABLE bench_achievement");
            return seconds;
        }
    }

    /** Samples the heap in use while a night runs; the pools' own peaks are the upper bound. */
    private static final class HeapSampler extends Thread {
        private final AtomicLong peak = new AtomicLong();

        HeapSampler() {
            super("heap-sampler");
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long peak() {
            return peak.get();
        }
    }

    private static long countLines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count() - 1;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
