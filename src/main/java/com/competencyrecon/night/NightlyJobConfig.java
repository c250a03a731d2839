package com.competencyrecon.night;

import com.competencyrecon.catalog.internal.CatalogService;
import com.competencyrecon.system.ParameterNames;
import com.competencyrecon.notify.NightEndNotifier;
import com.competencyrecon.system.RunLogContext;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The job {@code nightlyReconciliation}: the seven feeds in their order ({@link IngestStepsConfig}), the night's
 * plan, effective links, the carrying forward of what cannot have changed ({@link PlanStepsConfig}), then
 * evaluation, alerts and reports ({@link DerivationStepsConfig}). Every step and reader is a
 * bean with its own name, under which its restart state is saved.
 */
@Configuration
public class NightlyJobConfig {

    public static final String JOB_NAME = "nightlyReconciliation";

    /** What every step of one job execution shares, the catalogue included: resolved once per execution. */
    @Bean @JobScope
    public Night night(@Value("#{jobParameters['" + ParameterNames.BUSINESS_DATE + "']}") String businessDate,
                       @Value("#{jobParameters['" + ParameterNames.INPUT_DIR + "']}") String inputDir,
                       @Value("#{jobParameters['" + ParameterNames.REPORT_DIR + "']}") String reportDir,
                       @Value("#{jobParameters['" + ParameterNames.CATALOG + "']}") String catalog,
                       CatalogService catalogs, NightClock clock) {
        LocalDate date = LocalDate.parse(businessDate);
        return new Night(date, Path.of(inputDir), Path.of(reportDir), catalogs.resolve(catalog), clock.asOf(date),
                clock.cutoff(date));
    }

    @Bean
    public Job nightlyReconciliation(JobRepository jobRepository, Step ingestOrganizations, Step ingestUsers,
                                     Step ingestMsaLinks, Step ingestAchievements, Step ingestMetrics,
                                     Step ingestMemberships, Step ingestOverrides, Step planNight,
                                     Step deriveOwnership, Step carryForward, Step evaluateCompetencies,
                                     Step deriveAlerts, Step writeReports,
                                     NightParametersValidator validator, RunLogContext logContext,
                                     NightEndNotifier notifier, RunningNights running) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(validator)
                .listener(logContext)
                // After the log context, so its end runs first: the notice is logged in the run's own lines.
                .listener(notifier)
                .listener(running)
                .start(ingestOrganizations).next(ingestUsers).next(ingestMsaLinks).next(ingestAchievements)
                .next(ingestMetrics).next(ingestMemberships).next(ingestOverrides)
                .next(planNight).next(deriveOwnership).next(carryForward).next(evaluateCompetencies)
                .next(deriveAlerts).next(writeReports)
                .build();
    }
}
