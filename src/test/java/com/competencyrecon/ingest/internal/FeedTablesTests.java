package com.competencyrecon.ingest.internal;

import com.competencyrecon.catalog.Association;
import com.competencyrecon.catalog.Market;
import com.competencyrecon.evaluation.Achievement;
import com.competencyrecon.evaluation.Evidence;
import com.competencyrecon.evaluation.MetricValue;
import com.competencyrecon.evaluation.OrgRow;
import com.competencyrecon.evaluation.Organizations;
import com.competencyrecon.ingest.Feed;
import com.competencyrecon.ingest.FeedLog;
import com.competencyrecon.ingest.Reject;
import com.competencyrecon.ingest.RejectReason;
import com.competencyrecon.membership.MembershipOrders;
import com.competencyrecon.night.NightRunner;
import com.competencyrecon.ownership.LinkEvent;
import com.competencyrecon.ownership.LinkHistory;
import com.competencyrecon.ownership.UserAccount;
import com.competencyrecon.support.Databases;
import com.competencyrecon.support.NightHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.competencyrecon.support.FeedHeaders.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The ports other features read ingest's tables through, over what one night stored. */
@SpringBatchTest
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:feedtables;MODE=MySQL;NON_KEYWORDS=VALUE,MONTH,LEVEL,TYPE,LINE,KEY;DB_CLOSE_DELAY=-1",
        "recon.roots=/"})
class FeedTablesTests {

    static final String D = "2026-11-24";

    @Autowired NightRunner runner;
    @Autowired JdbcTemplate jdbc;
    @Autowired LinkHistory links;
    @Autowired Organizations organizations;
    @Autowired Evidence evidence;
    @Autowired MembershipOrders orders;
    @Autowired FeedLog feedLog;

    @TempDir
    Path root;

    @BeforeEach
    void aNight() {
        Databases.reset(jdbc);
        NightHarness nights = new NightHarness(runner, root);
        nights.feed(D, "organizations.csv", ORGS, "O2,Fabrikam,DEVELOPING,IN", "O1,Contoso,DEVELOPED,US",
                        "O3,Tailspin,DEVELOPED,")
                .feed(D, "users.csv", USERS, "u1,O1,,ACTIVE,2026-01-01T00:00:00Z", "u2,O2,,ACTIVE,2026-01-01T00:00:00Z",
                        "u9,O9,,ACTIVE,2026-01-01T00:00:00Z")
                .feed(D, "msa-links.csv", LINKS, "e2,m1,u1,LINK,2026-02-01T00:00:00Z",
                        "e1,m1,u1,UNLINK,2026-03-01T00:00:00Z", "e3,m2,u2,LINK,2026-02-01T10:00:00.250Z",
                        "e4,m3,u9,LINK,2026-02-01T00:00:00Z")
                .feed(D, "achievements.csv", ACHIEVEMENTS, "a2,m1,70-533,2026-03-01T00:00:00Z,2027-03-01,,",
                        "a1,m1,70-532,2026-03-01T00:00:00Z,,REVOKED,")
                .feed(D, "metrics.csv", METRICS, "O1,AZURE_CONSUMED_REVENUE_USD,2026-10,1250.50,DPOR",
                        "O1,AZURE_CONSUMED_REVENUE_USD,2025-10,10,", "O1,AZURE_CONSUMED_REVENUE_USD,2026-11,-1,")
                .feed(D, "memberships.csv", MEMBERSHIPS, "ord-2,O2,SILVER,2026-05-01", "ord-1,O1,GOLD,2026-04-01")
                .feed(D, "overrides.csv", OVERRIDES, "ovr-1,O1,DEVOPS,SILVER,2026-10-01,,,ops");
        assertThat(nights.run(D).completed()).isTrue();
    }

    @Test
    void linkHistoryPagesMsasAndReplaysTheirEventsWithTheirAccounts() {
        Instant at = Instant.parse("2026-02-15T00:00:00Z");
        assertThat(links.msasAfter("", at, 1)).containsExactly("m1");
        assertThat(links.msasAfter("m1", at, 5)).containsExactly("m2");
        List<String> seen = new ArrayList<>();
        links.eventsOf(List.of("m1", "m2"), Instant.parse("2026-12-01T00:00:00Z"),
                (event, user) -> seen.add(event.eventId() + " " + event.occurredAt() + " " + user.orgId()));
        assertThat(seen).containsExactly("e2 2026-02-01T00:00:00Z O1", "e1 2026-03-01T00:00:00Z O1",
                "e3 2026-02-01T10:00:00.250Z O2");
        List<LinkEvent> early = new ArrayList<>();
        links.eventsOf(List.of("m1"), at, (event, user) -> early.add(event));
        assertThat(early).extracting(LinkEvent::eventId).containsExactly("e2");
        assertThat(links.users(List.of("u1", "u9"))).containsOnlyKeys("u1")
                .extractingByKey("u1").extracting(UserAccount::orgId).isEqualTo("O1");
    }

    @Test
    void organizationsComeInIdOrderAPageAtATime() {
        assertThat(organizations.after("", 2)).containsExactly(new OrgRow("O1", "Contoso", Market.DEVELOPED),
                new OrgRow("O2", "Fabrikam", Market.DEVELOPING));
        assertThat(organizations.after("O2", 2)).extracting(OrgRow::orgId).containsExactly("O3");
        assertThat(organizations.names()).containsExactly(Map.entry("O1", "Contoso"), Map.entry("O2", "Fabrikam"),
                Map.entry("O3", "Tailspin"));
    }

    @Test
    void evidenceIsReadByMsaAndByOrganisationWithinTheMonths() {
        assertThat(evidence.achievementsOf(List.of("m1", "m2"))).containsOnlyKeys("m1")
                .extractingByKey("m1").asList().extracting(a -> ((Achievement) a).recordId()).containsExactly("a1", "a2");
        Map<String, List<MetricValue>> metrics = evidence.metricsOf(List.of("O1"), YearMonth.of(2025, 12),
                YearMonth.of(2026, 11));
        assertThat(metrics.get("O1")).containsExactly(new MetricValue("AZURE_CONSUMED_REVENUE_USD",
                YearMonth.of(2026, 10), Association.DPOR, new BigDecimal("1250.5000")));
        assertThat(evidence.overridesOf(List.of("O1", "O2"))).containsOnlyKeys("O1");
        assertThat(evidence.achievementsOf(List.of())).isEmpty();
    }

    @Test
    void membershipOrdersComeByOrganisationInIdOrder() {
        assertThat(orders.all().keySet()).containsExactly("O1", "O2");
        assertThat(orders.ofOrganizations(List.of("O2")).get("O2")).singleElement()
                .satisfies(o -> assertThat(o.purchasedOn()).isEqualTo(LocalDate.parse("2026-05-01")));
    }

    @Test
    void theFeedLogTellsRejectsCountsAndReasonsByFeed() {
        LocalDate night = LocalDate.parse(D);
        List<Reject> rejects = new ArrayList<>();
        feedLog.rejectsOf(night, rejects::add);
        assertThat(rejects).extracting(Reject::feed, Reject::line, Reject::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Feed.METRICS, 4L, RejectReason.NEGATIVE_METRIC),
                org.assertj.core.groups.Tuple.tuple(Feed.MSA_LINKS, 5L, RejectReason.UNKNOWN_USER),
                org.assertj.core.groups.Tuple.tuple(Feed.USERS, 4L, RejectReason.UNKNOWN_ORG));
        assertThat(feedLog.countsOf(night).get(Feed.USERS)).isEqualTo(new FeedLog.Counts(3, 2, 1));
        assertThat(feedLog.reasonsOf(night).get(Feed.METRICS))
                .containsExactly(new FeedLog.ReasonCount(RejectReason.NEGATIVE_METRIC, 1));

        feedLog.markDelivered(night, Feed.USERS);
        feedLog.markDelivered(night.plusDays(1), Feed.USERS);

        assertThat(feedLog.countsOf(night).get(Feed.USERS)).isEqualTo(new FeedLog.Counts(3, 2, 1));
        assertThat(feedLog.countsOf(night.plusDays(1))).containsExactly(Map.entry(Feed.USERS, new FeedLog.Counts(0, 0, 0)));
    }
}
