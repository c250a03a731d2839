package com.competencyrecon.ingest.internal;

import com.competencyrecon.evaluation.Achievement;
import com.competencyrecon.evaluation.Evidence;
import com.competencyrecon.evaluation.MetricValue;
import com.competencyrecon.evaluation.OverrideGrant;
import org.springframework.stereotype.Repository;

import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The evaluation's evidence, read through the adapters that own the three tables it comes from. */
@Repository
public class JdbcEvidence implements Evidence {

    private final JdbcAchievements achievements;
    private final JdbcMetricValues metrics;
    private final JdbcOverrideGrants overrides;

    public JdbcEvidence(JdbcAchievements achievements, JdbcMetricValues metrics, JdbcOverrideGrants overrides) {
        this.achievements = achievements;
        this.metrics = metrics;
        this.overrides = overrides;
    }

    @Override
    public Map<String, List<Achievement>> achievementsOf(Collection<String> msaIds) {
        return achievements.ofMsas(msaIds);
    }

    @Override
    public Map<String, List<MetricValue>> metricsOf(Collection<String> orgIds, YearMonth from, YearMonth to) {
        return metrics.ofOrganizations(orgIds, from, to);
    }

    @Override
    public Map<String, List<OverrideGrant>> overridesOf(Collection<String> orgIds) {
        return overrides.ofOrganizations(orgIds);
    }
}
