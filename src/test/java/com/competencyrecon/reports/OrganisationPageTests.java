package com.competencyrecon.reports;

import com.competencyrecon.catalog.Association;
import com.competencyrecon.catalog.Catalog;
import com.competencyrecon.catalog.CatalogLoader;
import com.competencyrecon.catalog.Level;
import com.competencyrecon.catalog.Market;
import com.competencyrecon.evaluation.Achievement;
import com.competencyrecon.evaluation.AchievementStatus;
import com.competencyrecon.evaluation.AsOf;
import com.competencyrecon.evaluation.CompetencyEvaluator;
import com.competencyrecon.evaluation.CompetencyOutcome;
import com.competencyrecon.evaluation.CompetencyResult;
import com.competencyrecon.evaluation.MetricValue;
import com.competencyrecon.evaluation.OrgRow;
import com.competencyrecon.evaluation.OrgSnapshot;
import com.competencyrecon.evaluation.Person;
import com.competencyrecon.membership.CompetencyStatus;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** An organisation's page: who counted toward each requirement, what is missing, everything escaped. */
class OrganisationPageTests {

    static final LocalDate D = LocalDate.of(2026, 11, 24);
    static final AsOf TONIGHT = AsOf.night(D, ZoneOffset.UTC, Duration.ofHours(24));
    static final Instant EARNED = Instant.parse("2026-01-10T10:00:00Z");

    static final Catalog CATALOG = CatalogLoader.load(new ByteArrayInputStream("""
            version: 1
            credentials:
              - { code: "EX-A", type: EXAM, name: Exam A }
              - { code: "EX-B", type: EXAM, name: Exam B }
              - { code: "EX-C", type: EXAM, name: Exam C }
            competencies:
              - code: TEST
                name: "Test <b>competency</b>"
                levels:
                  SILVER:
                    - path: BUILDERS
                      requirements:
                        - people: 2
                          holding: { allOf: ["EX-A", "EX-B"] }
                          ofWhom: { people: 1, holding: "EX-C" }
                  GOLD:
                    - path: SELLERS
                      requirements:
                        - metric: REVENUE
                          atLeast: 1000
                        - people: 1
                          holding: "EX-A"
              - code: OTHER
                name: Other
                levels:
                  SILVER:
                    - path: ONLY
                      requirements:
                        - people: 1
                          holding: "EX-C"
            """.getBytes(StandardCharsets.UTF_8)), "test.yml");

    private static Achievement holds(String msa, String code) {
        return new Achievement(msa + "-" + code, msa, code, EARNED, null, AchievementStatus.ACTIVE);
    }

    private static String page(String orgId, String name) {
        OrgSnapshot snapshot = new OrgSnapshot(orgId, Market.DEVELOPED,
                List.of(new Person("msa-1", "u-1"), new Person("msa-<2>", "u-2")),
                List.of(holds("msa-1", "EX-A"), holds("msa-1", "EX-B"), holds("msa-<2>", "EX-A")),
                List.of(new MetricValue("REVENUE", YearMonth.of(2026, 10), Association.TRANSACTING, new BigDecimal("400"))),
                List.of());
        List<CompetencyOutcome> outcomes = new CompetencyEvaluator(CATALOG).evaluate(snapshot, TONIGHT);
        List<CompetencyResult> results = outcomes.stream().map(o -> new CompetencyResult(D, orgId, o.competency(),
                o.attainedLevel(), o.attainedPath(), o.requirementLevel(), Level.NONE, Level.NONE,
                o.progress() ? CompetencyStatus.STARTED : CompetencyStatus.NONE, o.qualifyingPeople(), o.attainedLevel(),
                null, null)).toList();
        return OrganisationPage.render(D, TONIGHT.ttmEnd(), CATALOG, new OrganisationPage.Input(
                new OrgRow(orgId, name, Market.DEVELOPED), Optional.empty(), results, outcomes, List.of()));
    }

    @Test
    void eachRequirementNamesWhoCountedAndWhatIsMissing() {
        String html = page("O1", "Contoso");
        // Silver: only msa-1 holds both exams; nobody holds EX-C.
        assertThat(html).contains("2 people holding all of (EX-A, EX-B)")
                .contains("<td>1: <bdi>msa-1</bdi> (user <bdi>u-1</bdi>): EX-A, EX-B</td><td class=\"missing\">1 more</td>")
                .contains("of whom 1 holding EX-C</td><td><span class=\"muted\">nobody</span></td><td class=\"missing\">1 more of them</td>");
        // Gold: both hold EX-A; the revenue is 600 short.
        assertThat(html).contains("REVENUE at least 1000 over 2025-12 to 2026-11")
                .contains("<td>400</td><td class=\"missing\">600 more</td>")
                .contains("<td>2: <bdi>msa-1</bdi> (user <bdi>u-1</bdi>): EX-A; <bdi>msa-&lt;2&gt;</bdi> (user <bdi>u-2</bdi>): EX-A</td><td class=\"missing\"></td>");
        assertThat(html).contains("Silver: <span class=\"missing\">not met</span> (the next level");
        assertThat(html).contains("<h2>No progress yet</h2>\n<p><bdi>Other</bdi></p>");
    }

    @Test
    void namesAndIdsFromTheFeedsAreEscapedAndIsolated() {
        String html = page("O\"1'", "<script>alert(1)</script> \u202Eevil");
        assertThat(html).doesNotContain("<script").doesNotContain("<b>")
                .contains("<h1><bdi>&lt;script&gt;alert(1)&lt;/script&gt; \u202Eevil</bdi>")
                .contains("<bdi>O&quot;1&#39;</bdi>").contains("Test &lt;b&gt;competency&lt;/b&gt;");
    }
}
