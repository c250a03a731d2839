package com.competencyrecon.evaluation;

import com.competencyrecon.ownership.EffectiveLink;
import com.competencyrecon.ownership.EffectiveLinks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads what a batch of organisations' evaluations read, with one query per kind: the evaluation step and the
 * report pages that explain its results read the same inputs the same way.
 */
public final class OrgSnapshots {

    private final EffectiveLinks links;
    private final Evidence evidence;

    public OrgSnapshots(EffectiveLinks links, Evidence evidence) {
        this.links = links;
        this.evidence = evidence;
    }

    /** The snapshots of {@code orgs}, in their order. */
    public Map<String, OrgSnapshot> of(List<OrgRow> orgs, AsOf asOf) {
        List<String> orgIds = orgs.stream().map(OrgRow::orgId).toList();
        Map<String, List<EffectiveLink>> people = links.ofOrganizations(orgIds);
        List<String> msas = people.values().stream().flatMap(List::stream).map(EffectiveLink::msaId).toList();
        Map<String, List<Achievement>> achievements = evidence.achievementsOf(msas);
        Map<String, List<MetricValue>> metrics = evidence.metricsOf(orgIds, asOf.ttmStart(), asOf.ttmEnd());
        Map<String, List<OverrideGrant>> overrides = evidence.overridesOf(orgIds);
        Map<String, OrgSnapshot> snapshots = new LinkedHashMap<>();
        for (OrgRow org : orgs) {
            List<EffectiveLink> linked = people.getOrDefault(org.orgId(), List.of());
            snapshots.put(org.orgId(), new OrgSnapshot(org.orgId(), org.market(),
                    linked.stream().map(l -> new Person(l.msaId(), l.userId())).toList(),
                    linked.stream().flatMap(l -> achievements.getOrDefault(l.msaId(), List.of()).stream()).toList(),
                    metrics.getOrDefault(org.orgId(), List.of()), overrides.getOrDefault(org.orgId(), List.of())));
        }
        return snapshots;
    }
}
