package com.competencyrecon.night;

import com.competencyrecon.ingest.internal.JdbcLinkEvents;
import com.competencyrecon.ownership.LinkEvent;
import com.competencyrecon.ownership.LinkHistory;
import com.competencyrecon.ownership.UserAccount;
import com.competencyrecon.support.Databases;
import com.competencyrecon.support.NightHarness;
import com.competencyrecon.support.Reports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

import static com.competencyrecon.support.FeedHeaders.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One job execution, one catalogue: a catalogue file edited while a night runs (here: after ingest, before
 * evaluation) does not reach that night's evaluation; the next night reads the edited file and is full.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:nightcatalogue;MODE=MySQL;NON_KEYWORDS=VALUE,MONTH,LEVEL,TYPE,LINE,KEY;DB_CLOSE_DELAY=-1",
        "recon.roots=/"})
@Import(NightCatalogueTests.EditMidNight.class)
class NightCatalogueTests {

    static final String N1 = "2026-11-23";
    static final String N2 = "2026-11-24";

    /** What to do when the night starts deriving ownership, once. */
    static final AtomicReference<Runnable> MID_NIGHT = new AtomicReference<>();

    @TestConfiguration
    static class EditMidNight {
        @Bean
        @Primary
        LinkHistory editingLinkHistory(JdbcLinkEvents events) {
            return new LinkHistory() {
                @Override
                public List<String> msasAfter(String after, Instant at, int limit) {
                    Runnable edit = MID_NIGHT.getAndSet(null);
                    if (edit != null) {
                        edit.run();
                    }
                    return events.msasAfter(after, at, limit);
                }

                @Override
                public void eventsOf(List<String> msaIds, Instant at, BiConsumer<LinkEvent, UserAccount> each) {
                    events.eventsOf(msaIds, at, each);
                }

                @Override
                public Map<String, UserAccount> users(Collection<String> userIds) {
                    return events.users(userIds);
                }
            };
        }
    }

    @Autowired
    NightRunner runner;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path root;

    NightHarness nights;
    Path catalogue;

    @BeforeEach
    void programme() throws IOException {
        Databases.reset(jdbc);
        nights = new NightHarness(runner, root);
        catalogue = root.resolve("catalogue.yml");
        Files.writeString(catalogue, bundled(), StandardCharsets.UTF_8);
        nights.feed(N1, "organizations.csv", ORGS, "O1,Contoso,DEVELOPED,US")
                .feed(N1, "users.csv", USERS, "u1,O1,,ACTIVE,2025-01-01T00:00:00Z")
                .feed(N1, "msa-links.csv", LINKS, "e1,m1,u1,LINK,2025-02-01T00:00:00Z")
                .feed(N1, "achievements.csv", ACHIEVEMENTS, "a1,m1,70-533,2025-03-01T00:00:00Z,,,")
                .feed(N1, "metrics.csv", METRICS, "O1,AZURE_CONSUMED_REVENUE_USD,2026-10,20000,DPOR");
    }

    @Test
    void aCatalogueEditedMidNightReachesOnlyTheNextNight() {
        // The edit retires the exam O1's Silver rests on.
        MID_NIGHT.set(() -> retire("70-533"));
        assertThat(run(N1).completed()).isTrue();
        assertThat(cloudPlatform(N1)).as("the night evaluates against the catalogue it started with")
                .isEqualTo("SILVER");

        assertThat(run(N2).completed()).isTrue();
        assertThat(cloudPlatform(N2)).as("the next night reads the edited catalogue").isEqualTo("NONE");
        assertThat(jdbc.queryForObject("SELECT reason FROM night_plan WHERE business_date = ?", String.class,
                java.time.LocalDate.parse(N2))).contains("catalogue, zone or latency changed");
    }

    private NightRunner.Outcome run(String date) {
        return runner.run(date, nights.inputDir(date).toString(), nights.reportDir().toString(), catalogue.toString());
    }

    private String cloudPlatform(String date) {
        return Reports.rows(nights.report(date, "competency-status.csv")).stream()
                .filter(r -> r.get("org_id").equals("O1") && r.get("competency").equals("CLOUD_PLATFORM"))
                .map(r -> r.get("attained_level")).findFirst().orElse("NONE");
    }

    private void retire(String code) {
        try {
            String text = Files.readString(catalogue, StandardCharsets.UTF_8);
            String line = "{ code: \"" + code + "\", type: EXAM, name: \"Implementing Microsoft Azure Infrastructure Solutions\" }";
            assertThat(text).contains(line);
            Files.writeString(catalogue, text.replace(line, line.replace(" }", ", retiredOn: 2000-01-01 }")),
                    StandardCharsets.UTF_8);
            // A later modification time, as an editor's save would leave, even within the clock's resolution.
            Files.setLastModifiedTime(catalogue, FileTime.from(Instant.now().plusSeconds(5)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String bundled() throws IOException {
        try (InputStream in = NightCatalogueTests.class.getClassLoader()
                .getResourceAsStream("catalog/default-catalog.yml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
