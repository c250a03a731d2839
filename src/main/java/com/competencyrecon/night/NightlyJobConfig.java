package com.competencyrecon.night;

import com.competencyrecon.system.RunLogContext;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The job {@code nightlyReconciliation}: the seven feeds in their order ({@link IngestStepsConfig}), the night's
 * plan, effective links, the carrying forward of what cannot have changed ({@link PlanStepsConfig}), then
 * evaluation, alerts and reports ({@link DerivationStepsConfig}). Every step and reader is a
 * bean with its own name, under which its restart state is saved.
 */
@Configuration
public class NightlyJobConfig {

    public static final String JOB_NAME = "nightlyReconciliation";

    @Bean
    public Job nightlyReconciliation(JobRepository jobRepository, Step ingestOrganizations, Step ingestUsers,
                                     Step ingestMsaLinks, Step ingestAchievements, Step ingestMetrics,
                                     Step ingestMemberships, Step ingestOverrides, Step planNight,
                                     Step deriveOwnership, Step carryForward, Step evaluateCompetencies,
                                     Step deriveAlerts, Step writeReports,
                                     NightParametersValidator validator, RunLogContext logContext) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(validator)
                .listener(logContext)
                .start(ingestOrganizations).next(ingestUsers).next(ingestMsaLinks).next(ingestAchievements)
                .next(ingestMetrics).next(ingestMemberships).next(ingestOverrides)
                .next(planNight).next(deriveOwnership).next(carryForward).next(evaluateCompetencies)
                .next(deriveAlerts).next(writeReports)
                .build();
    }
}
