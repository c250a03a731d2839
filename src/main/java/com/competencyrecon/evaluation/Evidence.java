package com.competencyrecon.evaluation;

import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** What organisations and their people delivered: achievements, metrics and overrides, as ingest stored them. */
public interface Evidence {

    /** The achievements of the given MSAs, by MSA. */
    Map<String, List<Achievement>> achievementsOf(Collection<String> msaIds);

    /** The monthly figures of the given organisations from {@code from} to {@code to} inclusive, by organisation. */
    Map<String, List<MetricValue>> metricsOf(Collection<String> orgIds, YearMonth from, YearMonth to);

    /** Every override of the given organisations, by organisation. */
    Map<String, List<OverrideGrant>> overridesOf(Collection<String> orgIds);
}
