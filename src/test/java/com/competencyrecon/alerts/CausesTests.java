package com.competencyrecon.alerts;

import com.competencyrecon.catalog.Association;
import com.competencyrecon.catalog.Level;
import com.competencyrecon.catalog.Market;
import com.competencyrecon.evaluation.Achievement;
import com.competencyrecon.evaluation.AchievementStatus;
import com.competencyrecon.evaluation.Contribution;
import com.competencyrecon.evaluation.LevelMet;
import com.competencyrecon.evaluation.MetricValue;
import com.competencyrecon.evaluation.OverrideGrant;
import com.competencyrecon.ownership.EffectiveLink;
import com.competencyrecon.ownership.UserAccount;
import com.competencyrecon.ownership.UserStatus;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.competencyrecon.alerts.AlertFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** DOMAIN.md "Alerts": the causes of RENEWAL_AT_RISK and OVERRIDE_EXPIRED, what changed since the level was last met. */
class CausesTests {

    private static final Instant LINKED = Instant.parse("2025-02-01T00:00:00Z");

    private static Contribution person(String msa, String user, String credentials) {
        return new Contribution(Contribution.Kind.PERSON, msa, user, credentials);
    }

    private static Contribution metric(String metric) {
        return new Contribution(Contribution.Kind.METRIC, metric, null, "20000>=100");
    }

    private static Contribution override(String overrideId) {
        return new Contribution(Contribution.Kind.OVERRIDE, overrideId, null, "SILVER");
    }

    private static History history() {
        return new History();
    }

    /** What O1's Silver in TEST was last made of, and how things stand tonight. */
    private static final class History {
        private String path = "SP";
        private final List<Contribution> made = new ArrayList<>();
        private final Map<String, EffectiveLink> links = new HashMap<>();
        private final Map<String, UserAccount> users = new HashMap<>();
        private final Map<String, List<Achievement>> achievements = new HashMap<>();
        private final List<MetricValue> metrics = new ArrayList<>();
        private final List<OverrideGrant> overrides = new ArrayList<>();

        History made(Contribution... contributions) {
            made.addAll(List.of(contributions));
            return this;
        }

        History path(String code) {
            path = code;
            return this;
        }

        History linked(String msa, String user, String org) {
            links.put(msa, new EffectiveLink(msa, user, org, LINKED));
            return this;
        }

        History user(String user, UserStatus status) {
            users.put(user, new UserAccount(user, "O1", status, Instant.parse("2026-11-23T12:00:00Z")));
            return this;
        }

        History holds(Achievement a) {
            achievements.computeIfAbsent(a.msaId(), k -> new ArrayList<>()).add(a);
            return this;
        }

        History revenue(YearMonth month, long amount) {
            metrics.add(new MetricValue("REVENUE", month, Association.DPOR, BigDecimal.valueOf(amount)));
            return this;
        }

        History override(String id, LocalDate from, LocalDate until) {
            overrides.add(new OverrideGrant(id, COMPETENCY, Level.SILVER, from, until));
            return this;
        }

        /** m1 of u1, still linked to O1 and active, holding EX-A: a person that still counts. */
        History stillCounting() {
            return made(person("m1", "u1", "EX-A")).linked("m1", "u1", "O1").user("u1", UserStatus.ACTIVE)
                    .holds(passed("m1", "EX-A"));
        }

        List<String> causes(Market market) {
            Causes.History h = new Causes.History(
                    Map.of("O1", List.of(new LevelMet("O1", COMPETENCY, Level.SILVER, D.minusDays(1), path, made))),
                    links, users, achievements, Map.of("O1", metrics), Map.of("O1", overrides));
            return new Causes(CATALOG, TONIGHT, h).of("O1", market, COMPETENCY, Level.SILVER);
        }

        List<String> causes() {
            return causes(Market.DEVELOPED);
        }
    }

    @Nested
    class People {

        @Test
        void aPersonWhoStillCountsIsNoCause() {
            assertThat(history().stillCounting().causes()).isEmpty();
        }

        @Test
        void namesADeletedUserNoLongerLinked() {
            List<String> causes = history().made(person("m1", "u1", "EX-A")).user("u1", UserStatus.DELETED)
                    .holds(passed("m1", "EX-A")).causes();

            assertThat(causes).containsExactly("USER_DELETED:u1");
        }

        @Test
        void namesAnUnlinkedMsa() {
            List<String> causes = history().made(person("m1", "u1", "EX-A")).user("u1", UserStatus.ACTIVE)
                    .holds(passed("m1", "EX-A")).causes();

            assertThat(causes).containsExactly("MSA_UNLINKED:m1");
        }

        @Test
        void namesAnMsaLinkedToAnotherOrganisation() {
            List<String> causes = history().made(person("m1", "u1", "EX-A")).linked("m1", "u9", "O2")
                    .user("u1", UserStatus.ACTIVE).holds(passed("m1", "EX-A")).causes();

            assertThat(causes).containsExactly("MSA_MOVED:m1");
        }

        @Test
        void namesTheDeletionRatherThanTheMoveItCaused() {
            List<String> causes = history().made(person("m1", "u1", "EX-A")).linked("m1", "u9", "O2")
                    .user("u1", UserStatus.DELETED).causes();

            assertThat(causes).containsExactly("USER_DELETED:u1");
        }

        @Test
        void namesEveryPersonSortedAndOnce() {
            List<String> causes = history().made(person("m2", "u1", "EX-A"), person("m1", "u1", "EX-A"),
                    person("m3", "u3", "EX-A")).user("u1", UserStatus.DELETED).user("u3", UserStatus.ACTIVE).causes();

            assertThat(causes).containsExactly("MSA_UNLINKED:m3", "USER_DELETED:u1");
        }
    }

    @Nested
    class Credentials {

        private History linkedM1(String credentials) {
            return history().made(person("m1", "u1", credentials)).linked("m1", "u1", "O1")
                    .user("u1", UserStatus.ACTIVE);
        }

        @Test
        void namesACredentialTheCatalogueNoLongerAccepts() {
            assertThat(linkedM1("EX-OLD").holds(passed("m1", "EX-OLD")).causes())
                    .containsExactly("CREDENTIAL_RETIRED:m1/EX-OLD");
        }

        @Test
        void namesARevokedAchievement() {
            List<String> causes = linkedM1("EX-A")
                    .holds(achievement("m1", "EX-A", LONG_AGO, null, AchievementStatus.REVOKED)).causes();

            assertThat(causes).containsExactly("ACHIEVEMENT_REVOKED:m1/EX-A");
        }

        @Test
        void namesAnAchievementThatExpiredOnTheNight() {
            List<String> causes = linkedM1("EX-A")
                    .holds(achievement("m1", "EX-A", LONG_AGO, D, AchievementStatus.ACTIVE)).causes();

            assertThat(causes).containsExactly("CREDENTIAL_EXPIRED:m1/EX-A");
        }

        @Test
        void namesTheExpiryWhenOneRecordExpiredAndAnotherWasRevoked() {
            List<String> causes = linkedM1("EX-A")
                    .holds(achievement("m1", "EX-A", LONG_AGO, D.minusDays(3), AchievementStatus.ACTIVE))
                    .holds(achievement("m1", "EX-A", LONG_AGO.plusSeconds(1), null, AchievementStatus.REVOKED))
                    .causes();

            assertThat(causes).containsExactly("CREDENTIAL_EXPIRED:m1/EX-A");
        }

        @Test
        void aCredentialEarnedAgainIsNoCause() {
            List<String> causes = linkedM1("EX-A")
                    .holds(achievement("m1", "EX-A", LONG_AGO, null, AchievementStatus.REVOKED))
                    .holds(achievement("m1", "EX-A", Instant.parse("2026-11-20T00:00:00Z"), null,
                            AchievementStatus.ACTIVE)).causes();

            assertThat(causes).isEmpty();
        }

        @Test
        void aRecordEarnedAfterTheCountingInstantDoesNotHideARevocation() {
            // The evaluator does not count it tonight either: the revocation is why the level is lost.
            List<String> causes = linkedM1("EX-A")
                    .holds(achievement("m1", "EX-A", LONG_AGO, null, AchievementStatus.REVOKED))
                    .holds(achievement("m1", "EX-A", Instant.parse("2026-11-24T10:00:00Z"), null,
                            AchievementStatus.ACTIVE)).causes();

            assertThat(causes).containsExactly("ACHIEVEMENT_REVOKED:m1/EX-A");
        }

        @Test
        void namesEachCredentialOfAPersonThatNoLongerCounts() {
            List<String> causes = linkedM1("EX-A;EX-OLD")
                    .holds(achievement("m1", "EX-A", LONG_AGO, null, AchievementStatus.REVOKED))
                    .holds(passed("m1", "EX-OLD")).causes();

            assertThat(causes).containsExactly("ACHIEVEMENT_REVOKED:m1/EX-A", "CREDENTIAL_RETIRED:m1/EX-OLD");
        }
    }

    @Nested
    class Metrics {

        @Test
        void namesAMetricWhoseTrailingSumFellBelowTheThreshold() {
            List<String> causes = history().made(metric("REVENUE")).revenue(YearMonth.of(2026, 10), 60).causes();

            assertThat(causes).containsExactly("METRIC_BELOW:REVENUE");
        }

        @Test
        void aMetricAtItsThresholdIsNoCause() {
            List<String> causes = history().made(metric("REVENUE")).revenue(YearMonth.of(2026, 10), 60)
                    .revenue(YearMonth.of(2025, 12), 40).causes();

            assertThat(causes).isEmpty();
        }

        @Test
        void monthsBeforeTheTrailingTwelveDoNotCount() {
            List<String> causes = history().made(metric("REVENUE")).revenue(YearMonth.of(2025, 11), 500).causes();

            assertThat(causes).containsExactly("METRIC_BELOW:REVENUE");
        }

        @Test
        void theThresholdIsTheOrganisationsMarkets() {
            List<String> causes = history().made(metric("REVENUE")).revenue(YearMonth.of(2026, 10), 60)
                    .causes(Market.DEVELOPING);

            assertThat(causes).isEmpty();
        }

        @Test
        void aMetricThePathNoLongerRequiresIsNoCause() {
            assertThat(history().path("GP").made(metric("REVENUE")).causes()).isEmpty();
        }
    }

    @Nested
    class Overrides {

        @Test
        void namesAnOverrideThatEnded() {
            List<String> causes = history().made(override("ovr-1"))
                    .override("ovr-1", D.minusMonths(3), D.minusDays(1)).causes();

            assertThat(causes).containsExactly("OVERRIDE_LAPSED:ovr-1");
        }

        @Test
        void aValidOverrideIsNoCause() {
            assertThat(history().made(override("ovr-1")).override("ovr-1", D.minusMonths(3), D).causes()).isEmpty();
        }
    }

    @Nested
    class Together {

        @Test
        void sortsCausesOfDifferentKinds() {
            List<String> causes = history().made(person("m1", "u1", "EX-A"), metric("REVENUE"))
                    .user("u1", UserStatus.ACTIVE).revenue(YearMonth.of(2026, 10), 10).causes();

            assertThat(causes).containsExactly("METRIC_BELOW:REVENUE", "MSA_UNLINKED:m1");
        }

        @Test
        void aLevelNeverMetHasNoCause() {
            Causes none = new Causes(CATALOG, TONIGHT, Causes.History.NONE);

            assertThat(none.of("O1", Market.DEVELOPED, COMPETENCY, Level.SILVER)).isEmpty();
        }
    }
}
