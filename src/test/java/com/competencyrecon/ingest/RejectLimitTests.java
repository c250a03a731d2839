package com.competencyrecon.ingest;

import com.competencyrecon.night.NightRunner;
import com.competencyrecon.support.Databases;
import com.competencyrecon.support.NightHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;

import static com.competencyrecon.support.FeedHeaders.*;
import static org.assertj.core.api.Assertions.assertThat;

/** More rejects in one feed than the limit fail the night, which restarts once the file is fixed. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:limit;MODE=MySQL;NON_KEYWORDS=VALUE,MONTH,LEVEL,TYPE,LINE,KEY;DB_CLOSE_DELAY=-1",
        "recon.roots=/", "recon.chunk-size=2", "recon.reject-limit=2"})
class RejectLimitTests {

    static final String D = "2026-11-24";

    @Autowired
    NightRunner runner;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path root;

    @Test
    void aFeedOverTheLimitFailsTheNightNamingFeedCountAndReasons(CapturedOutput output) {
        Databases.reset(jdbc);
        NightHarness nights = new NightHarness(runner, root);
        nights.feed(D, "organizations.csv", ORGS, "O1,Contoso,DEVELOPED,US", "O2,Fabrikam,DEVELOPING,IN",
                "O3,,DEVELOPED,US", "O4,Tailspin,EMERGING,US", "O5,,DEVELOPED,US", "O6,Woodgrove,DEVELOPED,US");

        NightRunner.Outcome failed = nights.run(D);

        assertThat(failed.execution().getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.execution().getExitStatus().getExitDescription())
                .contains("organizations.csv: 3 records rejected, more than the limit of 2")
                .contains("MISSING_FIELD 2").contains("BAD_ENUM 1");
        assertThat(output).contains("organizations.csv: 3 records rejected");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organization", Integer.class))
                .as("the chunks before the failing one stay, the failing one is rolled back").isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT rejected_count FROM feed_count", Long.class)).isEqualTo(2);
        assertThat(nights.reportDir().resolve(D)).doesNotExist();

        nights.feed(D, "organizations.csv", ORGS, "O1,Contoso,DEVELOPED,US", "O2,Fabrikam,DEVELOPING,IN",
                "O3,Northwind,DEVELOPED,US", "O4,Tailspin,DEVELOPED,US", "O5,Litware,DEVELOPED,US",
                "O6,Woodgrove,DEVELOPED,US");
        NightRunner.Outcome restarted = nights.run(D);

        assertThat(restarted.completed()).isTrue();
        // The restart resumes after the last committed chunk: lines 4 and 5 were judged then and stay rejected.
        assertThat(jdbc.queryForList("SELECT org_id FROM organization ORDER BY org_id", String.class))
                .containsExactly("O1", "O2", "O5", "O6");
        assertThat(nights.report(D, "rejects.csv")).hasSize(3)
                .contains("organizations.csv,4,O3,MISSING_FIELD,required field name is empty")
                .anyMatch(l -> l.startsWith("organizations.csv,5,O4,BAD_ENUM,"));
        assertThat(jdbc.queryForMap("SELECT read_count, applied_count, rejected_count FROM feed_count"))
                .containsValues(6L, 4L, 2L);
    }
}
