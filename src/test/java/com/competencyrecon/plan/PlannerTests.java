package com.competencyrecon.plan;

import com.competencyrecon.catalog.Catalog;
import com.competencyrecon.catalog.Credential;
import com.competencyrecon.catalog.CredentialType;
import com.competencyrecon.catalog.Level;
import com.competencyrecon.membership.MembershipOrder;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PlannerTests {

    static final LocalDate D = LocalDate.parse("2026-11-24");
    static final LocalDate BEFORE = D.minusDays(1);
    static final NightPlan PREVIOUS = new NightPlan(BEFORE, NightPlan.Mode.INCREMENTAL, BEFORE.minusDays(1), "f", "");
    static final Catalog CATALOG = catalog(null);

    static Catalog catalog(LocalDate retiredOn) {
        return new Catalog(1, Map.of("70-533", new Credential("70-533", CredentialType.EXAM, "exam", retiredOn, null)),
                List.of(), null);
    }

    @Nested
    class Mode {

        @Test
        void followsTheDeltaWhenNothingButTheDataChanged() {
            NightPlan plan = Planner.plan(D, Optional.of(PREVIOUS), Optional.of(BEFORE), "f", false, CATALOG);
            assertThat(plan.mode()).isEqualTo(NightPlan.Mode.INCREMENTAL);
            assertThat(plan.previous()).isEqualTo(BEFORE);
            assertThat(plan.reason()).isEmpty();
        }

        @Test
        void isFullWhenTheSettingSaysSo() {
            assertThat(Planner.plan(D, Optional.of(PREVIOUS), Optional.of(BEFORE), "f", true, CATALOG).reason())
                    .isEqualTo("recon.evaluation=full");
        }

        @Test
        void isFullForTheFirstNight() {
            NightPlan plan = Planner.plan(D, Optional.empty(), Optional.empty(), "f", false, CATALOG);
            assertThat(plan.mode()).isEqualTo(NightPlan.Mode.FULL);
            assertThat(plan.previous()).isNull();
        }

        @Test
        void isFullWhenTheCatalogueZoneOrLatencyChanged() {
            assertThat(Planner.plan(D, Optional.of(PREVIOUS), Optional.of(BEFORE), "g", false, CATALOG).reason())
                    .contains("catalogue, zone or latency changed");
        }

        @Test
        void isFullWhenThePreviousNightsResultsAreNotTheLatest() {
            assertThat(Planner.plan(D, Optional.of(PREVIOUS), Optional.of(BEFORE.minusDays(3)), "f", false, CATALOG)
                    .mode()).isEqualTo(NightPlan.Mode.FULL);
        }

        @Test
        void isFullOnTheFirstNightOfAMonth() {
            LocalDate first = LocalDate.parse("2026-12-01");
            NightPlan previous = new NightPlan(first.minusDays(1), NightPlan.Mode.INCREMENTAL, null, "f", "");
            assertThat(Planner.plan(first, Optional.of(previous), Optional.of(first.minusDays(1)), "f", false, CATALOG)
                    .reason()).contains("new month");
        }

        @Test
        void isFullWhenACredentialStopsBeingAccepted() {
            assertThat(Planner.plan(D, Optional.of(PREVIOUS), Optional.of(BEFORE), "f", false, catalog(BEFORE))
                    .reason()).isEqualTo("credential 70-533 is no longer accepted");
            assertThat(Planner.plan(D, Optional.of(PREVIOUS), Optional.of(BEFORE), "f", false, catalog(D)).mode())
                    .as("still accepted on its last day").isEqualTo(NightPlan.Mode.INCREMENTAL);
        }
    }

    @Nested
    class MembershipBoundaries {

        static Map<String, List<MembershipOrder>> silverBought(String purchasedOn) {
            return Map.of("O1", List.of(new MembershipOrder("o1", Level.SILVER, LocalDate.parse(purchasedOn))));
        }

        @Test
        void noneOnAnOrdinaryDay() {
            assertThat(Planner.membershipBoundaries(silverBought("2026-06-01"), BEFORE, D)).isEmpty();
        }

        @Test
        void theRenewalReminderStartsFifteenDaysBeforeTheAnniversary() {
            assertThat(Planner.membershipBoundaries(silverBought("2025-12-09"), BEFORE, D)).containsExactly("O1");
        }

        @Test
        void theWindowOpensTheDayAfterTheAnniversary() {
            assertThat(Planner.membershipBoundaries(silverBought("2025-11-23"), BEFORE, D)).containsExactly("O1");
        }

        @Test
        void theClosingReminderStartsTwentyThreeDaysAfterTheAnniversary() {
            assertThat(Planner.membershipBoundaries(silverBought("2025-11-01"), BEFORE, D)).containsExactly("O1");
        }

        @Test
        void theMembershipLapsesWhenTheWindowHasClosed() {
            assertThat(Planner.membershipBoundaries(silverBought("2025-10-24"), BEFORE, D)).containsExactly("O1");
        }
    }
}
