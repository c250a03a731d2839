package com.competencyrecon.catalog;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * The trailing-twelve-month sum of {@code metric} over {@code associations} is at least the threshold of the
 * organisation's market. {@code atLeast} holds an entry for every market.
 */
public record MetricRequirement(String metric, Map<Market, BigDecimal> atLeast, Set<Association> associations)
        implements Requirement {

    public MetricRequirement {
        atLeast = Map.copyOf(atLeast);
        associations = Set.copyOf(associations);
    }

    public BigDecimal thresholdFor(Market market) {
        return atLeast.get(market);
    }
}
