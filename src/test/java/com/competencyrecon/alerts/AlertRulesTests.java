package com.competencyrecon.alerts;

import com.competencyrecon.catalog.Level;
import com.competencyrecon.catalog.Market;
import com.competencyrecon.evaluation.CompetencyOutcome;
import com.competencyrecon.evaluation.CompetencyResult;
import com.competencyrecon.evaluation.Contribution;
import com.competencyrecon.evaluation.LevelMet;
import com.competencyrecon.evaluation.OverrideGrant;
import com.competencyrecon.membership.MembershipStanding;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.competencyrecon.alerts.AlertFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** DOMAIN.md "Alerts": when each alert's condition holds, under which key, with which message. */
class AlertRulesTests {

    private static final LocalDate MID_TERM_PURCHASE = LocalDate.of(2026, 6, 1);

    private static Night night() {
        return new Night();
    }

    /** Night D's inputs under construction, for O1 in a developed market unless told. */
    private static final class Night {
        private final Map<String, MembershipStanding> standings = new HashMap<>();
        private final List<CompetencyResult> results = new ArrayList<>();
        private final Map<String, Market> markets = new HashMap<>(Map.of("O1", Market.DEVELOPED));
        private final List<OverrideGrant> overrides = new ArrayList<>();
        private final List<LevelMet> lastMet = new ArrayList<>();

        Night member(Level level, LocalDate purchased) {
            return member("O1", level, purchased);
        }

        Night member(String org, Level level, LocalDate purchased) {
            standings.put(org, AlertFixtures.member(level, purchased, D));
            markets.putIfAbsent(org, Market.DEVELOPED);
            return this;
        }

        /** A Silver member since mid-2026: anniversary 2027-06-01, active tonight. */
        Night silverMember() {
            return member(Level.SILVER, MID_TERM_PURCHASE);
        }

        Night goldMember() {
            return member(Level.GOLD, MID_TERM_PURCHASE);
        }

        Night result(CompetencyResult r) {
            results.add(r);
            return this;
        }

        Night override(String id, Level level, LocalDate until) {
            overrides.add(new OverrideGrant(id, COMPETENCY, level, until.minusMonths(3), until));
            return this;
        }

        /** Silver in TEST was last made by override {@code id}. */
        Night lastMadeBy(String id) {
            lastMet.add(new LevelMet("O1", COMPETENCY, Level.SILVER, D.minusDays(1), CompetencyOutcome.OVERRIDE_PATH,
                    List.of(new Contribution(Contribution.Kind.OVERRIDE, id, null, "SILVER"))));
            return this;
        }

        List<AlertCondition> conditions() {
            Map<String, List<OverrideGrant>> byOrg = Map.of("O1", overrides);
            Causes causes = new Causes(CATALOG, TONIGHT, new Causes.History(Map.of("O1", lastMet), Map.of(), Map.of(),
                    Map.of(), Map.of(), byOrg));
            return new AlertRules(CATALOG).conditions(D, standings, results, markets, byOrg, causes);
        }

        java.util.Set<String> needingCauses() {
            return new AlertRules(CATALOG).needingCauses(D, standings, results, markets, Map.of("O1", overrides),
                    TONIGHT);
        }

        List<AlertCondition> conditions(AlertType type) {
            return conditions().stream().filter(c -> c.type() == type).toList();
        }

        AlertCondition only(AlertType type) {
            List<AlertCondition> found = conditions(type);
            assertThat(found).as(type.name()).hasSize(1);
            return found.get(0);
        }
    }

    private static CompetencyResult met(Level attained, Level displayed) {
        return result(attained, attained, displayed, attained, null);
    }

    /** Only the organisations whose conditions name causes have their history read. */
    @Nested
    class NeedingCauses {

        @Test
        void anOrganisationNoLongerMeetingItsDisplayedLevelNeedsItsCauses() {
            assertThat(night().silverMember().result(result(Level.NONE, Level.NONE, Level.SILVER, Level.NONE, null))
                    .needingCauses()).containsExactly("O1");
        }

        @Test
        void anOrganisationWhoseOverrideLapsedNeedsItsCauses() {
            assertThat(night().silverMember().result(met(Level.NONE, Level.SILVER))
                    .override("ovr-1", Level.SILVER, D.minusDays(1)).needingCauses()).containsExactly("O1");
        }

        @Test
        void anOrganisationMeetingWhatItShowsNeedsNone() {
            assertThat(night().goldMember().result(met(Level.GOLD, Level.GOLD)).needingCauses()).isEmpty();
            assertThat(night().result(met(Level.SILVER, Level.NONE)).needingCauses()).isEmpty();
        }
    }

    @Nested
    class RenewalDue {

        @Test
        void holdsFromFifteenDaysBeforeTheAnniversary() {
            AlertCondition due = night().member(Level.SILVER, LocalDate.of(2025, 12, 9)).only(AlertType.RENEWAL_DUE);

            assertThat(due).isEqualTo(new AlertCondition("O1", AlertType.RENEWAL_DUE, "", "", "ord-1", List.of(),
                    "Your Silver membership reaches its anniversary on 2026-12-09; renew by 2027-01-08."));
        }

        @Test
        void doesNotHoldSixteenDaysBefore() {
            assertThat(night().member(Level.SILVER, LocalDate.of(2025, 12, 10)).conditions(AlertType.RENEWAL_DUE))
                    .isEmpty();
        }

        @Test
        void stillHoldsInTheRenewalWindow() {
            assertThat(night().member(Level.GOLD, LocalDate.of(2025, 11, 10)).only(AlertType.RENEWAL_DUE).message())
                    .isEqualTo("Your Gold membership reaches its anniversary on 2026-11-10; renew by 2026-12-10.");
        }

        @Test
        void doesNotHoldOnceLapsed() {
            assertThat(night().member(Level.SILVER, LocalDate.of(2025, 10, 24)).conditions(AlertType.RENEWAL_DUE))
                    .isEmpty();
        }
    }

    @Nested
    class RenewalWindowClosing {

        @Test
        void holdsFromTwentyThreeDaysAfterTheAnniversary() {
            AlertCondition closing = night().member(Level.SILVER, LocalDate.of(2025, 11, 1))
                    .only(AlertType.RENEWAL_WINDOW_CLOSING);

            assertThat(closing).isEqualTo(new AlertCondition("O1", AlertType.RENEWAL_WINDOW_CLOSING, "", "", "ord-1",
                    List.of(), "Your renewal window closes on 2026-12-01: renew now to keep your Silver membership."));
        }

        @Test
        void doesNotHoldTwentyTwoDaysAfter() {
            assertThat(night().member(Level.SILVER, LocalDate.of(2025, 11, 2))
                    .conditions(AlertType.RENEWAL_WINDOW_CLOSING)).isEmpty();
        }
    }

    @Nested
    class MembershipLapsed {

        @Test
        void holdsTheDayAfterTheWindowCloses() {
            AlertCondition lapsed = night().member(Level.SILVER, LocalDate.of(2025, 10, 24))
                    .only(AlertType.MEMBERSHIP_LAPSED);

            assertThat(lapsed).isEqualTo(new AlertCondition("O1", AlertType.MEMBERSHIP_LAPSED, "", "", "ord-1",
                    List.of(), "Your Silver membership lapsed: its renewal window closed on 2026-11-23 without renewal."));
        }

        @Test
        void doesNotHoldOnTheLastDayOfTheWindow() {
            assertThat(night().member(Level.SILVER, LocalDate.of(2025, 10, 25)).conditions(AlertType.MEMBERSHIP_LAPSED))
                    .isEmpty();
        }
    }

    @Nested
    class RenewalAtRisk {

        @Test
        void holdsWhenTheDisplayedLevelIsNoLongerMetAndCarriesItsCauses() {
            AlertCondition atRisk = night().silverMember().result(result(Level.NONE, Level.NONE, Level.SILVER,
                    Level.NONE, null)).override("ovr-1", Level.SILVER, D.minusDays(1)).lastMadeBy("ovr-1")
                    .only(AlertType.RENEWAL_AT_RISK);

            assertThat(atRisk).isEqualTo(new AlertCondition("O1", AlertType.RENEWAL_AT_RISK, COMPETENCY, "SILVER",
                    "ord-1", List.of("OVERRIDE_LAPSED:ovr-1"), "A recent change to your competency achievement has"
                    + " put your membership renewal eligibility at risk: Test competency is no longer met at Silver."));
        }

        @Test
        void doesNotHoldWhileTheDisplayedLevelIsMet() {
            assertThat(night().goldMember().result(met(Level.GOLD, Level.GOLD)).conditions(AlertType.RENEWAL_AT_RISK))
                    .isEmpty();
        }

        @Test
        void holdsAtGoldWhenAGoldMemberFallsToSilver() {
            AlertCondition atRisk = night().goldMember().result(met(Level.SILVER, Level.GOLD))
                    .only(AlertType.RENEWAL_AT_RISK);

            assertThat(atRisk.level()).isEqualTo("GOLD");
            assertThat(atRisk.message()).endsWith("Test competency is no longer met at Gold.");
        }
    }

    @Nested
    class ProjectedAtRisk {

        @Test
        void holdsWhenCredentialsExpireBeforeTheAnniversary() {
            AlertCondition projected = night().silverMember()
                    .result(result(Level.SILVER, Level.SILVER, Level.SILVER, Level.NONE, null))
                    .only(AlertType.PROJECTED_AT_RISK);

            assertThat(projected).isEqualTo(new AlertCondition("O1", AlertType.PROJECTED_AT_RISK, COMPETENCY, "SILVER",
                    "ord-1", List.of(), "Test competency would not be met at Silver on your anniversary 2027-06-01:"
                    + " credentials expire or retire before then."));
        }

        @Test
        void namesTheOverrideThatGivesTheLevelAndEndsBeforeThen() {
            AlertCondition projected = night().silverMember()
                    .result(result(Level.SILVER, Level.NONE, Level.SILVER, Level.NONE, "ovr-7"))
                    .only(AlertType.PROJECTED_AT_RISK);

            assertThat(projected.message()).isEqualTo("Test competency would not be met at Silver on your anniversary"
                    + " 2027-06-01: the override ovr-7 that gives it ends before then.");
        }

        @Test
        void asksForTheLevelToBeMetAgainWhenItIsNotMetTonight() {
            AlertCondition projected = night().silverMember()
                    .result(result(Level.NONE, Level.NONE, Level.SILVER, Level.NONE, null))
                    .only(AlertType.PROJECTED_AT_RISK);

            assertThat(projected.message()).isEqualTo("Test competency would not be met at Silver on your anniversary"
                    + " 2027-06-01 unless it is met again before then.");
        }

        @Test
        void doesNotHoldWhenTheLevelIsMetOnTheAnniversary() {
            assertThat(night().silverMember().result(met(Level.SILVER, Level.SILVER))
                    .conditions(AlertType.PROJECTED_AT_RISK)).isEmpty();
        }

        @Test
        void doesNotHoldInTheRenewalWindow() {
            assertThat(night().member(Level.SILVER, LocalDate.of(2025, 11, 10))
                    .result(result(Level.SILVER, Level.SILVER, Level.SILVER, Level.NONE, null))
                    .conditions(AlertType.PROJECTED_AT_RISK)).isEmpty();
        }
    }

    @Nested
    class UpgradeAvailable {

        @Test
        void holdsForASilverMemberAttainingGold() {
            AlertCondition upgrade = night().silverMember().result(met(Level.GOLD, Level.SILVER))
                    .only(AlertType.UPGRADE_AVAILABLE);

            assertThat(upgrade).isEqualTo(new AlertCondition("O1", AlertType.UPGRADE_AVAILABLE, COMPETENCY, "GOLD",
                    "ord-1", List.of(), "You meet Gold in Test competency: you can upgrade your membership to Gold."));
        }

        @Test
        void doesNotHoldForAGoldMember() {
            assertThat(night().goldMember().result(met(Level.GOLD, Level.GOLD)).conditions(AlertType.UPGRADE_AVAILABLE))
                    .isEmpty();
        }

        @Test
        void doesNotHoldForASilverMemberAttainingSilver() {
            assertThat(night().silverMember().result(met(Level.SILVER, Level.SILVER))
                    .conditions(AlertType.UPGRADE_AVAILABLE)).isEmpty();
        }
    }

    @Nested
    class QualifiedNotMember {

        @Test
        void holdsForAnOrganisationWithoutAMembershipAttainingALevel() {
            AlertCondition qualified = night().result(met(Level.SILVER, Level.NONE))
                    .only(AlertType.QUALIFIED_NOT_MEMBER);

            assertThat(qualified).isEqualTo(new AlertCondition("O1", AlertType.QUALIFIED_NOT_MEMBER, COMPETENCY,
                    "SILVER", "", List.of(), "You meet Silver in Test competency: buy a Silver membership to show it."));
        }

        @Test
        void holdsOnceTheMembershipLapsed() {
            assertThat(night().member(Level.GOLD, LocalDate.of(2025, 10, 24)).result(met(Level.GOLD, Level.NONE))
                    .only(AlertType.QUALIFIED_NOT_MEMBER).message())
                    .isEqualTo("You meet Gold in Test competency: buy a Gold membership to show it.");
        }

        @Test
        void doesNotHoldWithoutALevel() {
            assertThat(night().result(met(Level.NONE, Level.NONE)).conditions(AlertType.QUALIFIED_NOT_MEMBER)).isEmpty();
        }

        @Test
        void doesNotHoldForAMember() {
            assertThat(night().silverMember().result(met(Level.SILVER, Level.SILVER))
                    .conditions(AlertType.QUALIFIED_NOT_MEMBER)).isEmpty();
        }
    }

    @Nested
    class OverrideExpired {

        @Test
        void holdsWhenAnOverrideEndedAndRequirementsDoNotGiveItsLevel() {
            AlertCondition expired = night().silverMember().result(met(Level.NONE, Level.SILVER))
                    .override("ovr-1", Level.SILVER, D.minusDays(1)).lastMadeBy("ovr-1")
                    .only(AlertType.OVERRIDE_EXPIRED);

            assertThat(expired).isEqualTo(new AlertCondition("O1", AlertType.OVERRIDE_EXPIRED, COMPETENCY, "SILVER",
                    "ord-1", List.of("OVERRIDE_LAPSED:ovr-1"), "The override ovr-1 of Test competency at Silver ended"
                    + " on 2026-11-23 and your requirements give no level."));
        }

        @Test
        void speaksOfTheOverrideThatEndedLast() {
            AlertCondition expired = night().result(met(Level.NONE, Level.NONE))
                    .override("ovr-1", Level.GOLD, D.minusDays(10)).override("ovr-2", Level.SILVER, D.minusDays(2))
                    .only(AlertType.OVERRIDE_EXPIRED);

            assertThat(expired.message()).startsWith("The override ovr-2 of Test competency at Silver ended on 2026-11-22");
            assertThat(expired.termId()).isEmpty();
        }

        @Test
        void doesNotHoldWhenRequirementsGiveTheLevel() {
            assertThat(night().silverMember().result(met(Level.SILVER, Level.SILVER))
                    .override("ovr-1", Level.SILVER, D.minusDays(1)).conditions(AlertType.OVERRIDE_EXPIRED)).isEmpty();
        }

        @Test
        void doesNotHoldWhileAnOverrideGivesALevel() {
            assertThat(night().silverMember().result(result(Level.SILVER, Level.NONE, Level.SILVER, Level.SILVER,
                    "ovr-2")).override("ovr-1", Level.SILVER, D.minusDays(1)).conditions(AlertType.OVERRIDE_EXPIRED))
                    .isEmpty();
        }

        @Test
        void doesNotHoldOnTheOverridesLastDay() {
            assertThat(night().result(met(Level.NONE, Level.NONE)).override("ovr-1", Level.SILVER, D)
                    .conditions(AlertType.OVERRIDE_EXPIRED)).isEmpty();
        }
    }

    @Nested
    class Order {

        @Test
        void membershipConditionsComeFirstInOrganisationOrderThenResults() {
            List<AlertCondition> conditions = night().member("O2", Level.SILVER, LocalDate.of(2025, 10, 24))
                    .member("O1", Level.SILVER, LocalDate.of(2025, 12, 9))
                    .result(result(Level.NONE, Level.NONE, Level.SILVER, Level.NONE, null))
                    .conditions();

            assertThat(conditions).extracting(AlertCondition::orgId, AlertCondition::type).containsExactly(
                    tuple("O1", AlertType.RENEWAL_DUE),
                    tuple("O2", AlertType.MEMBERSHIP_LAPSED),
                    tuple("O1", AlertType.RENEWAL_AT_RISK),
                    tuple("O1", AlertType.PROJECTED_AT_RISK));
        }
    }
}
