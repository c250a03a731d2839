package com.competencyrecon.evaluation;

import com.competencyrecon.catalog.Market;

import java.util.List;
import java.util.Map;

/**
 * Everything one organisation's evaluation reads: its people (MSAs effectively linked at the counting
 * instant), their achievements, its metrics and its overrides. One organisation's evaluation needs nothing
 * of any other's.
 */
public record OrgSnapshot(String orgId, Market market, List<Person> people, List<Achievement> achievements,
                          List<MetricValue> metrics, List<OverrideGrant> overrides) {

    public OrgSnapshot {
        people = List.copyOf(people);
        achievements = List.copyOf(achievements);
        metrics = List.copyOf(metrics);
        overrides = List.copyOf(overrides);
    }

    /** The snapshot of an organisation, with the achievements of its people taken from those loaded by MSA. */
    public static OrgSnapshot of(OrgRow org, List<Person> people, Map<String, List<Achievement>> achievementsByMsa,
                                 List<MetricValue> metrics, List<OverrideGrant> overrides) {
        return new OrgSnapshot(org.orgId(), org.market(), people,
                people.stream().flatMap(p -> achievementsByMsa.getOrDefault(p.msaId(), List.of()).stream()).toList(),
                metrics, overrides);
    }
}
