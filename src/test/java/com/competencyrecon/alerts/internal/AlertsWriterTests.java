package com.competencyrecon.alerts.internal;

import com.competencyrecon.alerts.Alert;
import com.competencyrecon.alerts.AlertCondition;
import com.competencyrecon.alerts.AlertState;
import com.competencyrecon.alerts.AlertType;
import com.competencyrecon.catalog.CatalogLoader;
import com.competencyrecon.catalog.Catalog;
import com.competencyrecon.catalog.Level;
import com.competencyrecon.catalog.Market;
import com.competencyrecon.evaluation.AsOf;
import com.competencyrecon.evaluation.CompetencyResult;
import com.competencyrecon.evaluation.Contribution;
import com.competencyrecon.evaluation.Evidence;
import com.competencyrecon.evaluation.LevelMet;
import com.competencyrecon.evaluation.OrgRow;
import com.competencyrecon.evaluation.Results;
import com.competencyrecon.membership.CompetencyStatus;
import com.competencyrecon.membership.MembershipOrder;
import com.competencyrecon.membership.MembershipOrders;
import com.competencyrecon.ownership.EffectiveLinks;
import com.competencyrecon.ownership.LinkHistory;
import com.competencyrecon.system.ReconMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The step's writer over the {@code alert} table on H2 (MySQL mode), with the other features' ports stubbed:
 * chunks together give the alerts of the whole programme, a chunk resolves only its own organisations'
 * alerts, and a rerun of a night gives the same rows.
 */
class AlertsWriterTests {

    private static final LocalDate N1 = LocalDate.of(2026, 11, 23);
    private static final LocalDate N2 = N1.plusDays(1);

    private static final Catalog CATALOG = CatalogLoader.load(CatalogLoader.class.getClassLoader()
            .getResourceAsStream(CatalogLoader.DEFAULT_RESOURCE), "default-catalog.yml");

    private final Results results = mock(Results.class);
    private final MembershipOrders orders = mock(MembershipOrders.class);
    private final EffectiveLinks links = mock(EffectiveLinks.class);
    private final LinkHistory users = mock(LinkHistory.class);
    private final Evidence evidence = mock(Evidence.class);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private NamedParameterJdbcTemplate jdbc;
    private JdbcAlerts alerts;

    @BeforeEach
    void database() {
        DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=MySQL;NON_KEYWORDS=VALUE,MONTH,LEVEL,TYPE,LINE,KEY;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(db).locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load().migrate();
        jdbc = new NamedParameterJdbcTemplate(db);
        alerts = new JdbcAlerts(jdbc);
        // O1 is a Silver member whose displayed Silver was made by m1; O2 has no membership.
        when(orders.ofOrganizations(anyCollection())).thenAnswer(i -> only(i.getArgument(0),
                Map.of("O1", List.of(new MembershipOrder("ord-1", Level.SILVER, LocalDate.of(2026, 6, 1))))));
        when(results.lastMet(anyCollection())).thenAnswer(i -> only(i.getArgument(0), Map.of("O1", List.of(
                new LevelMet("O1", "CLOUD_PLATFORM", Level.SILVER, N1.minusDays(1), "AZURE_CONSUMPTION",
                        List.of(new Contribution(Contribution.Kind.PERSON, "m1", "u1", "70-533")))))));
        when(links.ofMsas(anyCollection())).thenReturn(Map.of());
        when(users.users(anyCollection())).thenReturn(Map.of());
        when(evidence.achievementsOf(anyCollection())).thenReturn(Map.of());
        when(evidence.metricsOf(anyCollection(), any(), any())).thenReturn(Map.of());
        when(evidence.overridesOf(anyCollection())).thenReturn(Map.of());
    }

    private static <V> Map<String, V> only(Collection<String> orgIds, Map<String, V> all) {
        Map<String, V> found = new java.util.HashMap<>(all);
        found.keySet().retainAll(orgIds);
        return found;
    }

    /** O1's Cloud Platform is displayed at Silver and met at {@code o1}; O2 attains Silver. */
    private void night(LocalDate night, Level o1) {
        CompetencyResult first = result(night, "O1", o1, Level.SILVER);
        CompetencyResult second = result(night, "O2", Level.SILVER, Level.NONE);
        when(results.on(eq(night), anyCollection())).thenAnswer(i -> {
            Collection<String> orgIds = i.getArgument(1);
            return new ArrayList<>(List.of(first, second)).stream().filter(r -> orgIds.contains(r.orgId())).toList();
        });
    }

    private static CompetencyResult result(LocalDate night, String org, Level attained, Level displayed) {
        return new CompetencyResult(night, org, "CLOUD_PLATFORM", attained, "", attained, displayed, displayed,
                CompetencyStatus.NONE, 0, attained, null, null);
    }

    private void write(LocalDate night, String... orgIds) {
        AsOf asOf = AsOf.night(night, ZoneOffset.UTC, Duration.ofHours(24));
        AlertsWriter writer = new AlertsWriter(CATALOG, asOf, results, orders, links, users, evidence, alerts,
                new ReconMetrics(registry));
        writer.write(new Chunk<>(List.of(orgIds).stream().map(o -> new OrgRow(o, o, Market.DEVELOPED)).toList()));
    }

    @Test
    void chunksTogetherRaiseTheProgrammesAlertsWithTheirCauses() {
        night(N1, Level.NONE);
        write(N1, "O1");
        write(N1, "O2");

        assertThat(alerts.shownOn(N1)).extracting(Alert::orgId, Alert::type, Alert::state, Alert::causes)
                .containsExactlyInAnyOrder(
                        tuple("O1", AlertType.RENEWAL_AT_RISK, AlertState.NEW, List.of("MSA_UNLINKED:m1")),
                        tuple("O1", AlertType.PROJECTED_AT_RISK, AlertState.NEW, List.of()),
                        tuple("O2", AlertType.QUALIFIED_NOT_MEMBER, AlertState.NEW, List.of()));
        assertThat(alerts.shownOn(N1)).extracting(Alert::alertId).isSorted();
        assertThat(registry.counter("recon.alerts", "type", "RENEWAL_AT_RISK", "state", "NEW").count()).isEqualTo(1);
    }

    @Test
    void aChunkResolvesOnlyItsOwnOrganisationsAlerts() {
        night(N1, Level.NONE);
        write(N1, "O1", "O2");
        night(N2, Level.SILVER);
        write(N2, "O1");

        assertThat(alerts.shownOn(N2)).extracting(Alert::orgId, Alert::type, Alert::state).containsExactlyInAnyOrder(
                tuple("O1", AlertType.RENEWAL_AT_RISK, AlertState.RESOLVED),
                tuple("O1", AlertType.PROJECTED_AT_RISK, AlertState.RESOLVED));
        assertThat(alerts.relevantTo(N2, List.of("O2"))).singleElement()
                .satisfies(a -> assertThat(a.resolvedOn()).isNull());
    }

    @Test
    void keepsAnAlertOpenUnderItsIdAndNeverRaisesItAgainOnceResolved() {
        night(N1, Level.NONE);
        write(N1, "O1", "O2");
        night(N2, Level.NONE);
        write(N2, "O1", "O2");
        List<Alert> secondNight = alerts.shownOn(N2);
        LocalDate n3 = N2.plusDays(1);
        night(n3, Level.SILVER);
        write(n3, "O1", "O2");
        LocalDate n4 = n3.plusDays(1);
        night(n4, Level.NONE);
        write(n4, "O1", "O2");

        assertThat(secondNight).filteredOn(a -> a.type() == AlertType.RENEWAL_AT_RISK).singleElement()
                .satisfies(a -> assertThat(a.state()).isEqualTo(AlertState.OPEN))
                .satisfies(a -> assertThat(a.alertId()).isEqualTo(atRisk().alertId(N1)));
        assertThat(alerts.shownOn(n4)).extracting(Alert::type).containsExactly(AlertType.QUALIFIED_NOT_MEMBER);
    }

    @Test
    void aRerunOfTheNightGivesTheSameRows() {
        night(N1, Level.NONE);
        write(N1, "O1", "O2");
        night(N2, Level.SILVER);
        write(N2, "O1", "O2");
        List<Map<String, Object>> first = rows();

        write(N2, "O1", "O2");

        assertThat(rows()).isEqualTo(first);
    }

    private static AlertCondition atRisk() {
        return new AlertCondition("O1", AlertType.RENEWAL_AT_RISK, "CLOUD_PLATFORM", "SILVER", "ord-1", List.of(), "");
    }

    private List<Map<String, Object>> rows() {
        return jdbc.queryForList("SELECT * FROM alert ORDER BY alert_id", Map.of());
    }
}
