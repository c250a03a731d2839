package com.competencyrecon.alerts;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static com.competencyrecon.alerts.AlertFixtures.D;
import static org.assertj.core.api.Assertions.assertThat;

/** DOMAIN.md "Alerts": raised once, kept open while it holds, resolved the first night it does not, never raised twice. */
class AlertLedgerTests {

    private static final LocalDate YESTERDAY = D.minusDays(1);

    private static final AlertCondition DUE = new AlertCondition("O1", AlertType.RENEWAL_DUE, "", "", "ord-1",
            List.of(), "Renew.");

    private static final AlertCondition AT_RISK = new AlertCondition("O1", AlertType.RENEWAL_AT_RISK, "TEST",
            "SILVER", "ord-1", List.of("MSA_UNLINKED:m1"), "At risk.");

    /** The alert {@code condition} opened on {@code opened}, last seen on {@code seen}, resolved on {@code resolved}. */
    private static StoredAlert stored(AlertCondition condition, LocalDate opened, LocalDate seen, LocalDate resolved) {
        return new StoredAlert(condition.alertId(opened), condition.orgId(), condition.type(), condition.competency(),
                condition.level(), condition.termId(), opened, seen, resolved, condition.causes(), condition.message());
    }

    private static AlertLedger.Changes tonight(List<StoredAlert> stored, List<AlertCondition> conditions) {
        Set<String> everRaised = Set.copyOf(stored.stream().map(StoredAlert::key).toList());
        return AlertLedger.changes(D, stored, everRaised, conditions);
    }

    @Nested
    class Raising {

        @Test
        void raisesAConditionHoldingForTheFirstTime() {
            AlertLedger.Changes changes = tonight(List.of(), List.of(AT_RISK));

            assertThat(changes.raised()).containsExactly(new StoredAlert(AT_RISK.alertId(D), "O1",
                    AlertType.RENEWAL_AT_RISK, "TEST", "SILVER", "ord-1", D, D, null, List.of("MSA_UNLINKED:m1"),
                    "At risk."));
            assertThat(changes.shown()).singleElement().satisfies(a -> assertThat(a.state()).isEqualTo(AlertState.NEW));
        }

        @Test
        void neverRaisesAKeyResolvedOnAnEarlierNight() {
            AlertLedger.Changes changes = AlertLedger.changes(D, List.of(), Set.of(AT_RISK.key()), List.of(AT_RISK));

            assertThat(changes.raised()).isEmpty();
            assertThat(changes.held()).isEmpty();
            assertThat(changes.shown()).isEmpty();
        }

        @Test
        void theFirstConditionOfAKeyWins() {
            AlertCondition again = new AlertCondition("O1", AlertType.RENEWAL_DUE, "", "", "ord-1", List.of(), "Later.");

            AlertLedger.Changes changes = tonight(List.of(), List.of(DUE, again));

            assertThat(changes.raised()).singleElement().satisfies(a -> assertThat(a.message()).isEqualTo("Renew."));
        }
    }

    @Nested
    class KeepingOpen {

        @Test
        void keepsAnAlertOpenWithTonightsCausesAndMessage() {
            StoredAlert open = stored(AT_RISK, YESTERDAY.minusDays(1), YESTERDAY, null);
            AlertCondition now = new AlertCondition("O1", AlertType.RENEWAL_AT_RISK, "TEST", "SILVER", "ord-1",
                    List.of("MSA_MOVED:m1"), "Still at risk.");

            AlertLedger.Changes changes = tonight(List.of(open), List.of(now));

            assertThat(changes.raised()).isEmpty();
            assertThat(changes.held()).containsExactly(new StoredAlert(open.alertId(), "O1", AlertType.RENEWAL_AT_RISK,
                    "TEST", "SILVER", "ord-1", open.openedOn(), D, null, List.of("MSA_MOVED:m1"), "Still at risk."));
            assertThat(changes.shown()).singleElement().satisfies(a -> assertThat(a.state()).isEqualTo(AlertState.OPEN));
        }
    }

    @Nested
    class Resolving {

        @Test
        void resolvesAnAlertWhoseConditionNoLongerHolds() {
            StoredAlert open = stored(DUE, YESTERDAY, YESTERDAY, null);

            AlertLedger.Changes changes = tonight(List.of(open), List.of());

            assertThat(changes.resolved()).containsExactly(open.resolvedOn(D));
            assertThat(changes.shown()).singleElement()
                    .satisfies(a -> assertThat(a.state()).isEqualTo(AlertState.RESOLVED));
        }

        @Test
        void leavesAnotherKeyOpenWhileResolvingOne() {
            StoredAlert due = stored(DUE, YESTERDAY, YESTERDAY, null);
            StoredAlert atRisk = stored(AT_RISK, YESTERDAY, YESTERDAY, null);

            AlertLedger.Changes changes = tonight(List.of(due, atRisk), List.of(AT_RISK));

            assertThat(changes.resolved()).extracting(StoredAlert::type).containsExactly(AlertType.RENEWAL_DUE);
            assertThat(changes.held()).extracting(StoredAlert::type).containsExactly(AlertType.RENEWAL_AT_RISK);
        }
    }

    @Nested
    class RunningTheNightAgain {

        @Test
        void anAlertRaisedByTheFirstRunIsStillNew() {
            StoredAlert raised = stored(AT_RISK, D, D, null);

            AlertLedger.Changes changes = tonight(List.of(raised), List.of(AT_RISK));

            assertThat(changes.raised()).isEmpty();
            assertThat(changes.held()).containsExactly(raised);
            assertThat(changes.shown()).singleElement().satisfies(a -> assertThat(a.state()).isEqualTo(AlertState.NEW));
        }

        @Test
        void reopensAnAlertTheFirstRunResolvedWhenItHoldsAgain() {
            StoredAlert resolvedTonight = stored(AT_RISK, YESTERDAY, YESTERDAY, D);

            AlertLedger.Changes changes = tonight(List.of(resolvedTonight), List.of(AT_RISK));

            assertThat(changes.held()).containsExactly(stored(AT_RISK, YESTERDAY, D, null));
            assertThat(changes.shown()).singleElement().satisfies(a -> assertThat(a.state()).isEqualTo(AlertState.OPEN));
        }

        @Test
        void leavesAnAlertResolvedTonightResolved() {
            StoredAlert resolvedTonight = stored(AT_RISK, YESTERDAY, YESTERDAY, D);

            AlertLedger.Changes changes = tonight(List.of(resolvedTonight), List.of());

            assertThat(changes.resolved()).isEmpty();
            assertThat(changes.shown()).singleElement()
                    .satisfies(a -> assertThat(a.state()).isEqualTo(AlertState.RESOLVED));
        }
    }
}
