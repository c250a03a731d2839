package com.competencyrecon.night;

import com.competencyrecon.alerts.Alerts;
import com.competencyrecon.evaluation.AsOf;
import com.competencyrecon.evaluation.OrgRow;
import com.competencyrecon.evaluation.Organizations;
import com.competencyrecon.evaluation.Results;
import com.competencyrecon.membership.MembershipOrders;
import com.competencyrecon.ownership.EffectiveLinks;
import com.competencyrecon.plan.ChangeLog;
import com.competencyrecon.plan.NightPlans;
import com.competencyrecon.plan.internal.CarryForwardTasklet;
import com.competencyrecon.plan.internal.PlanNightTasklet;
import com.competencyrecon.plan.internal.PlannedScope;
import com.competencyrecon.system.ReconMetrics;
import com.competencyrecon.system.ReconProperties;
import com.competencyrecon.system.RunLogContext;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.List;
import java.util.function.BiFunction;

/**
 * The steps that make a night's cost follow the delta: {@code planNight} after ingest decides what can have
 * changed, {@code carryForward} after ownership carries the rest forward; and the step-scoped plan the steps
 * between read.
 */
@Configuration
public class PlanStepsConfig {

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final ReconProperties properties;
    private final RunLogContext logContext;

    public PlanStepsConfig(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                           ReconProperties properties, RunLogContext logContext) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.properties = properties;
        this.logContext = logContext;
    }

    @Bean
    public Step planNight(PlanNightTasklet planNightTasklet) {
        return new StepBuilder("planNight", jobRepository).tasklet(planNightTasklet, transactionManager)
                .listener(logContext).build();
    }

    @Bean @StepScope
    public PlanNightTasklet planNightTasklet(Night night, NightPlans plans, ChangeLog changes, EffectiveLinks links,
                                             MembershipOrders orders, Results results) {
        return new PlanNightTasklet(night.businessDate(), night.catalog(), fingerprint(night, properties),
                properties.evaluation() == ReconProperties.Evaluation.FULL,
                date -> AsOf.night(date, properties.zone(), properties.latency()).countableAt(), plans, changes,
                links, orders, results);
    }

    /** What a night's results depend on besides the data: the catalogue's bytes, the zone and the latency. */
    static String fingerprint(Night night, ReconProperties properties) {
        return night.catalogFingerprint() + "|" + properties.zone() + "|" + properties.latency();
    }

    /** The plan of the night, as stored by {@code planNight}: read anew by every step that asks for it. */
    @Bean @StepScope
    public PlannedScope plannedScope(Night night, NightPlans plans) {
        return new PlannedScope(plans.of(night.businessDate()).orElseThrow(() -> new IllegalStateException(
                "the night " + night.businessDate() + " has no plan: planNight runs before this step")),
                plans);
    }

    @Bean
    public Step carryForward(CarryForwardTasklet carryForwardTasklet) {
        return new StepBuilder("carryForward", jobRepository).tasklet(carryForwardTasklet, transactionManager)
                .listener(logContext).build();
    }

    @Bean @StepScope
    public CarryForwardTasklet carryForwardTasklet(PlannedScope plannedScope, Organizations organizations,
                                                   Results results, Alerts alerts, ReconMetrics metrics) {
        // A page of organisations per transaction, as many as ingest takes records.
        return new CarryForwardTasklet(plannedScope, organizations, results, alerts, metrics,
                properties.chunkSize());
    }

    /**
     * The organisations a night evaluates and alerts, all of them or those its plan marks: up to a number of them
     * after an org id, in id order, the pages their readers read.
     */
    static BiFunction<String, Integer, List<OrgRow>> plannedPages(PlannedScope scope, Organizations organizations) {
        if (!scope.incremental()) {
            return organizations::after;
        }
        return (after, limit) -> {
            String from = after;
            while (true) {
                List<String> ids = scope.organisationsAfter(from, limit);
                if (ids.isEmpty()) {
                    return List.<OrgRow>of();
                }
                List<OrgRow> rows = organizations.withIds(ids);
                if (!rows.isEmpty()) {
                    return rows;
                }
                from = ids.get(ids.size() - 1);
            }
        };
    }
}
