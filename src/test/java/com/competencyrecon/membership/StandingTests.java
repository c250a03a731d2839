package com.competencyrecon.membership;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.competencyrecon.catalog.Level;

import static org.assertj.core.api.Assertions.assertThat;

/** DOMAIN.md "Membership, display and risk": held and displayed levels, and the status of a competency. */
class StandingTests {

    private static final LocalDate PURCHASED = LocalDate.of(2018, 3, 10);

    private static final LocalDate ANNIVERSARY = LocalDate.of(2019, 3, 10);

    private static final LocalDate MID_TERM = LocalDate.of(2018, 9, 1);

    private static final boolean PROGRESS = true;

    private static final boolean NO_PROGRESS = false;

    private static Optional<MembershipStanding> member(Level level, LocalDate on) {
        return Memberships.standingOn(List.of(new MembershipOrder("o1", level, PURCHASED)), on);
    }

    private static Optional<MembershipStanding> silverMember() {
        return member(Level.SILVER, MID_TERM);
    }

    private static Optional<MembershipStanding> goldMember() {
        return member(Level.GOLD, MID_TERM);
    }

    @Nested
    class ASilverMember {

        @Test
        void showsACompetencyHeldAtGoldAsSilver() {
            Standing standing = Standing.of(Level.GOLD, Level.NONE, silverMember(), PROGRESS);

            assertThat(standing).isEqualTo(new Standing(Level.GOLD, Level.SILVER, CompetencyStatus.ACTIVE));
        }

        @Test
        void showsACompetencyHeldAtSilverAsSilver() {
            Standing standing = Standing.of(Level.SILVER, Level.NONE, silverMember(), PROGRESS);

            assertThat(standing).isEqualTo(new Standing(Level.SILVER, Level.SILVER, CompetencyStatus.ACTIVE));
        }

        @Test
        void staysActiveWhenAGoldCompetencyFallsToSilver() {
            Standing standing = Standing.of(Level.SILVER, Level.GOLD, silverMember(), PROGRESS);

            assertThat(standing).isEqualTo(new Standing(Level.GOLD, Level.SILVER, CompetencyStatus.ACTIVE));
        }

        @Test
        void isAtRiskWhenTheHeldCompetencyIsNoLongerMet() {
            Standing standing = Standing.of(Level.NONE, Level.SILVER, silverMember(), PROGRESS);

            assertThat(standing).isEqualTo(new Standing(Level.SILVER, Level.SILVER, CompetencyStatus.AT_RISK));
        }

        @Test
        void showsNothingForACompetencyNeverAttainedInTheTerm() {
            Standing standing = Standing.of(Level.NONE, Level.NONE, silverMember(), PROGRESS);

            assertThat(standing).isEqualTo(new Standing(Level.NONE, Level.NONE, CompetencyStatus.STARTED));
        }
    }

    @Nested
    class AGoldMember {

        @Test
        void showsACompetencyAtItsHeldLevelGold() {
            Standing standing = Standing.of(Level.GOLD, Level.NONE, goldMember(), PROGRESS);

            assertThat(standing).isEqualTo(new Standing(Level.GOLD, Level.GOLD, CompetencyStatus.ACTIVE));
        }

        @Test
        void showsACompetencyAtItsHeldLevelSilver() {
            Standing standing = Standing.of(Level.SILVER, Level.NONE, goldMember(), PROGRESS);

            assertThat(standing).isEqualTo(new Standing(Level.SILVER, Level.SILVER, CompetencyStatus.ACTIVE));
        }

        @Test
        void neverLowersTheHeldLevelWithinTheTerm() {
            Standing standing = Standing.of(Level.SILVER, Level.GOLD, goldMember(), PROGRESS);

            assertThat(standing).isEqualTo(new Standing(Level.GOLD, Level.GOLD, CompetencyStatus.AT_RISK));
        }

        @Test
        void raisesTheHeldLevelWhenAHigherLevelIsAttained() {
            Standing standing = Standing.of(Level.GOLD, Level.SILVER, goldMember(), PROGRESS);

            assertThat(standing).isEqualTo(new Standing(Level.GOLD, Level.GOLD, CompetencyStatus.ACTIVE));
        }

        @Test
        void keepsShowingTheHeldLevelWhenNothingIsMetAnyMore() {
            Standing standing = Standing.of(Level.NONE, Level.GOLD, goldMember(), NO_PROGRESS);

            assertThat(standing).isEqualTo(new Standing(Level.GOLD, Level.GOLD, CompetencyStatus.AT_RISK));
        }
    }

    @Nested
    class NoMembership {

        @Test
        void aMetLevelIsQualified() {
            Standing standing = Standing.of(Level.GOLD, Level.NONE, Optional.empty(), PROGRESS);

            assertThat(standing).isEqualTo(new Standing(Level.NONE, Level.NONE, CompetencyStatus.QUALIFIED));
        }

        @Test
        void progressWithoutALevelIsStarted() {
            Standing standing = Standing.of(Level.NONE, Level.NONE, Optional.empty(), PROGRESS);

            assertThat(standing).isEqualTo(new Standing(Level.NONE, Level.NONE, CompetencyStatus.STARTED));
        }

        @Test
        void noProgressIsNone() {
            Standing standing = Standing.of(Level.NONE, Level.NONE, Optional.empty(), NO_PROGRESS);

            assertThat(standing).isEqualTo(new Standing(Level.NONE, Level.NONE, CompetencyStatus.NONE));
        }

        @Test
        void aStoredHeldLevelWithoutACoveringTermIsIgnored() {
            Standing standing = Standing.of(Level.NONE, Level.GOLD, Optional.empty(), PROGRESS);

            assertThat(standing).isEqualTo(new Standing(Level.NONE, Level.NONE, CompetencyStatus.STARTED));
        }
    }

    @Nested
    class ALapsedMembership {

        private final Optional<MembershipStanding> lapsed = member(Level.GOLD, ANNIVERSARY.plusDays(31));

        @Test
        void showsNothingEvenForALevelHeldBefore() {
            Standing standing = Standing.of(Level.NONE, Level.GOLD, lapsed, PROGRESS);

            assertThat(standing.heldLevel()).isEqualTo(Level.NONE);
            assertThat(standing.displayedLevel()).isEqualTo(Level.NONE);
        }

        @Test
        void leavesAMetLevelQualified() {
            Standing standing = Standing.of(Level.GOLD, Level.GOLD, lapsed, PROGRESS);

            assertThat(standing).isEqualTo(new Standing(Level.NONE, Level.NONE, CompetencyStatus.QUALIFIED));
        }

        @Test
        void leavesProgressStarted() {
            Standing standing = Standing.of(Level.NONE, Level.NONE, lapsed, PROGRESS);

            assertThat(standing.status()).isEqualTo(CompetencyStatus.STARTED);
        }
    }

    @Nested
    class AMembershipInItsRenewalWindow {

        private final Optional<MembershipStanding> inWindow = member(Level.GOLD, ANNIVERSARY.plusDays(1));

        @Test
        void stillShowsTheHeldLevel() {
            Standing standing = Standing.of(Level.GOLD, Level.GOLD, inWindow, PROGRESS);

            assertThat(standing).isEqualTo(new Standing(Level.GOLD, Level.GOLD, CompetencyStatus.ACTIVE));
        }

        @Test
        void stillShowsTheHeldLevelOnTheLastWindowDayEvenWhenRequirementsLapsed() {
            Standing standing = Standing.of(Level.NONE, Level.GOLD, member(Level.GOLD, ANNIVERSARY.plusDays(30)),
                    NO_PROGRESS);

            assertThat(standing).isEqualTo(new Standing(Level.GOLD, Level.GOLD, CompetencyStatus.AT_RISK));
        }
    }
}
