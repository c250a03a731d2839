package com.competencyrecon.plan.internal;

import com.competencyrecon.ownership.DerivationScope;
import com.competencyrecon.ownership.EffectiveLink;
import com.competencyrecon.plan.NightPlan;
import com.competencyrecon.plan.NightPlans;

import java.util.List;

/** The MSAs and organisations a night's plan marks, as the steps after it read them. */
public class PlannedScope implements DerivationScope {

    private final NightPlan plan;
    private final NightPlans plans;

    public PlannedScope(NightPlan plan, NightPlans plans) {
        this.plan = plan;
        this.plans = plans;
    }

    public boolean incremental() {
        return plan.incremental();
    }

    @Override
    public boolean everyMsa() {
        return !plan.incremental();
    }

    @Override
    public List<String> msasAfter(String after, int limit) {
        return plans.msasAfter(plan.date(), after, limit);
    }

    @Override
    public void derived(List<EffectiveLink> links) {
        plans.markOrganisations(plan.date(), links.stream().map(EffectiveLink::orgId).distinct().toList());
    }

    /** For an incremental night: up to {@code limit} marked organisations after {@code after}. */
    public List<String> organisationsAfter(String after, int limit) {
        return plans.organisationsAfter(plan.date(), after, limit);
    }

    /** For an incremental night: of the given organisations, those it evaluates again. */
    public List<String> markedAmong(List<String> orgIds) {
        return plans.markedAmong(plan.date(), orgIds);
    }

    public NightPlan plan() {
        return plan;
    }
}
