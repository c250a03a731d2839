package com.competencyrecon.evaluation;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.competencyrecon.catalog.Association;
import com.competencyrecon.catalog.Catalog;
import com.competencyrecon.catalog.CatalogLoader;
import com.competencyrecon.catalog.Level;
import com.competencyrecon.catalog.Market;
import com.competencyrecon.catalog.MetricRequirement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * DOMAIN.md "Time", "Who counts for an organisation" (the achievement side) and "Evaluating a competency",
 * against small hand-written catalogues, and a few end-to-end checks against the default catalogue.
 */
class CompetencyEvaluatorTests {

    /** The business date D of most scenarios; its month is June 2018. */
    private static final LocalDate D = LocalDate.of(2018, 6, 15);

    private static final Duration DAY_LATENCY = Duration.ofHours(24);

    /** Night D in UTC with the default latency: things count at or before 2018-06-15T00:00Z. */
    private static final AsOf TONIGHT = night(D);

    private static final Instant LONG_AGO = Instant.parse("2018-01-10T10:00:00Z");

    private static final String COMPETENCY = "TEST";

    private static final String CREDENTIALS = """
            credentials:
              - { code: "EX-A", type: EXAM, name: Exam A }
              - { code: "EX-B", type: EXAM, name: Exam B }
              - { code: "EX-C", type: EXAM, name: Exam C }
              - { code: "EX-D", type: EXAM, name: Exam D }
              - { code: "EX-UNLISTED", type: EXAM, name: An exam no requirement lists }
              - { code: "EX-GRACE", type: EXAM, name: Retired with a grace date, retiredOn: 2018-03-31, acceptedUntil: 2018-06-15 }
              - { code: "EX-RETIRED", type: EXAM, name: Retired with no grace date, retiredOn: 2018-06-15 }
            """;

    /** One competency, TEST, at Silver through one path: one person holding any listed exam. */
    private static final Catalog ONE_PERSON_ANY_EXAM = catalog("""
            SILVER:
              - path: ONLY
                requirements:
                  - people: 1
                    holding: { anyOf: ["EX-A", "EX-B", "EX-C", "EX-D", "EX-GRACE", "EX-RETIRED"] }
            """);

    private static AsOf night(LocalDate businessDate) {
        return AsOf.night(businessDate, ZoneOffset.UTC, DAY_LATENCY);
    }

    /** A catalogue with {@link #CREDENTIALS} and one competency, TEST, whose levels are {@code levels}. */
    private static Catalog catalog(String levels) {
        String yaml = "version: 1\n" + CREDENTIALS + """
                competencies:
                  - code: TEST
                    name: Test competency
                    levels:
                """ + levels.indent(6);
        return CatalogLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yml");
    }

    private static CompetencyOutcome outcome(Catalog catalog, Org org) {
        return outcome(catalog, org, TONIGHT, COMPETENCY);
    }

    private static CompetencyOutcome outcome(Catalog catalog, Org org, AsOf asOf, String competency) {
        return new CompetencyEvaluator(catalog).evaluate(org.snapshot(), asOf).stream()
                .filter(o -> o.competency().equals(competency)).findFirst().orElseThrow();
    }

    private static Achievement achievement(String msa, String credential, Instant earnedAt, LocalDate expiresOn,
                                           AchievementStatus status) {
        return new Achievement("r-" + msa + "-" + credential, msa, credential, earnedAt, expiresOn, status);
    }

    /** Passed long ago, never expires, not revoked. */
    private static Achievement passed(String msa, String credential) {
        return achievement(msa, credential, LONG_AGO, null, AchievementStatus.ACTIVE);
    }

    private static Achievement earnedAt(String credential, String instant) {
        return achievement("m1", credential, Instant.parse(instant), null, AchievementStatus.ACTIVE);
    }

    private static Org org() {
        return new Org();
    }

    /** An organisation under construction: its people are the MSAs effectively linked to it. */
    private static final class Org {

        private Market market = Market.DEVELOPED;
        private final List<Person> people = new ArrayList<>();
        private final List<Achievement> achievements = new ArrayList<>();
        private final List<MetricValue> metrics = new ArrayList<>();
        private final List<OverrideGrant> overrides = new ArrayList<>();

        /** A linked person who passed {@code credentials} long ago. */
        Org person(String msa, String... credentials) {
            people.add(new Person(msa, "user-" + msa));
            for (String credential : credentials) {
                achievements.add(passed(msa, credential));
            }
            return this;
        }

        /** {@code count} linked people, {@code prefix}1 to {@code prefix}{@code count}, who each passed {@code credentials}. */
        Org people(String prefix, int count, String... credentials) {
            for (int i = 1; i <= count; i++) {
                person(prefix + i, credentials);
            }
            return this;
        }

        Org achievement(Achievement achievement) {
            achievements.add(achievement);
            return this;
        }

        Org metric(String metric, YearMonth month, Association association, long value) {
            metrics.add(new MetricValue(metric, month, association, BigDecimal.valueOf(value)));
            return this;
        }

        Org override(String id, Level level, LocalDate from, LocalDate until) {
            return override(id, COMPETENCY, level, from, until);
        }

        Org override(String id, String competency, Level level, LocalDate from, LocalDate until) {
            overrides.add(new OverrideGrant(id, competency, level, from, until));
            return this;
        }

        Org in(Market market) {
            this.market = market;
            return this;
        }

        OrgSnapshot snapshot() {
            return new OrgSnapshot("ORG-1", market, people, achievements, metrics, overrides);
        }
    }

    @Nested
    class TheCutOff {

        @Test
        void isTheStartOfTheNextDayInUtcByDefault() {
            assertThat(AsOf.cutoff(D, ZoneOffset.UTC)).isEqualTo(Instant.parse("2018-06-16T00:00:00Z"));
        }

        @Test
        void isTheStartOfTheNextDayInTheConfiguredZone() {
            assertThat(AsOf.cutoff(D, ZoneId.of("Europe/Paris"))).isEqualTo(Instant.parse("2018-06-15T22:00:00Z"));
        }

        @Test
        void thingsCountOnceTheLatencyOldAtTheCutOff() {
            assertThat(TONIGHT.countableAt()).isEqualTo(Instant.parse("2018-06-15T00:00:00Z"));
        }

        @Test
        void theTrailingTwelveMonthsEndWithTheBusinessDatesMonth() {
            assertThat(TONIGHT.ttmStart()).isEqualTo(YearMonth.of(2017, 7));
            assertThat(TONIGHT.ttmEnd()).isEqualTo(YearMonth.of(2018, 6));
        }
    }

    @Nested
    class Latency {

        private final CompetencyEvaluator evaluator = new CompetencyEvaluator(ONE_PERSON_ANY_EXAM);

        @Test
        void anAchievementExactly24HoursOldAtTheCutOffCounts() {
            assertThat(evaluator.counts(earnedAt("EX-A", "2018-06-15T00:00:00Z"), TONIGHT)).isTrue();
        }

        @Test
        void anAchievementOneMillisecondYoungerDoesNotCount() {
            assertThat(evaluator.counts(earnedAt("EX-A", "2018-06-15T00:00:00.001Z"), TONIGHT)).isFalse();
        }

        @Test
        void aPersonWhoseOnlyExamIsTooYoungDoesNotMeetTheLevelTonight() {
            Org org = org().person("m1").achievement(earnedAt("EX-A", "2018-06-15T00:00:00.001Z"));

            assertThat(outcome(ONE_PERSON_ANY_EXAM, org).attainedLevel()).isEqualTo(Level.NONE);
        }

        @Test
        void theSameExamMeetsTheLevelTheNextNight() {
            Org org = org().person("m1").achievement(earnedAt("EX-A", "2018-06-15T00:00:00.001Z"));

            assertThat(outcome(ONE_PERSON_ANY_EXAM, org, night(D.plusDays(1)), COMPETENCY).attainedLevel())
                    .isEqualTo(Level.SILVER);
        }

        @Test
        void aLongerLatencyMovesTheCountingInstantBack() {
            AsOf twoDays = AsOf.night(D, ZoneOffset.UTC, Duration.ofHours(48));

            assertThat(evaluator.counts(earnedAt("EX-A", "2018-06-14T00:00:00Z"), twoDays)).isTrue();
            assertThat(evaluator.counts(earnedAt("EX-A", "2018-06-14T00:00:00.001Z"), twoDays)).isFalse();
        }

        @Test
        void noLatencyCountsEverythingBeforeTheCutOff() {
            AsOf none = AsOf.night(D, ZoneOffset.UTC, Duration.ZERO);

            assertThat(evaluator.counts(earnedAt("EX-A", "2018-06-15T23:59:59.999Z"), none)).isTrue();
            assertThat(evaluator.counts(earnedAt("EX-A", "2018-06-16T00:00:00.001Z"), none)).isFalse();
        }

        @Test
        void aZoneAheadOfUtcMovesTheCutOffEarlier() {
            // Paris is UTC+2 in June: the counting instant is 2018-06-14T22:00Z.
            AsOf paris = AsOf.night(D, ZoneId.of("Europe/Paris"), DAY_LATENCY);
            Achievement at2300Utc = earnedAt("EX-A", "2018-06-14T23:00:00Z");

            assertThat(evaluator.counts(at2300Utc, TONIGHT)).isTrue();
            assertThat(evaluator.counts(at2300Utc, paris)).isFalse();
        }

        @Test
        void aZoneBehindUtcMovesTheCutOffLater() {
            // New York is UTC-4 in June: the counting instant is 2018-06-15T04:00Z.
            AsOf newYork = AsOf.night(D, ZoneId.of("America/New_York"), DAY_LATENCY);
            Achievement at0300Utc = earnedAt("EX-A", "2018-06-15T03:00:00Z");

            assertThat(evaluator.counts(at0300Utc, TONIGHT)).isFalse();
            assertThat(evaluator.counts(at0300Utc, newYork)).isTrue();
        }
    }

    @Nested
    class WhichAchievementsCount {

        private final CompetencyEvaluator evaluator = new CompetencyEvaluator(ONE_PERSON_ANY_EXAM);

        @Test
        void aRevokedAchievementNeverCounts() {
            assertThat(evaluator.counts(achievement("m1", "EX-A", LONG_AGO, null, AchievementStatus.REVOKED), TONIGHT))
                    .isFalse();
        }

        @Test
        void aRevokedAchievementGivesNoLevel() {
            Org org = org().person("m1").achievement(achievement("m1", "EX-A", LONG_AGO, null, AchievementStatus.REVOKED));

            assertThat(outcome(ONE_PERSON_ANY_EXAM, org).attainedLevel()).isEqualTo(Level.NONE);
        }

        @Test
        void anAchievementWithNoExpiryCounts() {
            assertThat(evaluator.counts(passed("m1", "EX-A"), TONIGHT)).isTrue();
        }

        @Test
        void anAchievementExpiringOnTheBusinessDateDoesNotCount() {
            assertThat(evaluator.counts(achievement("m1", "EX-A", LONG_AGO, D, AchievementStatus.ACTIVE), TONIGHT))
                    .isFalse();
        }

        @Test
        void anAchievementExpiringTheDayAfterTheBusinessDateCounts() {
            assertThat(evaluator.counts(achievement("m1", "EX-A", LONG_AGO, D.plusDays(1), AchievementStatus.ACTIVE),
                    TONIGHT)).isTrue();
        }

        @Test
        void aRetiredCredentialCountsOnItsAcceptedUntilDay() {
            assertThat(evaluator.counts(passed("m1", "EX-GRACE"), night(LocalDate.of(2018, 6, 15)))).isTrue();
        }

        @Test
        void aRetiredCredentialDoesNotCountTheDayAfterItsAcceptedUntilDay() {
            assertThat(evaluator.counts(passed("m1", "EX-GRACE"), night(LocalDate.of(2018, 6, 16)))).isFalse();
        }

        @Test
        void aRetiredCredentialStillCountsDuringItsGraceAfterItsRetiredOnDay() {
            assertThat(evaluator.counts(passed("m1", "EX-GRACE"), night(LocalDate.of(2018, 4, 1)))).isTrue();
        }

        @Test
        void aCredentialRetiredWithNoGraceDateCountsOnItsRetiredOnDay() {
            assertThat(evaluator.counts(passed("m1", "EX-RETIRED"), night(LocalDate.of(2018, 6, 15)))).isTrue();
        }

        @Test
        void aCredentialRetiredWithNoGraceDateDoesNotCountTheDayAfter() {
            assertThat(evaluator.counts(passed("m1", "EX-RETIRED"), night(LocalDate.of(2018, 6, 16)))).isFalse();
        }

        @Test
        void aCredentialPastItsAcceptedUntilDayGivesNoLevel() {
            Org org = org().person("m1", "EX-GRACE");

            assertThat(outcome(ONE_PERSON_ANY_EXAM, org, night(LocalDate.of(2018, 6, 16)), COMPETENCY).attainedLevel())
                    .isEqualTo(Level.NONE);
        }

        @Test
        void anUnknownCredentialDoesNotCount() {
            assertThat(evaluator.counts(passed("m1", "EX-NOT-IN-THE-CATALOGUE"), TONIGHT)).isFalse();
        }

        @Test
        void anUnknownCredentialCountsTowardNothing() {
            CompetencyOutcome outcome = outcome(ONE_PERSON_ANY_EXAM, org().person("m1", "EX-NOT-IN-THE-CATALOGUE"));

            assertThat(outcome.attainedLevel()).isEqualTo(Level.NONE);
            assertThat(outcome.progress()).isFalse();
        }

        @Test
        void aCredentialTheRequirementDoesNotListCountsTowardNothing() {
            CompetencyOutcome outcome = outcome(ONE_PERSON_ANY_EXAM, org().person("m1", "EX-UNLISTED"));

            assertThat(outcome.attainedLevel()).isEqualTo(Level.NONE);
            assertThat(outcome.progress()).isFalse();
        }

        @Test
        void anAchievementOfAnMsaNotLinkedToTheOrganisationCountsTowardNothing() {
            Org org = org().achievement(passed("m-elsewhere", "EX-A"));

            assertThat(outcome(ONE_PERSON_ANY_EXAM, org).attainedLevel()).isEqualTo(Level.NONE);
        }
    }

    @Nested
    class CredentialExpressions {

        @Test
        void aBareCodeIsMetByAPersonHoldingIt() {
            Catalog catalog = catalog(silverPath("holding: \"EX-A\""));

            assertThat(outcome(catalog, org().person("m1", "EX-A")).attainedLevel()).isEqualTo(Level.SILVER);
        }

        @Test
        void aBareCodeIsNotMetByAnotherCredential() {
            Catalog catalog = catalog(silverPath("holding: \"EX-A\""));

            assertThat(outcome(catalog, org().person("m1", "EX-B")).attainedLevel()).isEqualTo(Level.NONE);
        }

        @Test
        void anyOfIsMetByAnyOneOfItsCredentials() {
            Catalog catalog = catalog(silverPath("holding: { anyOf: [\"EX-A\", \"EX-B\"] }"));

            assertThat(outcome(catalog, org().person("m1", "EX-B")).attainedLevel()).isEqualTo(Level.SILVER);
        }

        @Test
        void allOfIsNotMetByPartOfItsCredentials() {
            Catalog catalog = catalog(silverPath("holding: { allOf: [\"EX-A\", \"EX-B\"] }"));

            assertThat(outcome(catalog, org().person("m1", "EX-A")).attainedLevel()).isEqualTo(Level.NONE);
        }

        @Test
        void allOfIsMetByOnePersonHoldingAllItsCredentials() {
            Catalog catalog = catalog(silverPath("holding: { allOf: [\"EX-A\", \"EX-B\"] }"));

            assertThat(outcome(catalog, org().person("m1", "EX-A", "EX-B")).attainedLevel()).isEqualTo(Level.SILVER);
        }

        @Test
        void allOfMustBeHeldByTheSameIndividual() {
            Catalog catalog = catalog(silverPath("holding: { allOf: [\"EX-A\", \"EX-B\"] }"));

            assertThat(outcome(catalog, org().person("m1", "EX-A").person("m2", "EX-B")).attainedLevel())
                    .isEqualTo(Level.NONE);
        }

        @Test
        void aNestedExpressionIsMetThroughItsInnerAllOf() {
            Catalog catalog = catalog(silverPath(NESTED));

            assertThat(outcome(catalog, org().person("m1", "EX-A", "EX-B", "EX-C")).attainedLevel())
                    .isEqualTo(Level.SILVER);
        }

        @Test
        void aNestedExpressionIsMetThroughItsOtherOption() {
            Catalog catalog = catalog(silverPath(NESTED));

            assertThat(outcome(catalog, org().person("m1", "EX-A", "EX-D")).attainedLevel()).isEqualTo(Level.SILVER);
        }

        @Test
        void aNestedExpressionIsNotMetByHalfOfItsInnerAllOf() {
            Catalog catalog = catalog(silverPath(NESTED));

            assertThat(outcome(catalog, org().person("m1", "EX-A", "EX-B")).attainedLevel()).isEqualTo(Level.NONE);
        }

        @Test
        void aNestedExpressionIsNotMetWithoutItsOuterRequirement() {
            Catalog catalog = catalog(silverPath(NESTED));

            assertThat(outcome(catalog, org().person("m1", "EX-B", "EX-C", "EX-D")).attainedLevel())
                    .isEqualTo(Level.NONE);
        }

        /** EX-A and (EX-B and EX-C, or EX-D). */
        private static final String NESTED = """
                holding:
                  allOf:
                    - "EX-A"
                    - anyOf: [{ allOf: ["EX-B", "EX-C"] }, "EX-D"]
                """;

        /** TEST at Silver through one path of one requirement: one person {@code holding}. */
        private static String silverPath(String holding) {
            return """
                    SILVER:
                      - path: ONLY
                        requirements:
                          - people: 1
                    """ + holding.indent(8);
        }
    }

    @Nested
    class PeopleRequirements {

        private static final Catalog TWO_PEOPLE = catalog("""
                SILVER:
                  - path: ONLY
                    requirements:
                      - people: 2
                        holding: { anyOf: ["EX-A", "EX-B"] }
                """);

        private static final Catalog TWO_OF_WHOM_ONE = catalog("""
                SILVER:
                  - path: ONLY
                    requirements:
                      - people: 2
                        holding: "EX-A"
                        ofWhom: { people: 1, holding: "EX-B" }
                """);

        @Test
        void fewerDistinctPeopleThanRequiredDoNotMeetIt() {
            assertThat(outcome(TWO_PEOPLE, org().person("m1", "EX-A")).attainedLevel()).isEqualTo(Level.NONE);
        }

        @Test
        void theRequiredNumberOfDistinctPeopleMeetsIt() {
            assertThat(outcome(TWO_PEOPLE, org().person("m1", "EX-A").person("m2", "EX-B")).attainedLevel())
                    .isEqualTo(Level.SILVER);
        }

        @Test
        void onePersonHoldingSeveralListedCredentialsCountsOnce() {
            assertThat(outcome(TWO_PEOPLE, org().person("m1", "EX-A", "EX-B")).attainedLevel()).isEqualTo(Level.NONE);
        }

        @Test
        void onePersonWithTheSameCredentialTwiceCountsOnce() {
            Org org = org().person("m1", "EX-A")
                    .achievement(new Achievement("r-again", "m1", "EX-A", LONG_AGO, null, AchievementStatus.ACTIVE));

            assertThat(outcome(TWO_PEOPLE, org).attainedLevel()).isEqualTo(Level.NONE);
        }

        @Test
        void ofWhomIsNotMetWhenNoneOfThePeopleHoldTheSecondExpression() {
            assertThat(outcome(TWO_OF_WHOM_ONE, org().people("m", 2, "EX-A")).attainedLevel()).isEqualTo(Level.NONE);
        }

        @Test
        void ofWhomIsMetWhenEnoughOfThosePeopleAlsoHoldTheSecondExpression() {
            Org org = org().person("m1", "EX-A", "EX-B").person("m2", "EX-A");

            assertThat(outcome(TWO_OF_WHOM_ONE, org).attainedLevel()).isEqualTo(Level.SILVER);
        }

        @Test
        void ofWhomCountsOnlyThoseSamePeople() {
            // m3 holds the second expression but not the first: not one "of whom".
            Org org = org().person("m1", "EX-A").person("m2", "EX-A").person("m3", "EX-B");

            assertThat(outcome(TWO_OF_WHOM_ONE, org).attainedLevel()).isEqualTo(Level.NONE);
        }

        @Test
        void ofWhomDoesNotReplaceTheMainCount() {
            assertThat(outcome(TWO_OF_WHOM_ONE, org().person("m1", "EX-A", "EX-B")).attainedLevel())
                    .isEqualTo(Level.NONE);
        }

        @Test
        void oneIndividualMaySatisfyTwoPeopleRequirementsOfAPath() {
            Catalog catalog = catalog("""
                    SILVER:
                      - path: ONLY
                        requirements:
                          - { people: 1, holding: "EX-A" }
                          - { people: 1, holding: "EX-B" }
                    """);

            assertThat(outcome(catalog, org().person("m1", "EX-A", "EX-B")).attainedLevel()).isEqualTo(Level.SILVER);
        }

        @Test
        void eachPeopleRequirementOfAPathNeedsItsOwnCount() {
            Catalog catalog = catalog("""
                    SILVER:
                      - path: ONLY
                        requirements:
                          - { people: 2, holding: "EX-A" }
                          - { people: 2, holding: "EX-B" }
                    """);

            assertThat(outcome(catalog, org().people("m", 2, "EX-A").person("m3", "EX-B")).attainedLevel())
                    .isEqualTo(Level.NONE);
        }
    }

    @Nested
    class MetricRequirements {

        private static final String METRIC = "REVENUE";

        private static final Catalog AT_LEAST_100 = catalog("""
                SILVER:
                  - path: ONLY
                    requirements:
                      - { metric: REVENUE, atLeast: 100 }
                """);

        private static final Catalog PER_MARKET = catalog("""
                SILVER:
                  - path: ONLY
                    requirements:
                      - { metric: REVENUE, atLeast: { DEVELOPED: 100, DEVELOPING: 50 } }
                """);

        private static Level levelWith(Catalog catalog, Org org) {
            return outcome(catalog, org).attainedLevel();
        }

        private static Org revenue(YearMonth month, long value) {
            return org().metric(METRIC, month, Association.DPOR, value);
        }

        @Test
        void theMonthElevenMonthsBeforeTheBusinessDatesMonthCounts() {
            assertThat(levelWith(AT_LEAST_100, revenue(YearMonth.of(2017, 7), 100))).isEqualTo(Level.SILVER);
        }

        @Test
        void theMonthTwelveMonthsBeforeTheBusinessDatesMonthDoesNotCount() {
            assertThat(levelWith(AT_LEAST_100, revenue(YearMonth.of(2017, 6), 100))).isEqualTo(Level.NONE);
        }

        @Test
        void theBusinessDatesMonthCounts() {
            assertThat(levelWith(AT_LEAST_100, revenue(YearMonth.of(2018, 6), 100))).isEqualTo(Level.SILVER);
        }

        @Test
        void aMonthAfterTheBusinessDatesMonthDoesNotCount() {
            assertThat(levelWith(AT_LEAST_100, revenue(YearMonth.of(2018, 7), 100))).isEqualTo(Level.NONE);
        }

        @Test
        void theMonthsOfTheWindowAreSummed() {
            Org org = revenue(YearMonth.of(2017, 7), 40).metric(METRIC, YearMonth.of(2018, 6), Association.DPOR, 60);

            assertThat(levelWith(AT_LEAST_100, org)).isEqualTo(Level.SILVER);
        }

        @Test
        void aSumJustBelowTheThresholdDoesNotMeetIt() {
            assertThat(levelWith(AT_LEAST_100, revenue(YearMonth.of(2018, 6), 99))).isEqualTo(Level.NONE);
        }

        @Test
        void anotherMetricDoesNotCount() {
            Org org = org().metric("SEATS", YearMonth.of(2018, 6), Association.DPOR, 1000);

            assertThat(levelWith(AT_LEAST_100, org)).isEqualTo(Level.NONE);
        }

        @Test
        void aDevelopingMarketOrganisationMeetsItsOwnThreshold() {
            assertThat(levelWith(PER_MARKET, revenue(YearMonth.of(2018, 6), 60).in(Market.DEVELOPING)))
                    .isEqualTo(Level.SILVER);
        }

        @Test
        void aDevelopedMarketOrganisationIsHeldToItsOwnThreshold() {
            assertThat(levelWith(PER_MARKET, revenue(YearMonth.of(2018, 6), 60).in(Market.DEVELOPED)))
                    .isEqualTo(Level.NONE);
        }

        @Test
        void byDefaultTrialsDoNotCount() {
            Org org = org().metric(METRIC, YearMonth.of(2018, 6), Association.TRIAL, 1000);

            assertThat(levelWith(AT_LEAST_100, org)).isEqualTo(Level.NONE);
        }

        @Test
        void byDefaultEveryAssociationButTrialsCounts() {
            YearMonth june = YearMonth.of(2018, 6);
            Org org = org().metric(METRIC, june, Association.DPOR, 25).metric(METRIC, june, Association.TRANSACTING, 25)
                    .metric(METRIC, june, Association.DELEGATED_ADMIN, 25).metric(METRIC, june, Association.FASTTRACK, 25)
                    .metric(METRIC, june, Association.TRIAL, 1000);

            MetricRequirement requirement = (MetricRequirement) AT_LEAST_100.competency(COMPETENCY).orElseThrow()
                    .paths(Level.SILVER).get(0).requirements().get(0);

            assertThat(CompetencyEvaluator.trailingSum(org.snapshot(), requirement, TONIGHT)).isEqualByComparingTo("100");
        }

        @Test
        void aRequirementNamingTrialsCountsThem() {
            Catalog catalog = catalog("""
                    SILVER:
                      - path: ONLY
                        requirements:
                          - { metric: REVENUE, atLeast: 100, associations: [TRIAL] }
                    """);
            Org org = org().metric(METRIC, YearMonth.of(2018, 6), Association.TRIAL, 100);

            assertThat(levelWith(catalog, org)).isEqualTo(Level.SILVER);
        }

        @Test
        void aRequirementNamingItsAssociationsCountsOnlyThose() {
            Catalog catalog = catalog("""
                    SILVER:
                      - path: ONLY
                        requirements:
                          - { metric: REVENUE, atLeast: 100, associations: [DPOR] }
                    """);
            Org org = org().metric(METRIC, YearMonth.of(2018, 6), Association.TRANSACTING, 100);

            assertThat(levelWith(catalog, org)).isEqualTo(Level.NONE);
        }
    }

    @Nested
    class LevelsAndPaths {

        /** Silver through FIRST (EX-A) or SECOND (EX-B); Gold through TWO_PEOPLE (2 people with EX-A). */
        private static final Catalog TWO_SILVER_PATHS = catalog("""
                SILVER:
                  - path: FIRST
                    requirements:
                      - { people: 1, holding: "EX-A" }
                  - path: SECOND
                    requirements:
                      - { people: 1, holding: "EX-B" }
                GOLD:
                  - path: TWO_PEOPLE
                    requirements:
                      - { people: 2, holding: "EX-A" }
                """);

        @Test
        void aLevelIsMetThroughAnyOfItsPaths() {
            CompetencyOutcome outcome = outcome(TWO_SILVER_PATHS, org().person("m1", "EX-B"));

            assertThat(outcome.attainedLevel()).isEqualTo(Level.SILVER);
            assertThat(outcome.attainedPath()).isEqualTo("SECOND");
        }

        @Test
        void theAttainedPathIsTheFirstMetPathInCatalogueOrder() {
            CompetencyOutcome outcome = outcome(TWO_SILVER_PATHS, org().person("m1", "EX-B").person("m2", "EX-A"));

            assertThat(outcome.attainedPath()).isEqualTo("FIRST");
        }

        @Test
        void theAttainedLevelIsTheHighestMet() {
            CompetencyOutcome outcome = outcome(TWO_SILVER_PATHS, org().people("m", 2, "EX-A"));

            assertThat(outcome.attainedLevel()).isEqualTo(Level.GOLD);
            assertThat(outcome.attainedPath()).isEqualTo("TWO_PEOPLE");
            assertThat(outcome.requirementLevel()).isEqualTo(Level.GOLD);
        }

        @Test
        void goldIsAttainedEvenWhenNoSilverPathIsMet() {
            Catalog catalog = catalog("""
                    SILVER:
                      - path: WITH_REVENUE
                        requirements:
                          - { metric: REVENUE, atLeast: 100 }
                          - { people: 1, holding: "EX-A" }
                    GOLD:
                      - path: SKILLS_ONLY
                        requirements:
                          - { people: 2, holding: "EX-A" }
                    """);

            assertThat(outcome(catalog, org().people("m", 2, "EX-A")).attainedLevel()).isEqualTo(Level.GOLD);
        }

        @Test
        void noMetPathGivesNoLevelAndNoPath() {
            CompetencyOutcome outcome = outcome(TWO_SILVER_PATHS, org().person("m1", "EX-C"));

            assertThat(outcome.attainedLevel()).isEqualTo(Level.NONE);
            assertThat(outcome.attainedPath()).isEmpty();
        }

        @Test
        void aPathIsMetOnlyWhenAllItsRequirementsHold() {
            Catalog catalog = catalog("""
                    SILVER:
                      - path: ONLY
                        requirements:
                          - { metric: REVENUE, atLeast: 100 }
                          - { people: 1, holding: "EX-A" }
                    """);

            assertThat(outcome(catalog, org().person("m1", "EX-A")).attainedLevel()).isEqualTo(Level.NONE);
        }

        @Test
        void everyPathIsReportedInCatalogueOrderSilverFirst() {
            CompetencyOutcome outcome = outcome(TWO_SILVER_PATHS, org().person("m1", "EX-B"));

            assertThat(outcome.paths()).extracting(PathOutcome::level, PathOutcome::path, PathOutcome::met)
                    .containsExactly(
                            tuple(Level.SILVER, "FIRST", false),
                            tuple(Level.SILVER, "SECOND", true),
                            tuple(Level.GOLD, "TWO_PEOPLE", false));
        }
    }

    @Nested
    class Overrides {

        /** Silver through REQUIREMENTS (1 person with EX-A), Gold through REQUIREMENTS (2 people with EX-A). */
        private static final Catalog SILVER_AND_GOLD = catalog("""
                SILVER:
                  - path: REQUIREMENTS
                    requirements:
                      - { people: 1, holding: "EX-A" }
                GOLD:
                  - path: REQUIREMENTS
                    requirements:
                      - { people: 2, holding: "EX-A" }
                """);

        private static final LocalDate FROM = D.minusMonths(1);
        private static final LocalDate UNTIL = D.plusMonths(2);

        @Test
        void aValidOverrideGivesItsLevelThroughThePathOverride() {
            CompetencyOutcome outcome = outcome(SILVER_AND_GOLD, org().override("o1", Level.GOLD, FROM, UNTIL));

            assertThat(outcome.attainedLevel()).isEqualTo(Level.GOLD);
            assertThat(outcome.attainedPath()).isEqualTo(CompetencyOutcome.OVERRIDE_PATH);
            assertThat(outcome.requirementLevel()).isEqualTo(Level.NONE);
            assertThat(outcome.override()).map(OverrideGrant::overrideId).contains("o1");
        }

        @Test
        void anOverrideAboveWhatRequirementsGiveRaisesTheLevel() {
            Org org = org().person("m1", "EX-A").override("o1", Level.GOLD, FROM, UNTIL);

            CompetencyOutcome outcome = outcome(SILVER_AND_GOLD, org);

            assertThat(outcome.attainedLevel()).isEqualTo(Level.GOLD);
            assertThat(outcome.attainedPath()).isEqualTo(CompetencyOutcome.OVERRIDE_PATH);
            assertThat(outcome.requirementLevel()).isEqualTo(Level.SILVER);
        }

        @Test
        void anOverrideCountsOnItsValidFromDay() {
            assertThat(outcome(SILVER_AND_GOLD, org().override("o1", Level.SILVER, D, UNTIL)).attainedLevel())
                    .isEqualTo(Level.SILVER);
        }

        @Test
        void anOverrideDoesNotCountTheDayBeforeItsValidFromDay() {
            assertThat(outcome(SILVER_AND_GOLD, org().override("o1", Level.SILVER, D.plusDays(1), UNTIL))
                    .attainedLevel()).isEqualTo(Level.NONE);
        }

        @Test
        void anOverrideCountsOnItsValidUntilDay() {
            assertThat(outcome(SILVER_AND_GOLD, org().override("o1", Level.SILVER, FROM, D)).attainedLevel())
                    .isEqualTo(Level.SILVER);
        }

        @Test
        void aLapsedOverrideRevertsToWhatTheRequirementsGive() {
            Org org = org().person("m1", "EX-A").override("o1", Level.GOLD, FROM, D.minusDays(1));

            CompetencyOutcome outcome = outcome(SILVER_AND_GOLD, org);

            assertThat(outcome.attainedLevel()).isEqualTo(Level.SILVER);
            assertThat(outcome.attainedPath()).isEqualTo("REQUIREMENTS");
            assertThat(outcome.override()).isEmpty();
        }

        @Test
        void aLapsedOverrideWithNothingBehindItLeavesNoLevel() {
            assertThat(outcome(SILVER_AND_GOLD, org().override("o1", Level.GOLD, FROM, D.minusDays(1))).attainedLevel())
                    .isEqualTo(Level.NONE);
        }

        @Test
        void anOverrideBelowWhatRequirementsGiveLeavesTheRequirementPath() {
            Org org = org().people("m", 2, "EX-A").override("o1", Level.SILVER, FROM, UNTIL);

            CompetencyOutcome outcome = outcome(SILVER_AND_GOLD, org);

            assertThat(outcome.attainedLevel()).isEqualTo(Level.GOLD);
            assertThat(outcome.attainedPath()).isEqualTo("REQUIREMENTS");
        }

        @Test
        void anOverrideEqualToWhatRequirementsGiveLeavesTheRequirementPath() {
            Org org = org().person("m1", "EX-A").override("o1", Level.SILVER, FROM, UNTIL);

            assertThat(outcome(SILVER_AND_GOLD, org).attainedPath()).isEqualTo("REQUIREMENTS");
        }

        @Test
        void anOverrideOfAnotherCompetencyDoesNotCount() {
            Org org = org().override("o1", "ANOTHER", Level.GOLD, FROM, UNTIL);

            assertThat(outcome(SILVER_AND_GOLD, org).attainedLevel()).isEqualTo(Level.NONE);
        }

        @Test
        void theHighestOfSeveralValidOverridesCounts() {
            Org org = org().override("o1", Level.SILVER, FROM, UNTIL).override("o2", Level.GOLD, FROM, UNTIL);

            CompetencyOutcome outcome = outcome(SILVER_AND_GOLD, org);

            assertThat(outcome.attainedLevel()).isEqualTo(Level.GOLD);
            assertThat(outcome.override()).map(OverrideGrant::overrideId).contains("o2");
        }
    }

    @Nested
    class Progress {

        private static final Catalog TWO_PEOPLE_AND_REVENUE = catalog("""
                SILVER:
                  - path: ONLY
                    requirements:
                      - { metric: REVENUE, atLeast: 100 }
                      - { people: 2, holding: { allOf: ["EX-A", "EX-B"] } }
                """);

        @Test
        void nothingAtAllIsNoProgress() {
            assertThat(outcome(TWO_PEOPLE_AND_REVENUE, org()).progress()).isFalse();
        }

        @Test
        void onePersonCountingTowardAPeopleRequirementIsProgress() {
            CompetencyOutcome outcome = outcome(TWO_PEOPLE_AND_REVENUE, org().person("m1", "EX-A", "EX-B"));

            assertThat(outcome.progress()).isTrue();
            assertThat(outcome.attainedLevel()).isEqualTo(Level.NONE);
        }

        @Test
        void aPersonHoldingOnlyPartOfTheExpressionDoesNotCountTowardIt() {
            assertThat(outcome(TWO_PEOPLE_AND_REVENUE, org().person("m1", "EX-A")).progress()).isFalse();
        }

        @Test
        void aMetricSumAboveZeroIsProgress() {
            Org org = org().metric("REVENUE", YearMonth.of(2018, 6), Association.DPOR, 1);

            assertThat(outcome(TWO_PEOPLE_AND_REVENUE, org).progress()).isTrue();
        }

        @Test
        void aMetricSumOfZeroIsNoProgress() {
            Org org = org().metric("REVENUE", YearMonth.of(2018, 6), Association.DPOR, 0);

            assertThat(outcome(TWO_PEOPLE_AND_REVENUE, org).progress()).isFalse();
        }

        @Test
        void aMetricOutsideTheTrailingTwelveMonthsIsNoProgress() {
            Org org = org().metric("REVENUE", YearMonth.of(2017, 6), Association.DPOR, 500);

            assertThat(outcome(TWO_PEOPLE_AND_REVENUE, org).progress()).isFalse();
        }

        @Test
        void trialsOutsideTheRequirementsAssociationsAreNoProgress() {
            Org org = org().metric("REVENUE", YearMonth.of(2018, 6), Association.TRIAL, 500);

            assertThat(outcome(TWO_PEOPLE_AND_REVENUE, org).progress()).isFalse();
        }
    }

    @Nested
    class QualifyingPeople {

        @Test
        void ofAMetPathAreTheDistinctPeopleOfItsPeopleRequirements() {
            Catalog catalog = catalog("""
                    SILVER:
                      - path: ONLY
                        requirements:
                          - { people: 1, holding: "EX-A" }
                          - { people: 1, holding: "EX-B" }
                    """);
            Org org = org().person("m1", "EX-A", "EX-B").person("m2", "EX-B").person("m3", "EX-C");

            assertThat(outcome(catalog, org).qualifyingPeople()).isEqualTo(2);
        }

        @Test
        void ofAMetPathAreThoseOfTheAttainedPathNotOfABiggerOne() {
            Catalog catalog = catalog("""
                    SILVER:
                      - path: FIRST
                        requirements:
                          - { people: 1, holding: "EX-A" }
                      - path: SECOND
                        requirements:
                          - { people: 1, holding: "EX-B" }
                    """);
            Org org = org().person("m1", "EX-A").people("b", 3, "EX-B");

            CompetencyOutcome outcome = outcome(catalog, org);

            assertThat(outcome.attainedPath()).isEqualTo("FIRST");
            assertThat(outcome.qualifyingPeople()).isEqualTo(1);
        }

        @Test
        void underAnOverrideAreThoseOfTheBestPathOfTheOverridesLevel() {
            Catalog catalog = catalog("""
                    SILVER:
                      - path: SILVER_PATH
                        requirements:
                          - { people: 1, holding: "EX-C" }
                    GOLD:
                      - path: GOLD_A
                        requirements:
                          - { people: 4, holding: "EX-A" }
                      - path: GOLD_B
                        requirements:
                          - { people: 4, holding: "EX-B" }
                    """);
            Org org = org().person("a1", "EX-A").people("b", 2, "EX-B").people("c", 3, "EX-C")
                    .override("o1", Level.GOLD, D, D);

            CompetencyOutcome outcome = outcome(catalog, org);

            assertThat(outcome.attainedPath()).isEqualTo(CompetencyOutcome.OVERRIDE_PATH);
            assertThat(outcome.qualifyingPeople()).isEqualTo(2);
        }

        @Test
        void withNoLevelAreThoseOfTheBestPathOfTheLowestLevel() {
            Catalog catalog = catalog("""
                    SILVER:
                      - path: SILVER_A
                        requirements:
                          - { people: 3, holding: "EX-A" }
                      - path: SILVER_B
                        requirements:
                          - { people: 3, holding: "EX-B" }
                    GOLD:
                      - path: GOLD_C
                        requirements:
                          - { people: 5, holding: "EX-C" }
                    """);
            Org org = org().person("a1", "EX-A").people("b", 2, "EX-B").people("c", 4, "EX-C");

            CompetencyOutcome outcome = outcome(catalog, org);

            assertThat(outcome.attainedLevel()).isEqualTo(Level.NONE);
            assertThat(outcome.qualifyingPeople()).isEqualTo(2);
        }

        @Test
        void withNoLevelAndNobodyAreNone() {
            assertThat(outcome(ONE_PERSON_ANY_EXAM, org()).qualifyingPeople()).isZero();
        }
    }

    @Nested
    class TheDefaultCatalogue {

        private static final Catalog DEFAULT = CatalogLoader.loadDefault();

        private static CompetencyOutcome evaluate(String competency, Org org) {
            return outcome(DEFAULT, org, TONIGHT, competency);
        }

        @Test
        void devOpsSilverNeedsTwoCorePeopleOfWhomOneAgile() {
            Org org = org().person("m1", "70-496", "70-498", "PSM-I").person("m2", "70-496", "70-498");

            CompetencyOutcome outcome = evaluate("DEVOPS", org);

            assertThat(outcome.attainedLevel()).isEqualTo(Level.SILVER);
            assertThat(outcome.attainedPath()).isEqualTo("DEVOPS_PARTNER");
        }

        @Test
        void devOpsIsNotMetWhenTheAgilePersonIsNotOneOfTheCorePeople() {
            Org org = org().people("m", 2, "70-496", "70-498").person("scrum", "PSM-I", "70-496");

            assertThat(evaluate("DEVOPS", org).attainedLevel()).isEqualTo(Level.NONE);
        }

        @Test
        void devOpsGoldNeedsFourCorePeopleOfWhomTwoAgile() {
            Org org = org().person("agile1", "70-496", "70-498", "70-497").person("agile2", "70-496", "70-498", "CSM")
                    .people("core", 2, "70-496", "70-498");

            assertThat(evaluate("DEVOPS", org).attainedLevel()).isEqualTo(Level.GOLD);
        }

        @Test
        void devOpsGoldWithOnlyOneAgilePersonStaysSilver() {
            Org org = org().person("agile1", "70-496", "70-498", "70-497").people("core", 3, "70-496", "70-498");

            assertThat(evaluate("DEVOPS", org).attainedLevel()).isEqualTo(Level.SILVER);
        }

        @Test
        void cloudBusinessApplicationsCountsTheSamePeopleForBothPeopleRequirements() {
            Org org = org().people("m", 5, "MB2-715", "MB2-716", "MB2-717")
                    .metric("CRM_NET_NEW_REVENUE_USD", YearMonth.of(2018, 3), Association.DPOR, 100_000);

            CompetencyOutcome outcome = evaluate("CLOUD_BUSINESS_APPLICATIONS", org);

            assertThat(outcome.attainedLevel()).isEqualTo(Level.SILVER);
            assertThat(outcome.qualifyingPeople()).isEqualTo(5);
        }

        @Test
        void cloudBusinessApplicationsCountsDifferentPeopleForEachPeopleRequirement() {
            Org org = org().people("core", 5, "MB2-715", "MB2-716").people("app", 5, "MB2-718")
                    .metric("CRM_NET_NEW_REVENUE_USD", YearMonth.of(2018, 3), Association.DPOR, 100_000);

            CompetencyOutcome outcome = evaluate("CLOUD_BUSINESS_APPLICATIONS", org);

            assertThat(outcome.attainedLevel()).isEqualTo(Level.SILVER);
            assertThat(outcome.qualifyingPeople()).isEqualTo(10);
        }

        @Test
        void cloudBusinessApplicationsIsNotMetWhenOnePeopleRequirementFallsShort() {
            Org org = org().people("core", 5, "MB2-715", "MB2-716").people("app", 4, "MB2-877")
                    .metric("CRM_NET_NEW_REVENUE_USD", YearMonth.of(2018, 3), Association.DPOR, 100_000);

            assertThat(evaluate("CLOUD_BUSINESS_APPLICATIONS", org).attainedLevel()).isEqualTo(Level.NONE);
        }

        @Test
        void cloudBusinessApplicationsCountsOnlyDporRevenue() {
            Org org = org().people("m", 5, "MB2-715", "MB2-716", "MB2-717")
                    .metric("CRM_NET_NEW_REVENUE_USD", YearMonth.of(2018, 3), Association.TRANSACTING, 100_000);

            assertThat(evaluate("CLOUD_BUSINESS_APPLICATIONS", org).attainedLevel()).isEqualTo(Level.NONE);
        }

        @Test
        void dataAnalyticsSpecialistNeedsTheFoundationalAssessmentAndOneWholeFocusArea() {
            Org org = org().person("m1", "ASMT-DATA-ANALYTICS-FOUNDATIONAL", "70-767", "70-768");

            CompetencyOutcome outcome = evaluate("DATA_ANALYTICS", org);

            assertThat(outcome.attainedLevel()).isEqualTo(Level.SILVER);
            assertThat(outcome.attainedPath()).isEqualTo("SPECIALIST");
        }

        @Test
        void dataAnalyticsSpecialistIsNotMetByExamsOfTwoFocusAreasMixed() {
            Org org = org().person("m1", "ASMT-DATA-ANALYTICS-FOUNDATIONAL", "70-767", "70-773", "70-475");

            assertThat(evaluate("DATA_ANALYTICS", org).attainedLevel()).isEqualTo(Level.NONE);
        }

        @Test
        void dataAnalyticsSpecialistIsNotMetWithoutTheFoundationalAssessment() {
            Org org = org().person("m1", "70-475", "70-775");

            assertThat(evaluate("DATA_ANALYTICS", org).attainedLevel()).isEqualTo(Level.NONE);
        }

        @Test
        void dataAnalyticsBeginnersIsTheAttainedPathWhenOnlyItIsMet() {
            Org org = org().person("m1", "ASMT-DATA-ANALYTICS-FOUNDATIONAL", "ASMT-BI")
                    .person("m2", "ASMT-DATA-ANALYTICS-FOUNDATIONAL", "ASMT-BIG-DATA");

            assertThat(evaluate("DATA_ANALYTICS", org).attainedPath()).isEqualTo("BEGINNERS");
        }

        @Test
        void cloudPlatformSilverRevenueIsEnoughInADevelopingMarket() {
            Org org = org().in(Market.DEVELOPING).person("m1", "70-533")
                    .metric("AZURE_CONSUMED_REVENUE_USD", YearMonth.of(2018, 1), Association.DPOR, 12_000);

            assertThat(evaluate("CLOUD_PLATFORM", org).attainedLevel()).isEqualTo(Level.SILVER);
        }

        @Test
        void cloudPlatformSilverRevenueIsNotEnoughInADevelopedMarket() {
            Org org = org().in(Market.DEVELOPED).person("m1", "70-533")
                    .metric("AZURE_CONSUMED_REVENUE_USD", YearMonth.of(2018, 1), Association.DPOR, 12_000);

            CompetencyOutcome outcome = evaluate("CLOUD_PLATFORM", org);

            assertThat(outcome.attainedLevel()).isEqualTo(Level.NONE);
            assertThat(outcome.progress()).isTrue();
        }

        @Test
        void cloudPlatformCountsOnlyDporAndTransactingRevenue() {
            YearMonth month = YearMonth.of(2018, 1);
            Org org = org().in(Market.DEVELOPING).person("m1", "70-533")
                    .metric("AZURE_CONSUMED_REVENUE_USD", month, Association.DPOR, 5_000)
                    .metric("AZURE_CONSUMED_REVENUE_USD", month, Association.TRANSACTING, 4_000)
                    .metric("AZURE_CONSUMED_REVENUE_USD", month, Association.DELEGATED_ADMIN, 50_000);

            assertThat(evaluate("CLOUD_PLATFORM", org).attainedLevel()).isEqualTo(Level.NONE);
        }

        @Test
        void cloudPlatformAcceptsTheRetiredExam70534UntilItsGraceDate() {
            Org org = org().person("m1", "70-534")
                    .metric("AZURE_CONSUMED_REVENUE_USD", YearMonth.of(2018, 12), Association.DPOR, 15_000);

            assertThat(outcome(DEFAULT, org, night(LocalDate.of(2018, 12, 31)), "CLOUD_PLATFORM").attainedLevel())
                    .isEqualTo(Level.SILVER);
        }

        @Test
        void cloudPlatformRefusesTheRetiredExam70534AfterItsGraceDate() {
            Org org = org().person("m1", "70-534")
                    .metric("AZURE_CONSUMED_REVENUE_USD", YearMonth.of(2018, 12), Association.DPOR, 15_000);

            assertThat(outcome(DEFAULT, org, night(LocalDate.of(2019, 1, 1)), "CLOUD_PLATFORM").attainedLevel())
                    .isEqualTo(Level.NONE);
        }

        @Test
        void onePersonCountsTowardSeveralCompetencies() {
            Org org = org().people("m", 2, "70-347", "70-339", "70-345");

            assertThat(evaluate("COLLABORATION_CONTENT", org).attainedLevel()).isEqualTo(Level.SILVER);
            assertThat(evaluate("MESSAGING", org).attainedLevel()).isEqualTo(Level.SILVER);
        }
    }
}
