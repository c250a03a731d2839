package com.competencyrecon.night;

import com.competencyrecon.alerts.internal.AlertsWriter;
import com.competencyrecon.alerts.internal.JdbcAlerts;
import com.competencyrecon.evaluation.Evidence;
import com.competencyrecon.evaluation.NightEvaluation;
import com.competencyrecon.evaluation.OrgRow;
import com.competencyrecon.evaluation.OrgSnapshots;
import com.competencyrecon.evaluation.Organizations;
import com.competencyrecon.evaluation.Results;
import com.competencyrecon.evaluation.internal.EvaluationWriter;
import com.competencyrecon.membership.MembershipDirectory;
import com.competencyrecon.membership.MembershipOrders;
import com.competencyrecon.ownership.EffectiveLinks;
import com.competencyrecon.ownership.LinkHistory;
import com.competencyrecon.ownership.internal.DeriveOwnershipTasklet;
import com.competencyrecon.plan.internal.PlannedScope;
import com.competencyrecon.reports.internal.WriteReportsTasklet;
import com.competencyrecon.alerts.Alerts;
import com.competencyrecon.ingest.FeedLog;
import com.competencyrecon.system.ReconMetrics;
import com.competencyrecon.system.ReconProperties;
import com.competencyrecon.system.RunLogContext;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;


/**
 * The steps after the plan: effective links, evaluation, alerts, reports. Each step is short: a reader, a call into a feature's core, a writer through the table's owner.
 */
@Configuration
public class DerivationStepsConfig {

    /** Organisations evaluated per transaction: each brings its people, achievements and metrics. */
    private static final int ORGANIZATIONS_PER_CHUNK = 200;

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final ReconProperties properties;
    private final RunLogContext logContext;

    public DerivationStepsConfig(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                 ReconProperties properties, RunLogContext logContext) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.properties = properties;
        this.logContext = logContext;
    }

    @Bean
    public Step deriveOwnership(DeriveOwnershipTasklet deriveOwnershipTasklet) {
        return new StepBuilder("deriveOwnership", jobRepository).tasklet(deriveOwnershipTasklet, transactionManager)
                .listener(logContext).build();
    }

    @Bean @StepScope
    public DeriveOwnershipTasklet deriveOwnershipTasklet(Night night, LinkHistory history, EffectiveLinks links,
                                                         PlannedScope plannedScope) {
        return new DeriveOwnershipTasklet(history, links, plannedScope, night.asOf().countableAt(),
                properties.chunkSize());
    }

    @Bean
    public Step evaluateCompetencies(OrganizationReader organizationReader, EvaluationWriter evaluationWriter,
                                     IngestProgress progress) {
        return organisationStep("evaluateCompetencies", organizationReader, evaluationWriter, progress);
    }

    /** A step over the night's organisations, a chunk of them per transaction. */
    private Step organisationStep(String name, OrganizationReader reader, ItemWriter<OrgRow> writer,
                                  IngestProgress progress) {
        return new StepBuilder(name, jobRepository)
                .<OrgRow, OrgRow>chunk(Math.min(properties.chunkSize(), ORGANIZATIONS_PER_CHUNK))
                .transactionManager(transactionManager)
                .reader(reader).writer(writer).listener(progress).listener(logContext)
                .build();
    }

    @Bean @StepScope
    public OrganizationReader organizationReader(PlannedScope plannedScope, Organizations organizations) {
        return PlanStepsConfig.plannedOrganizations(plannedScope, organizations, ORGANIZATIONS_PER_CHUNK,
                "organizationReader");
    }

    @Bean @StepScope
    public EvaluationWriter evaluationWriter(Night night, EffectiveLinks links, Evidence evidence,
                                             MembershipOrders orders, Results results) {
        return new EvaluationWriter(new NightEvaluation(night.catalog(), night.asOf()), night.asOf(), links, evidence,
                orders, results);
    }

    @Bean
    public Step deriveAlerts(OrganizationReader alertedOrganizationReader, AlertsWriter alertsWriter,
                             IngestProgress progress) {
        return organisationStep("deriveAlerts", alertedOrganizationReader, alertsWriter, progress);
    }

    @Bean @StepScope
    public OrganizationReader alertedOrganizationReader(PlannedScope plannedScope, Organizations organizations) {
        return PlanStepsConfig.plannedOrganizations(plannedScope, organizations, ORGANIZATIONS_PER_CHUNK,
                "alertedOrganizationReader");
    }

    @Bean @StepScope
    public AlertsWriter alertsWriter(Night night, Results results, MembershipOrders orders, EffectiveLinks links,
                                     LinkHistory history, Evidence evidence, JdbcAlerts alerts, ReconMetrics metrics) {
        return new AlertsWriter(night.catalog(), night.asOf(), results, orders, links, history, evidence, alerts,
                metrics);
    }

    @Bean
    public Step writeReports(WriteReportsTasklet writeReportsTasklet) {
        return new StepBuilder("writeReports", jobRepository).tasklet(writeReportsTasklet, transactionManager)
                .listener(logContext).build();
    }

    @Bean @StepScope
    public WriteReportsTasklet writeReportsTasklet(Night night, Results results, Alerts alerts,
                                                   Organizations organizations, FeedLog feeds,
                                                   MembershipDirectory memberships, EffectiveLinks links,
                                                   Evidence evidence) {
        return new WriteReportsTasklet(night.asOf(), night.reportDir(), night.catalog(),
                properties.expiryHorizonDays(), results, alerts, organizations, feeds, memberships,
                properties.organisationPages() ? new OrgSnapshots(links, evidence) : null, jobRepository);
    }
}
