package com.competencyrecon.membership;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.competencyrecon.catalog.Level;
import com.competencyrecon.membership.MembershipStanding.Phase;

import static org.assertj.core.api.Assertions.assertThat;

/** DOMAIN.md "Membership, display and risk": terms, anniversaries, the renewal window, upgrades and lapse. */
class MembershipsTests {

    private static final LocalDate PURCHASED = LocalDate.of(2018, 3, 10);

    private static final LocalDate ANNIVERSARY = LocalDate.of(2019, 3, 10);

    private static MembershipOrder silver(String id, LocalDate on) {
        return new MembershipOrder(id, Level.SILVER, on);
    }

    private static MembershipOrder gold(String id, LocalDate on) {
        return new MembershipOrder(id, Level.GOLD, on);
    }

    private static MembershipStanding standingOn(LocalDate day, MembershipOrder... orders) {
        return Memberships.standingOn(List.of(orders), day).orElseThrow();
    }

    @Nested
    class AFirstOrder {

        @Test
        void makesTheOrganisationAMemberAtItsLevelFromItsDate() {
            MembershipStanding standing = standingOn(PURCHASED, silver("o1", PURCHASED));

            assertThat(standing.phase()).isEqualTo(Phase.ACTIVE);
            assertThat(standing.level()).isEqualTo(Level.SILVER);
        }

        @Test
        void hasItsAnniversaryOneYearAfterThePurchase() {
            assertThat(standingOn(PURCHASED, silver("o1", PURCHASED)).term())
                    .isEqualTo(new MembershipTerm("o1", Level.SILVER, PURCHASED, ANNIVERSARY));
        }

        @Test
        void isNotYetAMembershipTheDayBefore() {
            assertThat(Memberships.standingOn(List.of(silver("o1", PURCHASED)), PURCHASED.minusDays(1))).isEmpty();
        }

        @Test
        void noOrdersMeanNoMembership() {
            assertThat(Memberships.standingOn(List.of(), PURCHASED)).isEmpty();
        }
    }

    @Nested
    class TheRenewalWindow {

        private final MembershipOrder order = silver("o1", PURCHASED);

        @Test
        void theAnniversaryItselfIsStillActive() {
            assertThat(standingOn(ANNIVERSARY, order).phase()).isEqualTo(Phase.ACTIVE);
        }

        @Test
        void opensTheDayAfterTheAnniversary() {
            MembershipStanding standing = standingOn(ANNIVERSARY.plusDays(1), order);

            assertThat(standing.phase()).isEqualTo(Phase.IN_WINDOW);
            assertThat(standing.covers()).isTrue();
            assertThat(standing.level()).isEqualTo(Level.SILVER);
        }

        @Test
        void includesTheThirtiethDayAfterTheAnniversary() {
            assertThat(standingOn(ANNIVERSARY.plusDays(30), order).phase()).isEqualTo(Phase.IN_WINDOW);
        }

        @Test
        void closesAfterThirtyDaysAndTheMembershipHasLapsed() {
            MembershipStanding standing = standingOn(ANNIVERSARY.plusDays(31), order);

            assertThat(standing.phase()).isEqualTo(Phase.LAPSED);
            assertThat(standing.covers()).isFalse();
            assertThat(standing.level()).isEqualTo(Level.NONE);
        }

        @Test
        void theTermKnowsItsLastWindowDay() {
            assertThat(standingOn(PURCHASED, order).term().windowCloses()).isEqualTo(ANNIVERSARY.plusDays(30));
        }
    }

    @Nested
    class Renewal {

        @Test
        void anOrderOnTheFirstWindowDayRenewsWithTheOldAnniversaryPlusOneYear() {
            LocalDate renewed = ANNIVERSARY.plusDays(1);

            MembershipStanding standing = standingOn(renewed, silver("o1", PURCHASED), silver("o2", renewed));

            assertThat(standing.term()).isEqualTo(new MembershipTerm("o2", Level.SILVER, renewed, ANNIVERSARY.plusYears(1)));
        }

        @Test
        void anOrderOnTheLastWindowDayRenewsWithTheOldAnniversaryPlusOneYear() {
            LocalDate renewed = ANNIVERSARY.plusDays(30);

            assertThat(standingOn(renewed, silver("o1", PURCHASED), silver("o2", renewed)).term().anniversary())
                    .isEqualTo(ANNIVERSARY.plusYears(1));
        }

        @Test
        void fromTheRenewalOrdersDateThereIsNoOpenWindow() {
            LocalDate renewed = ANNIVERSARY.plusDays(10);

            assertThat(standingOn(renewed, silver("o1", PURCHASED), silver("o2", renewed)).phase())
                    .isEqualTo(Phase.ACTIVE);
        }

        @Test
        void aRenewedMembershipDoesNotLapseWhenTheOldWindowWouldHaveClosed() {
            LocalDate renewed = ANNIVERSARY.plusDays(10);

            assertThat(standingOn(ANNIVERSARY.plusDays(31), silver("o1", PURCHASED), silver("o2", renewed)).phase())
                    .isEqualTo(Phase.ACTIVE);
        }

        @Test
        void aRenewalMayChangeTheLevel() {
            LocalDate renewed = ANNIVERSARY.plusDays(5);

            assertThat(standingOn(renewed, silver("o1", PURCHASED), gold("o2", renewed)).term())
                    .isEqualTo(new MembershipTerm("o2", Level.GOLD, renewed, ANNIVERSARY.plusYears(1)));
        }

        @Test
        void anOrderOnTheAnniversaryDayRenews() {
            // Paid on the last day of the term: a renewal, as one placed the next day would be.
            MembershipStanding standing = standingOn(ANNIVERSARY, silver("o1", PURCHASED), silver("o2", ANNIVERSARY));

            assertThat(standing.term()).isEqualTo(
                    new MembershipTerm("o2", Level.SILVER, ANNIVERSARY, ANNIVERSARY.plusYears(1)));
        }

        @Test
        void anOrderOnTheAnniversaryDayOpensNoWindowTheNextDay() {
            assertThat(standingOn(ANNIVERSARY.plusDays(1), silver("o1", PURCHASED), silver("o2", ANNIVERSARY)).phase())
                    .isEqualTo(Phase.ACTIVE);
        }

        @Test
        void anOrderOfTheSameLevelBeforeTheAnniversaryChangesNothing() {
            MembershipStanding standing = standingOn(ANNIVERSARY.minusDays(20),
                    silver("o1", PURCHASED), silver("o2", ANNIVERSARY.minusDays(20)));

            assertThat(standing.term()).isEqualTo(new MembershipTerm("o1", Level.SILVER, PURCHASED, ANNIVERSARY));
        }

        @Test
        void aSilverOrderWhileGoldIsActiveChangesNothing() {
            MembershipStanding standing = standingOn(ANNIVERSARY.minusDays(20),
                    gold("o1", PURCHASED), silver("o2", ANNIVERSARY.minusDays(20)));

            assertThat(standing.term()).isEqualTo(new MembershipTerm("o1", Level.GOLD, PURCHASED, ANNIVERSARY));
        }
    }

    @Nested
    class Upgrade {

        private final LocalDate upgraded = LocalDate.of(2018, 9, 1);

        @Test
        void aGoldOrderWhileSilverIsActiveStartsGoldWithItsOwnAnniversary() {
            MembershipStanding standing = standingOn(upgraded, silver("o1", PURCHASED), gold("o2", upgraded));

            assertThat(standing.term()).isEqualTo(new MembershipTerm("o2", Level.GOLD, upgraded, LocalDate.of(2019, 9, 1)));
            assertThat(standing.level()).isEqualTo(Level.GOLD);
        }

        @Test
        void theDayBeforeTheUpgradeTheMemberIsStillSilver() {
            assertThat(standingOn(upgraded.minusDays(1), silver("o1", PURCHASED), gold("o2", upgraded)).level())
                    .isEqualTo(Level.SILVER);
        }

        @Test
        void theSilverAnniversaryNoLongerOpensAWindowAfterAnUpgrade() {
            assertThat(standingOn(ANNIVERSARY.plusDays(1), silver("o1", PURCHASED), gold("o2", upgraded)).phase())
                    .isEqualTo(Phase.ACTIVE);
        }

        @Test
        void aGoldOrderOnTheSilverAnniversaryStartsAGoldYear() {
            assertThat(standingOn(ANNIVERSARY, silver("o1", PURCHASED), gold("o2", ANNIVERSARY)).term())
                    .isEqualTo(new MembershipTerm("o2", Level.GOLD, ANNIVERSARY, ANNIVERSARY.plusYears(1)));
        }

        @Test
        void theTermsAreKeptOldestFirst() {
            assertThat(Memberships.terms(List.of(gold("o2", upgraded), silver("o1", PURCHASED)), upgraded))
                    .extracting(MembershipTerm::termId).containsExactly("o1", "o2");
        }
    }

    @Nested
    class Lapse {

        @Test
        void anOrderAfterTheLapseStartsANewTermFromItsOwnDate() {
            LocalDate again = ANNIVERSARY.plusDays(31);

            MembershipStanding standing = standingOn(again, silver("o1", PURCHASED), silver("o2", again));

            assertThat(standing.term()).isEqualTo(new MembershipTerm("o2", Level.SILVER, again, again.plusYears(1)));
            assertThat(standing.phase()).isEqualTo(Phase.ACTIVE);
        }

        @Test
        void aLapsedMembershipStaysLapsed() {
            assertThat(standingOn(ANNIVERSARY.plusYears(2), silver("o1", PURCHASED)).phase()).isEqualTo(Phase.LAPSED);
        }
    }

    @Nested
    class OrdersAfterTheDay {

        @Test
        void areIgnored() {
            LocalDate later = ANNIVERSARY.plusDays(5);

            MembershipStanding standing = standingOn(ANNIVERSARY.plusDays(4), silver("o1", PURCHASED), silver("o2", later));

            assertThat(standing.term().termId()).isEqualTo("o1");
            assertThat(standing.phase()).isEqualTo(Phase.IN_WINDOW);
        }

        @Test
        void areIgnoredWhenTheyWouldBeTheFirst() {
            assertThat(Memberships.standingOn(List.of(gold("o1", PURCHASED.plusDays(1))), PURCHASED)).isEmpty();
        }

        @Test
        void areIgnoredWhenTheyWouldBeAnUpgrade() {
            LocalDate upgraded = LocalDate.of(2018, 9, 1);

            assertThat(standingOn(upgraded.minusDays(1), silver("o1", PURCHASED), gold("o2", upgraded)).term().termId())
                    .isEqualTo("o1");
        }
    }

    @Nested
    class OrderOfOrders {

        @Test
        void ordersAreReplayedByPurchaseDateWhateverTheirListOrder() {
            LocalDate renewed = ANNIVERSARY.plusDays(3);

            assertThat(standingOn(renewed, silver("o2", renewed), silver("o1", PURCHASED)).term())
                    .isEqualTo(new MembershipTerm("o2", Level.SILVER, renewed, ANNIVERSARY.plusYears(1)));
        }
    }
}
