package com.competencyrecon.evaluation;

import com.competencyrecon.catalog.Association;
import com.competencyrecon.catalog.Catalog;
import com.competencyrecon.catalog.CatalogLoader;
import com.competencyrecon.catalog.Level;
import com.competencyrecon.catalog.Market;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** What an organisation has towards each requirement of a level, with the evaluator's counting rules. */
class NextLevelProgressTests {

    static final AsOf TONIGHT = AsOf.night(LocalDate.of(2018, 6, 15), ZoneOffset.UTC, Duration.ofHours(24));
    static final Instant LONG_AGO = Instant.parse("2018-01-10T10:00:00Z");

    static final Catalog CATALOG = CatalogLoader.load(new ByteArrayInputStream("""
            version: 1
            credentials:
              - { code: "EX-A", type: EXAM, name: Exam A }
              - { code: "EX-B", type: EXAM, name: Exam B }
              - { code: "EX-C", type: EXAM, name: Exam C }
            competencies:
              - code: TEST
                name: Test competency
                levels:
                  GOLD:
                    - path: BUILD
                      requirements:
                        - people: 3
                          holding: { allOf: ["EX-A", "EX-B"] }
                          ofWhom: { people: 1, holding: "EX-C" }
                        - metric: REVENUE
                          atLeast: { DEVELOPED: 1000, DEVELOPING: 500 }
            """.getBytes(StandardCharsets.UTF_8)), "test.yml");

    final Progress progress = new Progress(new CompetencyEvaluator(CATALOG));

    static Achievement holds(String msa, String credential, Instant earnedAt) {
        return new Achievement(msa + "-" + credential, msa, credential, earnedAt, null, AchievementStatus.ACTIVE);
    }

    @Test
    void countsThePeopleWhoSatisfyTheWholeExpressionAndTheTrailingSum() {
        OrgSnapshot org = new OrgSnapshot("O1", Market.DEVELOPED,
                List.of(new Person("m1", "u1"), new Person("m2", "u2"), new Person("m3", "u3")),
                List.of(holds("m1", "EX-A", LONG_AGO), holds("m1", "EX-B", LONG_AGO), holds("m1", "EX-C", LONG_AGO),
                        holds("m2", "EX-A", LONG_AGO), holds("m2", "EX-B", LONG_AGO),
                        // Holding one exam of an allOf is no progress; an exam earned after the cut-off does not count.
                        holds("m3", "EX-A", LONG_AGO), holds("m3", "EX-B", Instant.parse("2018-06-15T12:00:00Z"))),
                List.of(new MetricValue("REVENUE", YearMonth.of(2018, 5), Association.TRANSACTING, new BigDecimal("400")),
                        new MetricValue("REVENUE", YearMonth.of(2017, 6), Association.TRANSACTING, new BigDecimal("900"))),
                List.of());

        List<Progress.Step> steps = progress.towards(CATALOG.competency("TEST").orElseThrow(), Level.GOLD, org, TONIGHT);

        assertThat(steps).extracting(Progress.Step::path, Progress.Step::requirement, Progress.Step::have,
                        Progress.Step::need, Progress.Step::met, Progress.Step::percent)
                .containsExactly(
                        tuple("BUILD", "people holding allOf(EX-A, EX-B)", BigDecimal.valueOf(2), BigDecimal.valueOf(3),
                                false, 66),
                        tuple("BUILD", "of whom holding EX-C", BigDecimal.ONE, BigDecimal.ONE, true, 100),
                        tuple("BUILD", "REVENUE over the trailing twelve months", new BigDecimal("4E+2"),
                                new BigDecimal("1E+3"), false, 40));
    }

    @Test
    void usesTheThresholdOfTheOrganisationsMarket() {
        OrgSnapshot org = new OrgSnapshot("O2", Market.DEVELOPING, List.of(), List.of(),
                List.of(new MetricValue("REVENUE", YearMonth.of(2018, 6), Association.TRANSACTING, new BigDecimal("500"))),
                List.of());

        Progress.Step revenue = progress.towards(CATALOG.competency("TEST").orElseThrow(), Level.GOLD, org, TONIGHT)
                .get(2);

        assertThat(revenue.need()).isEqualByComparingTo("500");
        assertThat(revenue.met()).isTrue();
    }
}
