package com.competencyrecon.reports;

import com.competencyrecon.alerts.Alert;
import com.competencyrecon.alerts.AlertState;
import com.competencyrecon.alerts.AlertType;
import com.competencyrecon.catalog.Level;
import com.competencyrecon.evaluation.LevelChange;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** summary.html: organisations by name, links to the night's files, finished steps only, everything escaped. */
class SummaryPageTests {

    static final LocalDate NIGHT = LocalDate.of(2026, 11, 24);
    static final String HOSTILE = "<script>alert('x')</script> \"Acme\" \u202Edlrow";

    private static String render(String orgId, String orgName) {
        Summary.Change change = new Summary.Change(new LevelChange(orgId, "CLOUD_PLATFORM", Level.NONE, Level.SILVER),
                orgName, "Cloud <Platform>");
        Alert alert = new Alert("A1", orgId, AlertType.QUALIFIED_NOT_MEMBER, "CLOUD_PLATFORM", "SILVER", AlertState.NEW,
                NIGHT, List.of(), "message");
        return SummaryPage.render(new Summary(NIGHT, List.of("competency-status.csv", "2026-11-24.xlsx",
                PageNames.INDEX), List.of(new Summary.FeedLine("organizations.csv", true, 3, 2, 1,
                List.of("BAD_ENUM (1)"))), Optional.of(NIGHT.minusDays(1)), List.of(change), 1, List.of(alert),
                List.of(new Summary.LevelCount("CLOUD_PLATFORM", "Cloud <Platform>", 0, 1, 0)),
                List.of(new Summary.StepLine("ingestOrganizations", "COMPLETED", 3, 2, 15)),
                new Summary.Writer(7, "writeReports")));
    }

    @Nested
    class Organisations {

        @Test
        void aChangeNamesTheOrganisationAndLinksItsPage() {
            String html = render("ORG-001", "Kestrel Cloudworks Ltd");
            assertThat(html).contains("<a href=\"organisations/ORG-001.html\"><bdi>Kestrel Cloudworks Ltd</bdi></a>")
                    .contains("<td><bdi>ORG-001</bdi></td>");
        }

        @Test
        void aHostileNameIsEscapedAndIsolated() {
            String html = render("ORG/../1", HOSTILE);
            assertThat(html).doesNotContain("<script").doesNotContain("'x'").doesNotContain("\"Acme\"")
                    .contains("<bdi>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;Acme&quot; \u202Edlrow</bdi>")
                    .contains("href=\"organisations/ORG_2F_2E_2E_2F1.html\"")
                    .contains("Cloud &lt;Platform&gt;");
        }
    }

    @Test
    void theNightsFilesAreLinkedRelatively() {
        assertThat(render("O1", "Contoso")).contains("<a href=\"competency-status.csv\">competency-status.csv</a>")
                .contains("<a href=\"2026-11-24.xlsx\">2026-11-24.xlsx</a>")
                .contains("<a href=\"organisations/index.html\">").doesNotContain("href=\"/").doesNotContain("http");
    }

    @Test
    void theStepsAreTheFinishedOnesAndTheWriterIsNamedNotShownRunning() {
        String html = render("O1", "Contoso");
        assertThat(html).contains("<tr><td>ingestOrganizations</td><td>COMPLETED</td>").doesNotContain("running")
                .contains("written by step writeReports of run 7");
    }
}
