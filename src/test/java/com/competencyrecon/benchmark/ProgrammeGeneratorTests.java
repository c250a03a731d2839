package com.competencyrecon.benchmark;

import com.competencyrecon.benchmark.FeedFile.ExpectedReject;
import com.competencyrecon.benchmark.ProgrammeGenerator.Night;
import com.competencyrecon.benchmark.ProgrammeGenerator.Programme;
import com.competencyrecon.night.NightRunner;
import com.competencyrecon.support.Databases;
import com.opencsv.CSVReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's generator at {@code tiny} size: the same seed gives the same bytes, and the product refuses
 * exactly the rows the generator meant to be bad, on both nights, so the benchmark measures a programme the
 * product accepts rather than one it mostly rejects.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:generator;MODE=MySQL;NON_KEYWORDS=VALUE,MONTH,LEVEL,TYPE,LINE,KEY;DB_CLOSE_DELAY=-1",
        "recon.roots=/"})
class ProgrammeGeneratorTests {

    private static final long SEED = 42;

    @Autowired
    NightRunner runner;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @Test
    void theSameSeedWritesTheSameBytes() throws Exception {
        new ProgrammeGenerator(ProgrammeSize.TINY, SEED, 0.01).write(dir.resolve("a"));
        new ProgrammeGenerator(ProgrammeSize.TINY, SEED, 0.01).write(dir.resolve("b"));
        new ProgrammeGenerator(ProgrammeSize.TINY, SEED + 1, 0.01).write(dir.resolve("c"));

        for (String night : List.of(ProgrammeGenerator.NIGHT_1, ProgrammeGenerator.NIGHT_2)) {
            try (var files = Files.list(dir.resolve("a").resolve(night))) {
                for (Path file : files.toList()) {
                    Path same = dir.resolve("b").resolve(night).resolve(file.getFileName());
                    assertThat(Files.mismatch(file, same)).as(night + "/" + file.getFileName()).isEqualTo(-1L);
                }
            }
        }
        Path achievements = Path.of(ProgrammeGenerator.NIGHT_1, "achievements.csv");
        assertThat(Files.mismatch(dir.resolve("a").resolve(achievements), dir.resolve("c").resolve(achievements)))
                .as("another seed, another programme").isNotEqualTo(-1L);
    }

    @Test
    void theProductRefusesOnlyTheRowsMeantToBeBad() throws Exception {
        Programme programme = new ProgrammeGenerator(ProgrammeSize.TINY, SEED, 0.05).write(dir.resolve("feeds"));
        Databases.reset(jdbc);
        Path reports = dir.resolve("reports");

        for (Night night : List.of(programme.full(), programme.incremental())) {
            NightRunner.Outcome outcome = runner.run(night.date(), night.dir().toString(), reports.toString(), null);

            assertThat(outcome.completed()).as(night.date()).isTrue();
            assertThat(rejects(reports.resolve(night.date()).resolve("rejects.csv")))
                    .as(night.date()).containsExactlyInAnyOrderElementsOf(night.rejects());
            assertThat(night.rejects()).extracting(ExpectedReject::reason)
                    .contains("MISSING_FIELD", "BAD_TIMESTAMP", "BAD_DATE", "UNKNOWN_ORG", "UNKNOWN_USER",
                            "DUPLICATE_KEY_IN_FILE");
        }
        // Organisations reach levels in realistic proportions: many started, some Silver, fewer Gold.
        Map<String, Object> levels = jdbc.queryForMap("""
                SELECT SUM(CASE WHEN status = 'STARTED' THEN 1 ELSE 0 END) AS started,
                       SUM(CASE WHEN attained_level = 'SILVER' THEN 1 ELSE 0 END) AS silver,
                       SUM(CASE WHEN attained_level = 'GOLD' THEN 1 ELSE 0 END) AS gold
                  FROM competency_result WHERE business_date = DATE '2026-11-23'""");
        long started = ((Number) levels.get("STARTED")).longValue();
        long silver = ((Number) levels.get("SILVER")).longValue();
        long gold = ((Number) levels.get("GOLD")).longValue();
        assertThat(started).isGreaterThan(silver);
        assertThat(silver).isGreaterThan(gold);
        assertThat(gold).isPositive();
    }

    private static List<ExpectedReject> rejects(Path file) throws Exception {
        List<ExpectedReject> rejects = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVReader csv = new CSVReader(in)) {
            csv.readNext();
            for (String[] row; (row = csv.readNext()) != null; ) {
                rejects.add(new ExpectedReject(row[0], Long.parseLong(row[1]), row[3]));
            }
        }
        return rejects;
    }
}
