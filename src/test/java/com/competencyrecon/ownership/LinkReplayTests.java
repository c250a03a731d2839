package com.competencyrecon.ownership;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.competencyrecon.evaluation.AsOf;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DOMAIN.md "Who counts for an organisation": effective links by replay, and the judging of a new link event
 * against an MSA's accepted history.
 */
class LinkReplayTests {

    private static final String MSA = "msa-1";

    /** A Monday well inside a year, so that day arithmetic never crosses anything special. */
    private static final Instant T0 = Instant.parse("2018-01-08T09:00:00Z");

    private static final LocalDate D = LocalDate.of(2018, 6, 15);

    /** The counting instant of night D with the default latency: 2018-06-15T00:00Z. */
    private static final Instant COUNTABLE = AsOf.night(D, ZoneOffset.UTC, Duration.ofHours(24)).countableAt();

    private final Map<String, UserAccount> users = new HashMap<>();

    LinkReplayTests() {
        active("u-a1", "ORG-A");
        active("u-a2", "ORG-A");
        active("u-b", "ORG-B");
        active("u-c", "ORG-C");
        active("u-c2", "ORG-C");
        active("u-d", "ORG-D");
        active("u-e", "ORG-E");
    }

    private void active(String userId, String orgId) {
        users.put(userId, new UserAccount(userId, orgId, UserStatus.ACTIVE, T0.minus(Duration.ofDays(400))));
    }

    private void deleted(String userId, String orgId, Instant at) {
        users.put(userId, new UserAccount(userId, orgId, UserStatus.DELETED, at));
    }

    private static Instant day(int n) {
        return T0.plus(Duration.ofDays(n));
    }

    private static LinkEvent link(String eventId, String userId, Instant at) {
        return new LinkEvent(eventId, MSA, userId, LinkAction.LINK, at);
    }

    private static LinkEvent unlink(String eventId, String userId, Instant at) {
        return new LinkEvent(eventId, MSA, userId, LinkAction.UNLINK, at);
    }

    private Optional<EffectiveLink> effectiveAt(Instant at, LinkEvent... events) {
        return LinkReplay.effectiveAt(List.of(events), users, at);
    }

    private Optional<LinkRejection.Code> judged(LinkEvent candidate, LinkEvent... accepted) {
        return LinkReplay.judge(candidate, List.of(accepted), users, OwnershipRules.PROGRAMME).map(LinkRejection::code);
    }

    private List<Instant> moves(LinkEvent... events) {
        return LinkReplay.moves(List.of(events), users);
    }

    @Nested
    class Latency {

        @Test
        void aLinkExactly24HoursOldAtTheCutOffCounts() {
            assertThat(effectiveAt(COUNTABLE, link("e1", "u-a1", Instant.parse("2018-06-15T00:00:00Z"))))
                    .map(EffectiveLink::orgId).contains("ORG-A");
        }

        @Test
        void aLinkOneMillisecondYoungerDoesNotCount() {
            assertThat(effectiveAt(COUNTABLE, link("e1", "u-a1", Instant.parse("2018-06-15T00:00:00.001Z"))))
                    .isEmpty();
        }

        @Test
        void aMoveOneMillisecondTooYoungLeavesTheMsaWithItsOldOrganisation() {
            Optional<EffectiveLink> link = effectiveAt(COUNTABLE,
                    link("e1", "u-a1", day(0)),
                    link("e2", "u-b", COUNTABLE.plusMillis(1)));

            assertThat(link).map(EffectiveLink::orgId).contains("ORG-A");
        }

        @Test
        void aLongerLatencyMovesTheCountingInstantForLinksBack() {
            Instant twoDays = AsOf.night(D, ZoneOffset.UTC, Duration.ofHours(48)).countableAt();
            LinkEvent at = link("e1", "u-a1", Instant.parse("2018-06-14T00:00:00Z"));
            LinkEvent justAfter = link("e1", "u-a1", Instant.parse("2018-06-14T00:00:00.001Z"));

            assertThat(effectiveAt(twoDays, at)).isPresent();
            assertThat(effectiveAt(twoDays, justAfter)).isEmpty();
        }

        @Test
        void aZoneAheadOfUtcMovesTheCountingInstantForLinksEarlier() {
            // Paris is UTC+2 in June: the counting instant of D is 2018-06-14T22:00Z.
            Instant paris = AsOf.night(D, ZoneId.of("Europe/Paris"), Duration.ofHours(24)).countableAt();
            LinkEvent at2300Utc = link("e1", "u-a1", Instant.parse("2018-06-14T23:00:00Z"));

            assertThat(effectiveAt(COUNTABLE, at2300Utc)).isPresent();
            assertThat(effectiveAt(paris, at2300Utc)).isEmpty();
        }
    }

    @Nested
    class EffectiveLinks {

        @Test
        void aLinkMakesTheMsaCountForTheUsersOrganisationFromItsInstant() {
            assertThat(effectiveAt(COUNTABLE, link("e1", "u-a1", day(0))))
                    .contains(new EffectiveLink(MSA, "u-a1", "ORG-A", day(0)));
        }

        @Test
        void anMsaWithNoEventsCountsForNobody() {
            assertThat(effectiveAt(COUNTABLE)).isEmpty();
        }

        @Test
        void aLinkToANewOrganisationSeversTheOldOne() {
            assertThat(effectiveAt(COUNTABLE, link("e1", "u-a1", day(0)), link("e2", "u-b", day(40))))
                    .contains(new EffectiveLink(MSA, "u-b", "ORG-B", day(40)));
        }

        @Test
        void anUnlinkFromTheLinkedUserEndsTheLink() {
            assertThat(effectiveAt(COUNTABLE, link("e1", "u-a1", day(0)), unlink("e2", "u-a1", day(10))))
                    .isEmpty();
        }

        @Test
        void anUnlinkFromAnotherUserLeavesTheLinkInForce() {
            assertThat(effectiveAt(COUNTABLE, link("e1", "u-a1", day(0)), unlink("e2", "u-a2", day(10))))
                    .contains(new EffectiveLink(MSA, "u-a1", "ORG-A", day(0)));
        }

        @Test
        void anUnlinkFromAPreviouslyLinkedUserDoesNotEndTheCurrentLink() {
            assertThat(effectiveAt(COUNTABLE,
                    link("e1", "u-a1", day(0)), link("e2", "u-b", day(40)), unlink("e3", "u-a1", day(50))))
                    .map(EffectiveLink::userId).contains("u-b");
        }

        @Test
        void aRepeatedLinkToTheSameUserChangesNothing() {
            assertThat(effectiveAt(COUNTABLE, link("e1", "u-a1", day(0)), link("e2", "u-a1", day(10))))
                    .contains(new EffectiveLink(MSA, "u-a1", "ORG-A", day(0)));
        }

        @Test
        void aLinkToAnotherUserOfTheSameOrganisationMovesTheLinkToThatUser() {
            assertThat(effectiveAt(COUNTABLE, link("e1", "u-a1", day(0)), link("e2", "u-a2", day(1))))
                    .contains(new EffectiveLink(MSA, "u-a2", "ORG-A", day(1)));
        }

        @Test
        void onlyEventsAtOrBeforeTheInstantAskedAboutCount() {
            LinkEvent[] history = {link("e1", "u-a1", day(0)), link("e2", "u-b", day(40))};

            assertThat(LinkReplay.effectiveAt(List.of(history), users, day(39))).map(EffectiveLink::orgId)
                    .contains("ORG-A");
        }
    }

    @Nested
    class DeletedUsers {

        @Test
        void anMsaLinkedToAUserDeletedBeforeTheCountingInstantCountsForNobody() {
            deleted("u-a1", "ORG-A", day(20));

            assertThat(effectiveAt(COUNTABLE, link("e1", "u-a1", day(0)))).isEmpty();
        }

        @Test
        void anMsaLinkedToAUserDeletedExactlyAtTheCountingInstantCountsForNobody() {
            deleted("u-a1", "ORG-A", COUNTABLE);

            assertThat(effectiveAt(COUNTABLE, link("e1", "u-a1", day(0)))).isEmpty();
        }

        @Test
        void aDeletionAfterTheCountingInstantDoesNotEndTheLinkTonight() {
            deleted("u-a1", "ORG-A", COUNTABLE.plusMillis(1));

            assertThat(effectiveAt(COUNTABLE, link("e1", "u-a1", day(0)))).map(EffectiveLink::userId).contains("u-a1");
        }

        @Test
        void aLinkToAUserAlreadyDeletedLeavesTheEarlierLinkInForce() {
            deleted("u-b", "ORG-B", day(30));

            assertThat(effectiveAt(COUNTABLE, link("e1", "u-a1", day(0)), link("e2", "u-b", day(40))))
                    .map(EffectiveLink::userId).contains("u-a1");
        }

        @Test
        void aNewLinkAfterTheDeletionCountsAgain() {
            deleted("u-a1", "ORG-A", day(20));

            assertThat(effectiveAt(COUNTABLE, link("e1", "u-a1", day(0)), link("e2", "u-b", day(25))))
                    .map(EffectiveLink::orgId).contains("ORG-B");
        }
    }

    @Nested
    class ReplayOrder {

        @Test
        void eventsAreReplayedByOccurredAtWhateverTheirListOrder() {
            assertThat(effectiveAt(COUNTABLE, link("e2", "u-b", day(40)), link("e1", "u-a1", day(0))))
                    .map(EffectiveLink::orgId).contains("ORG-B");
        }

        @Test
        void eventsAtTheSameInstantAreReplayedByEventId() {
            assertThat(effectiveAt(COUNTABLE, link("e2", "u-b", day(0)), link("e1", "u-a1", day(0))))
                    .map(EffectiveLink::orgId).contains("ORG-B");
        }

        @Test
        void anEventIdOrderNotAnArrivalOrderBreaksTies() {
            assertThat(effectiveAt(COUNTABLE, link("e1", "u-a1", day(0)), link("e2", "u-b", day(0))))
                    .map(EffectiveLink::orgId).contains("ORG-B");
        }

        @Test
        void aLateUnlinkTakesItsPlaceInThePastAndEndsOnlyTheLinkItNames() {
            // Arrived last, occurred before the move to ORG-B: it ends the ORG-A link, not the ORG-B one.
            assertThat(effectiveAt(COUNTABLE,
                    link("e1", "u-a1", day(0)), link("e2", "u-b", day(40)), unlink("e3", "u-a1", day(20))))
                    .map(EffectiveLink::orgId).contains("ORG-B");
        }

        @Test
        void aLateUnlinkInThePastEndsALinkThatWasInForceThen() {
            assertThat(effectiveAt(COUNTABLE,
                    link("e1", "u-a1", day(0)), link("e3", "u-a1", day(50)), unlink("e2", "u-a1", day(20))))
                    .contains(new EffectiveLink(MSA, "u-a1", "ORG-A", day(50)));
        }
    }

    @Nested
    class JudgingALinkToADeletedUser {

        @Test
        void aLinkToAUserDeletedBeforeItIsRejected() {
            deleted("u-b", "ORG-B", day(5));

            assertThat(judged(link("e1", "u-b", day(10)))).contains(LinkRejection.Code.LINK_TO_DELETED_USER);
        }

        @Test
        void aLinkAtTheVeryInstantOfTheDeletionIsRejected() {
            deleted("u-b", "ORG-B", day(10));

            assertThat(judged(link("e1", "u-b", day(10)))).contains(LinkRejection.Code.LINK_TO_DELETED_USER);
        }

        @Test
        void aLinkBeforeTheUserWasDeletedIsAccepted() {
            deleted("u-b", "ORG-B", day(10));

            assertThat(judged(link("e1", "u-b", day(10).minusMillis(1)))).isEmpty();
        }

        @Test
        void anUnlinkIsNeverRejected() {
            deleted("u-a1", "ORG-A", day(10));

            assertThat(judged(unlink("e2", "u-a1", day(11)), link("e1", "u-a1", day(0)))).isEmpty();
        }
    }

    @Nested
    class OrgMoves {

        @Test
        void theFirstLinkIsAMove() {
            assertThat(moves(link("e1", "u-a1", day(0)))).containsExactly(day(0));
        }

        @Test
        void aLinkToAnotherOrganisationIsAMove() {
            assertThat(moves(link("e1", "u-a1", day(0)), link("e2", "u-b", day(40)))).containsExactly(day(0), day(40));
        }

        @Test
        void aLinkToAnotherUserOfTheSameOrganisationIsNoMove() {
            assertThat(moves(link("e1", "u-a1", day(0)), link("e2", "u-a2", day(1)))).containsExactly(day(0));
        }

        @Test
        void aRepeatedLinkIsNoMove() {
            assertThat(moves(link("e1", "u-a1", day(0)), link("e2", "u-a1", day(1)))).containsExactly(day(0));
        }

        @Test
        void relinkingToTheSameOrganisationAfterAnUnlinkIsNoMove() {
            // The documented reading: a move compares with the last organisation the MSA was linked to.
            assertThat(moves(link("e1", "u-a1", day(0)), unlink("e2", "u-a1", day(1)), link("e3", "u-a2", day(2))))
                    .containsExactly(day(0));
        }

        @Test
        void relinkingToTheSameOrganisationAfterTheUserWasDeletedIsNoMove() {
            deleted("u-a1", "ORG-A", day(1));

            assertThat(moves(link("e1", "u-a1", day(0)), link("e2", "u-a2", day(2)))).containsExactly(day(0));
        }

        @Test
        void aLinkToAnotherOrganisationAfterAnUnlinkIsAMove() {
            assertThat(moves(link("e1", "u-a1", day(0)), unlink("e2", "u-a1", day(1)), link("e3", "u-b", day(40))))
                    .containsExactly(day(0), day(40));
        }
    }

    @Nested
    class CoolOff {

        @Test
        void aMove29DaysAfterThePreviousIsRejected() {
            assertThat(judged(link("e3", "u-c", day(69)), link("e1", "u-a1", day(0)), link("e2", "u-b", day(40))))
                    .contains(LinkRejection.Code.LINK_COOL_OFF);
        }

        @Test
        void aMoveExactly30DaysAfterThePreviousIsAccepted() {
            assertThat(judged(link("e3", "u-c", day(70)), link("e1", "u-a1", day(0)), link("e2", "u-b", day(40))))
                    .isEmpty();
        }

        @Test
        void aMoveOneMillisecondShortOf30DaysIsRejected() {
            assertThat(judged(link("e2", "u-b", day(30).minusMillis(1)), link("e1", "u-a1", day(0))))
                    .contains(LinkRejection.Code.LINK_COOL_OFF);
        }

        @Test
        void theFirstLinkStartsTheCoolOff() {
            assertThat(judged(link("e2", "u-b", day(29)), link("e1", "u-a1", day(0)))).contains(LinkRejection.Code.LINK_COOL_OFF);
        }

        @Test
        void aLinkToAnotherUserOfTheSameOrganisationIsNotHeldBack() {
            assertThat(judged(link("e2", "u-a2", day(1)), link("e1", "u-a1", day(0)))).isEmpty();
        }

        @Test
        void aRepeatedLinkIsNotHeldBack() {
            assertThat(judged(link("e2", "u-a1", day(1)), link("e1", "u-a1", day(0)))).isEmpty();
        }

        @Test
        void relinkingToTheSameOrganisationAfterAnUnlinkIsNotHeldBack() {
            assertThat(judged(link("e3", "u-a1", day(2)), link("e1", "u-a1", day(0)), unlink("e2", "u-a1", day(1))))
                    .isEmpty();
        }
    }

    @Nested
    class MoveLimit {

        private final LinkEvent[] threeMoves = {
                link("e1", "u-a1", day(0)), link("e2", "u-b", day(30)), link("e3", "u-c", day(60))};

        @Test
        void aFourthMoveWithin365DaysIsRejected() {
            assertThat(judged(link("e4", "u-d", day(90)), threeMoves)).contains(LinkRejection.Code.LINK_LIMIT);
        }

        @Test
        void aFourthMoveOneMillisecondShortOf365DaysAfterTheFirstIsRejected() {
            assertThat(judged(link("e4", "u-d", day(365).minusMillis(1)), threeMoves)).contains(LinkRejection.Code.LINK_LIMIT);
        }

        @Test
        void aFourthMoveExactly365DaysAfterTheFirstOfThreeIsAccepted() {
            assertThat(judged(link("e4", "u-d", day(365)), threeMoves)).isEmpty();
        }

        @Test
        void theWindowSlidesWithTheMoves() {
            LinkEvent[] fourMoves = Arrays.copyOf(threeMoves, 4);
            fourMoves[3] = link("e4", "u-d", day(365));

            assertThat(judged(link("e5", "u-e", day(394)), fourMoves)).contains(LinkRejection.Code.LINK_LIMIT);
        }

        @Test
        void theWindowSlidesPastTheSecondMove() {
            LinkEvent[] fourMoves = Arrays.copyOf(threeMoves, 4);
            fourMoves[3] = link("e4", "u-d", day(365));

            assertThat(judged(link("e5", "u-e", day(395)), fourMoves)).isEmpty();
        }

        @Test
        void linksWithinOneOrganisationDoNotCountTowardTheLimit() {
            assertThat(judged(link("e4", "u-c", day(60)),
                    link("e1", "u-a1", day(0)), link("e2", "u-a2", day(10)), link("e3", "u-b", day(30)))).isEmpty();
        }

        @Test
        void aLinkToAnotherUserOfTheCurrentOrganisationIsAcceptedEvenAtTheLimit() {
            assertThat(judged(link("e4", "u-c2", day(61)), threeMoves)).isEmpty();
        }
    }

    @Nested
    class LateEvents {

        @Test
        void aLateMoveIsHeldBackByALaterMoveAlreadyAccepted() {
            // Occurred 40 days after the first link, but only 20 days before the accepted move to ORG-B.
            assertThat(judged(link("e3", "u-c", day(40)), link("e1", "u-a1", day(0)), link("e2", "u-b", day(60))))
                    .contains(LinkRejection.Code.LINK_COOL_OFF);
        }

        @Test
        void aLateMoveInsertedInThePastIsCountedWithTheMovesAroundIt() {
            // Moves at 0, 50, 100 and 200 days: 30 days apart, but four within 365 days.
            assertThat(judged(link("e4", "u-d", day(50)),
                    link("e1", "u-a1", day(0)), link("e2", "u-b", day(100)), link("e3", "u-c", day(200))))
                    .contains(LinkRejection.Code.LINK_LIMIT);
        }

        @Test
        void aLateEventIsJudgedWhateverTheOrderOfTheAcceptedList() {
            List<LinkEvent> accepted = new ArrayList<>(List.of(
                    link("e3", "u-c", day(200)), link("e1", "u-a1", day(0)), link("e2", "u-b", day(100))));

            assertThat(LinkReplay.judge(link("e4", "u-d", day(50)), accepted, users, OwnershipRules.PROGRAMME))
                    .map(LinkRejection::code).contains(LinkRejection.Code.LINK_LIMIT);
        }

        @Test
        void aHistoryBrokenByALateDeletionDoesNotHoldBackLaterMoves() {
            // u-b reported deleted (late) just before the accepted link to it: that link no longer counts, the
            // link to u-b2 on day 35 becomes the move to ORG-B, 25 days before the accepted move to ORG-C.
            active("u-b2", "ORG-B");
            deleted("u-b", "ORG-B", day(29));
            LinkEvent[] accepted = {link("e1", "u-a1", day(0)), link("e2", "u-b", day(30)),
                    link("e3", "u-b2", day(35)), link("e4", "u-c", day(60))};

            assertThat(judged(link("e5", "u-d", day(400)), accepted)).isEmpty();
            assertThat(judged(link("e5", "u-d", day(70)), accepted)).contains(LinkRejection.Code.LINK_LIMIT);
        }

        @Test
        void aLateLinkThatFitsTheHistoryIsAccepted() {
            assertThat(judged(link("e3", "u-c", day(30)), link("e1", "u-a1", day(0)), link("e2", "u-b", day(60))))
                    .isEmpty();
        }
    }

    @Nested
    class Rules {

        @Test
        void theLimitsAreThoseOfTheRulesGiven() {
            OwnershipRules strict = new OwnershipRules(1, Duration.ofDays(365), Duration.ofDays(1));

            assertThat(LinkReplay.judge(link("e2", "u-b", day(100)), List.of(link("e1", "u-a1", day(0))), users, strict))
                    .map(LinkRejection::code).contains(LinkRejection.Code.LINK_LIMIT);
        }
    }
}
