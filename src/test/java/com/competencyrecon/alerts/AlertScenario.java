package com.competencyrecon.alerts;

import com.competencyrecon.night.NightRunner;
import com.competencyrecon.support.Databases;
import com.competencyrecon.support.NightHarness;
import com.competencyrecon.support.Reports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.competencyrecon.support.FeedHeaders.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every alert type over several nights on H2: raised once ({@code NEW}), kept {@code OPEN}, {@code RESOLVED}
 * the first night its condition no longer holds, never raised twice; and every cause code.
 *
 * <p>The programme: organisation O1 (developed market) is a Silver member since 2026-06-01 and meets Cloud
 * Platform Silver through one person (msa m1 of user u1, exam 70-533) and US$20,000 of DPOR revenue.
 */
abstract class AlertScenario {


    static final String N1 = "2026-11-23";
    static final String N2 = "2026-11-24";
    static final String N3 = "2026-11-25";
    static final String N4 = "2026-11-26";

    @Autowired
    NightRunner runner;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path root;

    NightHarness nights;

    @BeforeEach
    void programme() {
        Databases.reset(jdbc);
        nights = new NightHarness(runner, root);
        nights.feed(N1, "organizations.csv", ORGS, "O1,Contoso,DEVELOPED,US", "O2,Fabrikam,DEVELOPED,US")
                .feed(N1, "users.csv", USERS, "u1,O1,,ACTIVE,2025-01-01T00:00:00Z", "u2,O1,,ACTIVE,2025-01-01T00:00:00Z",
                        "u3,O2,,ACTIVE,2025-01-01T00:00:00Z")
                .feed(N1, "msa-links.csv", LINKS, "e1,m1,u1,LINK,2025-02-01T00:00:00Z")
                .feed(N1, "achievements.csv", ACHIEVEMENTS, "a1,m1,70-533,2025-03-01T00:00:00Z,,,")
                .feed(N1, "metrics.csv", METRICS, "O1,AZURE_CONSUMED_REVENUE_USD,2026-10,20000,DPOR")
                .feed(N1, "memberships.csv", MEMBERSHIPS, "ord-1,O1,SILVER,2026-06-01");
    }

    private void run(String... dates) {
        for (String date : dates) {
            NightRunner.Outcome outcome = nights.run(date);
            assertThat(outcome.refusal()).as(date).isNull();
            assertThat(outcome.completed()).as(date).isTrue();
        }
    }

    private List<Map<String, String>> alerts(String date) {
        return Reports.rows(nights.report(date, "alerts.csv"));
    }

    private List<Map<String, String>> alerts(String date, String type) {
        return alerts(date).stream().filter(a -> a.get("type").equals(type)).toList();
    }

    private Map<String, String> only(String date, String type) {
        List<Map<String, String>> found = alerts(date, type);
        assertThat(found).as(type + " on " + date).hasSize(1);
        return found.get(0);
    }

    // --- renewal at risk ---

    @Test
    void renewalAtRiskIsNotRaisedWhileTheDisplayedLevelIsMet() {
        run(N1);
        assertThat(alerts(N1, "RENEWAL_AT_RISK")).isEmpty();
        assertThat(nights.report(N1, "competency-status.csv"))
                .contains("O1,Contoso,CLOUD_PLATFORM,SILVER,AZURE_CONSUMPTION,SILVER,SILVER,ACTIVE,1,2026-11-23,SILVER,");
    }

    @Test
    void renewalAtRiskOpensOnceStaysOpenResolvesAndIsNotRaisedAgain() {
        nights.feed(N2, "msa-links.csv", LINKS, "e2,m1,u1,UNLINK,2026-11-23T08:00:00Z");
        nights.feed(N4, "msa-links.csv", LINKS, "e3,m1,u2,LINK,2026-11-25T08:00:00Z");
        nights.inputDir(N3);
        run(N1, N2, N3, N4);
        nights.feed("2026-11-27", "msa-links.csv", LINKS, "e4,m1,u2,UNLINK,2026-11-26T08:00:00Z");
        run("2026-11-27");

        Map<String, String> raised = only(N2, "RENEWAL_AT_RISK");
        assertThat(raised).containsEntry("state", "NEW").containsEntry("org_id", "O1")
                .containsEntry("competency", "CLOUD_PLATFORM").containsEntry("level", "SILVER")
                .containsEntry("opened_on", N2).containsEntry("causes", "MSA_UNLINKED:m1");
        assertThat(raised.get("message")).contains("renewal eligibility at risk");
        assertThat(only(N3, "RENEWAL_AT_RISK")).containsEntry("state", "OPEN")
                .containsEntry("alert_id", raised.get("alert_id")).containsEntry("opened_on", N2);
        assertThat(only(N4, "RENEWAL_AT_RISK")).containsEntry("state", "RESOLVED")
                .containsEntry("alert_id", raised.get("alert_id"));
        assertThat(alerts("2026-11-27", "RENEWAL_AT_RISK")).as("never raised twice for one key").isEmpty();
        assertThat(nights.report("2026-11-27", "competency-status.csv")).anyMatch(l -> l.contains(",AT_RISK,"));
    }

    @Test
    void namesADeletedUser() {
        nights.feed(N2, "users.csv", USERS, "u1,O1,,DELETED,2026-11-23T12:00:00Z");
        run(N1, N2);
        assertThat(only(N2, "RENEWAL_AT_RISK")).containsEntry("causes", "USER_DELETED:u1");
    }

    @Test
    void namesAnMsaMovedToAnotherOrganisation() {
        nights.feed(N2, "msa-links.csv", LINKS, "e2,m1,u3,LINK,2026-11-23T08:00:00Z");
        run(N1, N2);
        assertThat(only(N2, "RENEWAL_AT_RISK")).containsEntry("causes", "MSA_MOVED:m1");
    }

    @Test
    void namesAnExpiredCredential() {
        nights.feed(N2, "achievements.csv", ACHIEVEMENTS, "a1,m1,70-533,2025-03-01T00:00:00Z,2026-11-24,,");
        run(N1, N2);
        assertThat(only(N2, "RENEWAL_AT_RISK")).containsEntry("causes", "CREDENTIAL_EXPIRED:m1/70-533");
    }

    @Test
    void namesARevokedAchievement() {
        nights.feed(N2, "achievements.csv", ACHIEVEMENTS, "a1,m1,70-533,2025-03-01T00:00:00Z,,REVOKED,");
        run(N1, N2);
        assertThat(only(N2, "RENEWAL_AT_RISK")).containsEntry("causes", "ACHIEVEMENT_REVOKED:m1/70-533");
    }

    @Test
    void namesAMetricBelowItsThreshold() {
        nights.feed(N2, "metrics.csv", METRICS, "O1,AZURE_CONSUMED_REVENUE_USD,2026-10,1000,DPOR");
        run(N1, N2);
        assertThat(only(N2, "RENEWAL_AT_RISK")).containsEntry("causes", "METRIC_BELOW:AZURE_CONSUMED_REVENUE_USD");
    }

    @Test
    void namesSeveralCausesSorted() {
        nights.feed(N2, "metrics.csv", METRICS, "O1,AZURE_CONSUMED_REVENUE_USD,2026-10,1000,DPOR")
                .feed(N2, "msa-links.csv", LINKS, "e2,m1,u1,UNLINK,2026-11-23T08:00:00Z");
        run(N1, N2);
        assertThat(only(N2, "RENEWAL_AT_RISK"))
                .containsEntry("causes", "METRIC_BELOW:AZURE_CONSUMED_REVENUE_USD;MSA_UNLINKED:m1");
    }


    @Test
    void aLevelMadeByHundredsOfPeopleListsEveryCause() {
        List<String> users = new java.util.ArrayList<>(List.of("u1,O1,,ACTIVE,2025-01-01T00:00:00Z"));
        List<String> links = new java.util.ArrayList<>();
        List<String> achievements = new java.util.ArrayList<>();
        List<String> departures = new java.util.ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            users.add("p" + i + ",O1,,ACTIVE,2025-01-01T00:00:00Z");
            links.add("l" + i + ",msa-" + i + ",p" + i + ",LINK,2025-02-01T00:00:00Z");
            achievements.add("r" + i + ",msa-" + i + ",70-532,2025-03-01T00:00:00Z,,,");
            departures.add("p" + i + ",O1,,DELETED,2026-11-23T12:00:00Z");
        }
        nights.feed(N1, "users.csv", USERS, users.toArray(String[]::new))
                .feed(N1, "msa-links.csv", LINKS, links.toArray(String[]::new))
                .feed(N1, "achievements.csv", ACHIEVEMENTS, achievements.toArray(String[]::new))
                .feed(N2, "users.csv", USERS, departures.toArray(String[]::new));
        run(N1, N2);

        // 70-532 also makes Application Development: both competencies are at risk for the same 300 reasons.
        assertThat(alerts(N2, "RENEWAL_AT_RISK")).extracting(a -> a.get("competency"))
                .containsExactlyInAnyOrder("CLOUD_PLATFORM", "APPLICATION_DEVELOPMENT");
        assertThat(alerts(N2, "RENEWAL_AT_RISK")).allSatisfy(a -> assertThat(a.get("causes").split(";"))
                .hasSize(300).contains("USER_DELETED:p1", "USER_DELETED:p300"));
    }

    // --- retired credential ---

    @Test
    void namesACredentialRetiredSinceTheLastNight() {
        // 70-534 is accepted until 2018-12-31.
        nights = new NightHarness(runner, root.resolve("retired"));
        nights.feed("2018-12-31", "organizations.csv", ORGS, "O1,Contoso,DEVELOPED,US")
                .feed("2018-12-31", "users.csv", USERS, "u1,O1,,ACTIVE,2017-01-01T00:00:00Z")
                .feed("2018-12-31", "msa-links.csv", LINKS, "e1,m1,u1,LINK,2017-02-01T00:00:00Z")
                .feed("2018-12-31", "achievements.csv", ACHIEVEMENTS, "a1,m1,70-534,2017-03-01T00:00:00Z,,,")
                .feed("2018-12-31", "metrics.csv", METRICS, "O1,AZURE_CONSUMED_REVENUE_USD,2018-10,20000,DPOR")
                .feed("2018-12-31", "memberships.csv", MEMBERSHIPS, "ord-1,O1,SILVER,2018-06-01");
        nights.inputDir("2019-01-01");
        run("2018-12-31", "2019-01-01");

        assertThat(alerts("2018-12-31", "RENEWAL_AT_RISK")).isEmpty();
        assertThat(only("2019-01-01", "RENEWAL_AT_RISK")).containsEntry("causes", "CREDENTIAL_RETIRED:m1/70-534");
    }


    // --- projected at risk ---

    @Test
    void projectedAtRiskIsRaisedWhenACredentialExpiresBeforeTheAnniversaryAndResolvedWhenItIsRenewed() {
        nights.feed(N1, "achievements.csv", ACHIEVEMENTS, "a1,m1,70-533,2025-03-01T00:00:00Z,2027-01-01,,");
        nights.feed(N2, "achievements.csv", ACHIEVEMENTS, "a2,m1,70-533,2026-11-20T00:00:00Z,,,");
        run(N1, N2);

        assertThat(only(N1, "PROJECTED_AT_RISK")).containsEntry("state", "NEW")
                .containsEntry("competency", "CLOUD_PLATFORM").containsEntry("level", "SILVER");
        assertThat(alerts(N1, "RENEWAL_AT_RISK")).isEmpty();
        assertThat(only(N2, "PROJECTED_AT_RISK")).containsEntry("state", "RESOLVED");
    }


    // --- upgrade available ---

    @Test
    void upgradeAvailableIsRaisedForASilverMemberAttainingGoldAndResolvedByTheGoldOrder() {
        nights.feed(N1, "msa-links.csv", LINKS, "e1,m1,u1,LINK,2025-02-01T00:00:00Z", "e2,m2,u2,LINK,2025-02-01T00:00:00Z")
                .feed(N1, "achievements.csv", ACHIEVEMENTS, "a1,m1,70-533,2025-03-01T00:00:00Z,,,",
                        "a2,m2,70-532,2025-03-01T00:00:00Z,,,")
                .feed(N1, "metrics.csv", METRICS, "O1,AZURE_CONSUMED_REVENUE_USD,2026-10,120000,DPOR");
        nights.inputDir(N2);
        nights.feed(N3, "memberships.csv", MEMBERSHIPS, "ord-2,O1,GOLD,2026-11-25");
        run(N1, N2, N3);

        assertThat(only(N1, "UPGRADE_AVAILABLE")).containsEntry("state", "NEW").containsEntry("level", "GOLD")
                .containsEntry("competency", "CLOUD_PLATFORM");
        assertThat(only(N2, "UPGRADE_AVAILABLE")).containsEntry("state", "OPEN");
        assertThat(only(N3, "UPGRADE_AVAILABLE")).containsEntry("state", "RESOLVED");
        assertThat(nights.report(N3, "marketing-profile.csv")).contains("O1,Contoso,GOLD,CLOUD_PLATFORM,GOLD");
    }


    // --- qualified not member ---

    @Test
    void qualifiedNotMemberIsRaisedWithoutAMembershipAndResolvedByBuyingOne() {
        nights.feed(N1, "memberships.csv", MEMBERSHIPS);
        nights.feed(N2, "memberships.csv", MEMBERSHIPS, "ord-1,O1,SILVER,2026-11-24");
        run(N1, N2);

        assertThat(only(N1, "QUALIFIED_NOT_MEMBER")).containsEntry("state", "NEW").containsEntry("level", "SILVER");
        assertThat(nights.report(N1, "competency-status.csv"))
                .contains("O1,Contoso,CLOUD_PLATFORM,SILVER,AZURE_CONSUMPTION,NONE,NONE,QUALIFIED,1,2026-11-23,,");
        assertThat(only(N2, "QUALIFIED_NOT_MEMBER")).containsEntry("state", "RESOLVED");
    }


    // --- override expired ---

    @Test
    void overrideExpiredNamesTheLapsedOverride() {
        nights.feed(N1, "overrides.csv", OVERRIDES, "ovr-1,O1,DEVOPS,SILVER,2026-08-23,2026-11-23,pilot,ops@programme.example");
        nights.inputDir(N2);
        run(N1, N2);

        assertThat(nights.report(N1, "competency-status.csv"))
                .contains("O1,Contoso,DEVOPS,SILVER,OVERRIDE,SILVER,SILVER,ACTIVE,0,2026-11-23,NONE,ovr-1");
        assertThat(alerts(N1, "OVERRIDE_EXPIRED")).isEmpty();
        Map<String, String> expired = only(N2, "OVERRIDE_EXPIRED");
        assertThat(expired).containsEntry("state", "NEW").containsEntry("competency", "DEVOPS")
                .containsEntry("level", "SILVER").containsEntry("causes", "OVERRIDE_LAPSED:ovr-1");
        assertThat(only(N2, "RENEWAL_AT_RISK")).containsEntry("competency", "DEVOPS")
                .containsEntry("causes", "OVERRIDE_LAPSED:ovr-1");
    }


    // --- membership timeline ---

    @Test
    void renewalDueFromFifteenDaysBeforeTheAnniversaryUntilRenewal() {
        // Anniversary 2026-12-09: due from 2026-11-24.
        nights.feed(N1, "memberships.csv", MEMBERSHIPS, "ord-1,O1,SILVER,2025-12-09");
        nights.inputDir(N2);
        nights.feed(N3, "memberships.csv", MEMBERSHIPS, "ord-2,O1,SILVER,2026-11-25");
        run(N1, N2, N3);

        assertThat(alerts(N1, "RENEWAL_DUE")).isEmpty();
        assertThat(only(N2, "RENEWAL_DUE")).containsEntry("state", "NEW").containsEntry("competency", "")
                .containsEntry("level", "");
        // An order before the anniversary is no renewal: the alert stays open.
        assertThat(only(N3, "RENEWAL_DUE")).containsEntry("state", "OPEN");
    }

    @Test
    void aRenewalInsideTheWindowResolvesRenewalDueAndWindowClosing() {
        // Anniversary 2026-11-01: the window runs 2026-11-02 .. 2026-12-01; closing from 2026-11-24.
        nights.feed(N1, "memberships.csv", MEMBERSHIPS, "ord-1,O1,SILVER,2025-11-01");
        nights.inputDir(N2);
        nights.feed(N3, "memberships.csv", MEMBERSHIPS, "ord-2,O1,SILVER,2026-11-25");
        run(N1, N2, N3);

        assertThat(only(N1, "RENEWAL_DUE")).containsEntry("state", "NEW");
        assertThat(alerts(N1, "RENEWAL_WINDOW_CLOSING")).isEmpty();
        assertThat(only(N2, "RENEWAL_WINDOW_CLOSING")).containsEntry("state", "NEW");
        assertThat(only(N3, "RENEWAL_DUE")).containsEntry("state", "RESOLVED");
        assertThat(only(N3, "RENEWAL_WINDOW_CLOSING")).containsEntry("state", "RESOLVED");
        assertThat(Reports.rows(nights.report(N3, "membership-expiry.csv"))).isEmpty();
        assertThat(nights.report(N3, "marketing-profile.csv")).contains("O1,Contoso,SILVER,CLOUD_PLATFORM,SILVER");
    }

    @Test
    void theMembershipLapsesTheDayAfterTheWindowCloses() {
        // Anniversary 2026-10-25: the window closes 2026-11-24.
        nights.feed(N1, "memberships.csv", MEMBERSHIPS, "ord-1,O1,SILVER,2025-10-25");
        nights.inputDir(N2);
        nights.inputDir(N3);
        run(N1, N2, N3);

        assertThat(Reports.rows(nights.report(N2, "membership-expiry.csv"))).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("anniversary", "2026-10-25")
                        .containsEntry("renewal_window_closes", "2026-11-24")
                        .containsEntry("days_to_anniversary", "-30").containsEntry("renewal_eligible", "true"));
        assertThat(alerts(N2, "MEMBERSHIP_LAPSED")).isEmpty();
        assertThat(only(N3, "MEMBERSHIP_LAPSED")).containsEntry("state", "NEW");
        assertThat(only(N3, "RENEWAL_DUE")).containsEntry("state", "RESOLVED");
        assertThat(only(N3, "RENEWAL_WINDOW_CLOSING")).containsEntry("state", "RESOLVED");
        assertThat(Reports.rows(nights.report(N3, "marketing-profile.csv"))).isEmpty();
        assertThat(only(N3, "QUALIFIED_NOT_MEMBER")).containsEntry("state", "NEW");
    }

}
