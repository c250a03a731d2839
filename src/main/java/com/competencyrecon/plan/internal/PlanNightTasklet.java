package com.competencyrecon.plan.internal;

import com.competencyrecon.catalog.Catalog;
import com.competencyrecon.evaluation.Results;
import com.competencyrecon.membership.MembershipOrders;
import com.competencyrecon.ownership.EffectiveLink;
import com.competencyrecon.ownership.EffectiveLinks;
import com.competencyrecon.plan.ChangeLog;
import com.competencyrecon.plan.NightPlan;
import com.competencyrecon.plan.NightPlans;
import com.competencyrecon.plan.Planner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Plans the night: full, or incremental with the MSAs whose links and the organisations whose results can have
 * changed since the previous night. Runs again from the start on a restart (the plan of a night is replaced).
 */
public class PlanNightTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(PlanNightTasklet.class);
    private static final int LOOK_UP = 1000;

    private final LocalDate date;
    private final Catalog catalog;
    private final String fingerprint;
    private final boolean forceFull;
    private final Function<LocalDate, Instant> countableAt;
    private final NightPlans plans;
    private final ChangeLog changes;
    private final EffectiveLinks links;
    private final MembershipOrders orders;
    private final Results results;

    /**
     * @param countableAt the counting instant of a night, under tonight's zone and latency
     */
    public PlanNightTasklet(LocalDate date, Catalog catalog, String fingerprint, boolean forceFull,
                            Function<LocalDate, Instant> countableAt, NightPlans plans, ChangeLog changes,
                            EffectiveLinks links, MembershipOrders orders, Results results) {
        this.date = date;
        this.catalog = catalog;
        this.fingerprint = fingerprint;
        this.forceFull = forceFull;
        this.countableAt = countableAt;
        this.plans = plans;
        this.changes = changes;
        this.links = links;
        this.orders = orders;
        this.results = results;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        NightPlan plan = Planner.plan(date, plans.latestBefore(date), results.nightBefore(date), fingerprint, forceFull,
                catalog);
        plans.save(plan);
        if (!plan.incremental()) {
            log.info("Night {}: every organisation is evaluated ({})", date, plan.reason());
            return RepeatStatus.FINISHED;
        }
        ChangeLog.Window window = new ChangeLog.Window(plan.previous(), date, countableAt.apply(plan.previous()),
                countableAt.apply(date));
        Set<String> msas = changes.msasWithLinkChanges(window);
        plans.markMsas(date, msas);
        Set<String> organisations = new TreeSet<>(changes.organisationsWithChanges(window));
        // An MSA whose link changes leaves its organisation of last night; its new one is marked by ownership.
        organisations.addAll(organisationsOf(msas));
        organisations.addAll(organisationsOf(changes.msasWithAchievementChanges(window)));
        organisations.addAll(Planner.membershipBoundaries(orders.all(), plan.previous(), date));
        plans.markOrganisations(date, organisations);
        contribution.incrementReadCount();
        contribution.incrementWriteCount(organisations.size());
        log.info("Night {} builds on {}: {} MSAs and {} organisations can have changed", date, plan.previous(),
                msas.size(), organisations.size());
        return RepeatStatus.FINISHED;
    }

    private Set<String> organisationsOf(Collection<String> msas) {
        Set<String> found = new TreeSet<>();
        List<String> all = new ArrayList<>(msas);
        for (int i = 0; i < all.size(); i += LOOK_UP) {
            links.ofMsas(all.subList(i, Math.min(all.size(), i + LOOK_UP))).values().stream()
                    .map(EffectiveLink::orgId).forEach(found::add);
        }
        return found;
    }
}
