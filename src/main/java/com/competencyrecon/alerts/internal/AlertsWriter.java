package com.competencyrecon.alerts.internal;

import com.competencyrecon.alerts.Alert;
import com.competencyrecon.alerts.AlertCondition;
import com.competencyrecon.alerts.AlertLedger;
import com.competencyrecon.alerts.AlertRules;
import com.competencyrecon.alerts.Causes;
import com.competencyrecon.catalog.Catalog;
import com.competencyrecon.catalog.Market;
import com.competencyrecon.evaluation.AsOf;
import com.competencyrecon.evaluation.CompetencyResult;
import com.competencyrecon.evaluation.Evidence;
import com.competencyrecon.evaluation.LevelMet;
import com.competencyrecon.evaluation.OrgRow;
import com.competencyrecon.evaluation.OverrideGrant;
import com.competencyrecon.evaluation.Results;
import com.competencyrecon.membership.MembershipOrder;
import com.competencyrecon.membership.MembershipOrders;
import com.competencyrecon.membership.MembershipStanding;
import com.competencyrecon.membership.Memberships;
import com.competencyrecon.ownership.EffectiveLinks;
import com.competencyrecon.ownership.LinkHistory;
import com.competencyrecon.system.ReconMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Derives the alerts of a chunk of organisations: loads their inputs with one query per kind for the whole
 * chunk, lets {@link AlertRules}, {@link Causes} and {@link AlertLedger} decide, and writes the changes. Every
 * rule reads only the organisation it speaks of and only the chunk's alerts are read and resolved, so the
 * chunks of a night together give what one pass over the programme would. Each chunk commits on its own.
 */
public class AlertsWriter implements ItemWriter<OrgRow> {

    private static final Logger log = LoggerFactory.getLogger(AlertsWriter.class);

    private final Catalog catalog;
    private final AlertRules rules;
    private final AsOf asOf;
    private final Results results;
    private final MembershipOrders orders;
    private final EffectiveLinks links;
    private final LinkHistory linkHistory;
    private final Evidence evidence;
    private final JdbcAlerts alerts;
    private final ReconMetrics metrics;

    public AlertsWriter(Catalog catalog, AsOf asOf, Results results, MembershipOrders orders, EffectiveLinks links,
                        LinkHistory linkHistory, Evidence evidence, JdbcAlerts alerts, ReconMetrics metrics) {
        this.catalog = catalog;
        this.rules = new AlertRules(catalog);
        this.asOf = asOf;
        this.results = results;
        this.orders = orders;
        this.links = links;
        this.linkHistory = linkHistory;
        this.evidence = evidence;
        this.alerts = alerts;
        this.metrics = metrics;
    }

    @Override
    public void write(Chunk<? extends OrgRow> chunk) {
        LocalDate night = asOf.businessDate();
        Map<String, Market> markets = new LinkedHashMap<>();
        chunk.getItems().forEach(org -> markets.put(org.orgId(), org.market()));
        List<String> orgIds = List.copyOf(markets.keySet());
        if (orgIds.isEmpty()) {
            return;
        }
        List<CompetencyResult> tonight = results.on(night, orgIds);
        Map<String, MembershipStanding> standings = standings(orgIds, night);
        Map<String, List<OverrideGrant>> overrides = evidence.overridesOf(orgIds);
        // What last made each level, and what became of it, is read only for the organisations whose
        // conditions name causes: most organisations of most nights have none.
        Set<String> explained = rules.needingCauses(night, standings, tonight, markets, overrides, asOf);
        Map<String, List<LevelMet>> lastMet = load(explained, results::lastMet);
        Set<String> msas = Causes.History.contributingMsas(lastMet);
        Set<String> users = Causes.History.contributingUsers(lastMet);
        Causes.History history = new Causes.History(lastMet, load(msas, links::ofMsas),
                load(users, linkHistory::users), load(msas, evidence::achievementsOf),
                load(explained, ids -> evidence.metricsOf(ids, asOf.ttmStart(), asOf.ttmEnd())), overrides);

        List<AlertCondition> conditions = rules.conditions(night, standings, tonight, markets,
                overrides, new Causes(catalog, asOf, history));
        AlertLedger.Changes changes = AlertLedger.changes(night, alerts.relevantTo(night, orgIds),
                alerts.everRaised(conditions), conditions);
        alerts.apply(changes);
        for (Alert shown : changes.shown()) {
            metrics.alert(shown.type().name(), shown.state().name());
        }
        log.debug("Alerts for {} of {} organisations: {} conditions hold, {} new, {} resolved", night,
                orgIds.size(), conditions.size(), changes.raised().size(), changes.resolved().size());
    }

    /** Where each organisation of the chunk that ever had a membership stands tonight. */
    private Map<String, MembershipStanding> standings(List<String> orgIds, LocalDate night) {
        Map<String, MembershipStanding> standings = new TreeMap<>();
        Map<String, List<MembershipOrder>> byOrg = orders.ofOrganizations(orgIds);
        byOrg.forEach((org, list) -> Memberships.standingOn(list, night).ifPresent(s -> standings.put(org, s)));
        return standings;
    }

    /** Skips the look-up when nothing contributed, so no adapter is asked for an empty {@code IN ()}. */
    private static <V> Map<String, V> load(Collection<String> ids, Function<Collection<String>, Map<String, V>> lookUp) {
        return ids.isEmpty() ? Map.of() : lookUp.apply(ids);
    }
}
