package com.competencyrecon.benchmark;

import com.competencyrecon.night.NightRunner;
import com.competencyrecon.support.Databases;
import com.competencyrecon.support.MySqlTestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures one night's ingest of a generated {@code achievements.csv} and prints the figures: rows, seconds,
 * rows per second, peak heap; on MySQL also the time of the server's own {@code LOAD DATA LOCAL INFILE} of the
 * same file and the ratio. Not part of the ordinary build: {@code ./mvnw -Pbenchmark verify}
 * ({@code -Dbenchmark.rows=N}, default 1,000,000; MySQL when {@code RECON_TEST_MYSQL_URL} is set, else H2).
 */
@Tag("benchmark")
@SpringBootTest(properties = {"recon.roots=/", "spring.datasource.url=jdbc:h2:file:./target/benchmark/db;MODE=MySQL;"
        + "NON_KEYWORDS=VALUE,MONTH,LEVEL,TYPE,LINE,KEY"})
class IngestBenchmark {

    @Autowired
    NightRunner runner;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        if (MySqlTestDatabase.configured()) {
            MySqlTestDatabase.register(registry, "bench");
            registry.add("spring.profiles.active", () -> "mysql");
        }
    }

    @Test
    void ingestOfAchievements() throws Exception {
        int rows = Integer.getInteger("benchmark.rows", 1_000_000);
        Path root = Files.createDirectories(Path.of("target/benchmark"));
        Path input = Files.createDirectories(root.resolve("in/2026-11-24"));
        Path file = input.resolve("achievements.csv");
        generate(file, rows);
        Databases.reset(jdbc);
        com.competencyrecon.reports.PublishedFolder.deleteTree(root.resolve("reports"));
        resetPeaks();

        long start = System.nanoTime();
        NightRunner.Outcome outcome = runner.run("2026-11-24", input.toString(), root.resolve("reports").toString(), null);
        double night = (System.nanoTime() - start) / 1e9;

        assertThat(outcome.completed()).isTrue();
        StepExecution ingest = outcome.execution().getStepExecutions().stream()
                .filter(s -> s.getStepName().equals("ingestAchievements")).findFirst().orElseThrow();
        double seconds = java.time.Duration.between(ingest.getStartTime(), ingest.getEndTime()).toMillis() / 1000.0;
        String database = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName()
                + " " + c.getMetaData().getDatabaseProductVersion());
        System.out.printf(Locale.ROOT, "BENCHMARK ingest database=%s rows=%d fileMB=%.1f ingestSeconds=%.1f rowsPerSecond=%.0f"
                        + " nightSeconds=%.1f peakHeapMB=%.0f maxHeapMB=%.0f%n", database, ingest.getWriteCount(),
                Files.size(file) / 1e6, seconds, ingest.getWriteCount() / seconds, night, peakHeapMb(),
                Runtime.getRuntime().maxMemory() / 1e6);
        if (MySqlTestDatabase.configured()) {
            double load = loadData(file);
            System.out.printf(Locale.ROOT, "BENCHMARK loadData seconds=%.1f ratio=%.2f%n", load, seconds / load);
        }
    }

    private static void generate(Path file, int rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("record_id,msa_id,credential,earned_at,expires_on,status,source\n");
            for (int i = 0; i < rows; i++) {
                out.write(String.format(Locale.ROOT, "ach-%08d,msa-%06d,70-53%d,2025-%02d-%02dT10:00:00Z,,ACTIVE,exam%n",
                        i, i % 50_000, i % 6, 1 + i % 12, 1 + i % 28));
            }
        }
    }

    /** The server's own bulk load of the same file into a table of the same shape, for comparison. */
    private double loadData(Path file) throws Exception {
        String url = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getURL());
        try (Connection c = DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "allowLoadLocalInfile=true",
                MySqlTestDatabase.user(), MySqlTestDatabase.password()); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_achievement");
            s.execute("CREATE TABLE bench_achievement LIKE achievement");
            long start = System.nanoTime();
            s.execute("LOAD DATA LOCAL INFILE '" + file.toAbsolutePath() + "' INTO TABLE bench_achievement"
                    + " FIELDS TERMINATED BY ',' LINES TERMINATED BY '\\n' IGNORE 1 LINES"
                    + " (record_id, msa_id, credential, @earned, @expires, status, source)"
                    + " SET earned_at = STR_TO_DATE(@earned, '%Y-%m-%dT%H:%i:%sZ'), expires_on = NULLIF(@expires, ''),"
                    + " loaded_on = '2026-11-24', loaded_line = 0");
            double seconds = (System.nanoTime() - start) / 1e9;
            s.execute("DROP TABLE bench_achievement");
            return seconds;
        }
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static double peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1e6;
    }
}
