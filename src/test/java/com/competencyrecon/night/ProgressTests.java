package com.competencyrecon.night;

import com.competencyrecon.support.Databases;
import com.competencyrecon.support.NightHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Long steps report records done, rate, share of the file and time left, with the run and step in the line. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:progress;MODE=MySQL;NON_KEYWORDS=VALUE,MONTH,LEVEL,TYPE,LINE,KEY;DB_CLOSE_DELAY=-1",
        "recon.roots=/", "recon.chunk-size=100", "recon.progress-interval=0s"})
class ProgressTests {

    @Autowired
    NightRunner runner;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path root;

    @Test
    void aLongFeedLogsItsProgress(CapturedOutput output) {
        Databases.reset(jdbc);
        NightHarness nights = new NightHarness(runner, root);
        nights.feed("2026-11-24", "achievements.csv", "record_id,msa_id,credential,earned_at,expires_on,status,source",
                IntStream.rangeClosed(1, 1000).mapToObj(i -> "a" + i + ",m" + (i % 50) + ",70-533,2026-01-01T00:00:00Z,,,")
                        .toArray(String[]::new));

        assertThat(nights.run("2026-11-24").completed()).isTrue();

        assertThat(output).containsPattern(
                "\\[2026-11-24#\\d+/ingestAchievements] .*ingestAchievements: \\d+ records read, \\d+ written, \\d+ records/s, \\d+% of the file, ");
        assertThat(output).contains("s left");
    }
}
