package com.competencyrecon.evaluation;

import com.competencyrecon.catalog.Market;

import java.util.List;

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
}
