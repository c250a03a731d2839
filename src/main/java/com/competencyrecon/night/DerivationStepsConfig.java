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
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;


/**
 * The steps after the plan: effective links, evaluation, alerts, reports. Each step is short: a reader, a call into a feature's core, a writer through the table's owner.
 */
@Configuration
public class DerivationStepsConfig {

    /** Organisations evaluated per transaction: each brings its people, achievements and metrics. */
    private static final int ORGANIZATIONS_PER_CHUNK = 200;

    /** Organisation ids per query while the partitions are cut: only ids are kept, for the cuts. */
    private static final int PARTITIONER_PAGE = 5000;

    private static final String PARTITION_AFTER = "#{stepExecutionContext['" + OrganisationPartitioner.AFTER + "']}";
    private static final String PARTITION_COUNT = "#{stepExecutionContext['" + OrganisationPartitioner.COUNT + "']}";

    /** The run's catalogue, zone and latency, as its manager step resolved them, in the job's execution context. */
    private static final String NIGHT_FINGERPRINT = "night.fingerprint";
    private static final String RUN_FINGERPRINT = "#{jobExecutionContext['" + NIGHT_FINGERPRINT + "']}";

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

    /**
     * Evaluation: the night's organisations split into ranges ({@link OrganisationPartitioner}), each range a
     * partition of its own, run, committed and restarted on its own by {@code evaluateCompetenciesPartition}.
     */
    @Bean
    public Step evaluateCompetencies(Step evaluateCompetenciesPartition, OrganisationPartitioner evaluatedOrganisations,
                                     OrganisationPartitions partitions, IngestProgress progress, Night night) {
        return partitioned("evaluateCompetencies", evaluateCompetenciesPartition, evaluatedOrganisations, partitions,
                progress, night);
    }

    @Bean
    public Step evaluateCompetenciesPartition(OrganizationReader organizationReader, EvaluationWriter evaluationWriter,
                                              IngestProgress progress) {
        return organisationStep("evaluateCompetenciesPartition", organizationReader, evaluationWriter, progress);
    }

    @Bean @StepScope
    public OrganisationPartitioner evaluatedOrganisations(PlannedScope plannedScope, Organizations organizations) {
        return new OrganisationPartitioner(PlanStepsConfig.plannedPages(plannedScope, organizations),
                PARTITIONER_PAGE);
    }

    /** A step split into partitions over the night's organisations; its name is the one the job shows. */
    private Step partitioned(String name, Step worker, OrganisationPartitioner partitioner,
                             OrganisationPartitions partitions, IngestProgress progress, Night night) {
        return new StepBuilder(name, jobRepository)
                .partitioner(name, partitioner)
                .partitionHandler(partitions.handler(worker))
                .listener((StepExecutionListener) progress).listener((StepExecutionListener) logContext)
                .listener(new StepExecutionListener() {
                    @Override
                    public void beforeStep(StepExecution manager) {
                        // For the partitions, wherever they run: what this run's night resolved to.
                        manager.getJobExecution().getExecutionContext().putString(NIGHT_FINGERPRINT,
                                PlanStepsConfig.fingerprint(night, properties));
                        jobRepository.updateExecutionContext(manager.getJobExecution());
                    }
                })
                .build();
    }

    /**
     * A step over a range of the night's organisations, a chunk of them per transaction. Read committed: the
     * partitions write side by side, and MySQL's repeatable read would lock the gaps between the ranges' keys
     * (deleting a night's earlier results that are not there), making neighbouring partitions deadlock.
     */
    private Step organisationStep(String name, OrganizationReader reader, ItemWriter<OrgRow> writer,
                                  IngestProgress progress) {
        DefaultTransactionAttribute readCommitted = new DefaultTransactionAttribute();
        readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        return new StepBuilder(name, jobRepository)
                .<OrgRow, OrgRow>chunk(Math.min(properties.chunkSize(), ORGANIZATIONS_PER_CHUNK))
                .transactionManager(transactionManager)
                .transactionAttribute(readCommitted)
                // The log context first, so its end comes last: the step's last line still names the run and step.
                .reader(reader).writer(writer).listener(logContext).listener(progress)
                .build();
    }

    @Bean @StepScope
    public OrganizationReader organizationReader(PlannedScope plannedScope, Organizations organizations, Night night,
                                                 @Value(PARTITION_AFTER) String after,
                                                 @Value(PARTITION_COUNT) Integer count,
                                                 @Value(RUN_FINGERPRINT) String fingerprint) {
        checkSameNight(night, fingerprint);
        return partitionReader(plannedScope, organizations, "organizationReader", after, count);
    }

    /**
     * Whether the night a partition runs with is the one its run's manager resolved: a worker process that
     * resolves the catalogue to other bytes (a file edited mid-night, another file at that path) or has another zone
     * or latency fails the partition rather than evaluate it by other rules.
     */
    private void checkSameNight(Night night, String fingerprint) {
        if (fingerprint != null && !fingerprint.equals(PlanStepsConfig.fingerprint(night, properties))) {
            throw new IllegalStateException("this process resolves the night " + night.businessDate()
                    + " to another catalogue, zone or latency than the process running the night did: give it the"
                    + " same catalogue file and recon.zone and recon.latency");
        }
    }

    /** The organisations of one partition, as its execution context names them. */
    private static OrganizationReader partitionReader(PlannedScope plannedScope, Organizations organizations,
                                                      String name, String after, Integer count) {
        if (after == null || count == null) {
            throw new IllegalStateException(name + " reads one partition of the night's organisations,"
                    + " and its step's execution context names none");
        }
        return new OrganizationReader(PlanStepsConfig.plannedPages(plannedScope, organizations),
                ORGANIZATIONS_PER_CHUNK, name, after, count);
    }

    @Bean @StepScope
    public EvaluationWriter evaluationWriter(Night night, EffectiveLinks links, Evidence evidence,
                                             MembershipOrders orders, Results results) {
        return new EvaluationWriter(new NightEvaluation(night.catalog(), night.asOf()), night.asOf(), links, evidence,
                orders, results);
    }

    /** Alerts: split as evaluation is, each range a partition run by {@code deriveAlertsPartition}. */
    @Bean
    public Step deriveAlerts(Step deriveAlertsPartition, OrganisationPartitioner alertedOrganisations,
                             OrganisationPartitions partitions, IngestProgress progress, Night night) {
        return partitioned("deriveAlerts", deriveAlertsPartition, alertedOrganisations, partitions, progress, night);
    }

    @Bean
    public Step deriveAlertsPartition(OrganizationReader alertedOrganizationReader, AlertsWriter alertsWriter,
                                      IngestProgress progress) {
        return organisationStep("deriveAlertsPartition", alertedOrganizationReader, alertsWriter, progress);
    }

    @Bean @StepScope
    public OrganisationPartitioner alertedOrganisations(PlannedScope plannedScope, Organizations organizations) {
        return new OrganisationPartitioner(PlanStepsConfig.plannedPages(plannedScope, organizations),
                PARTITIONER_PAGE);
    }

    @Bean @StepScope
    public OrganizationReader alertedOrganizationReader(PlannedScope plannedScope, Organizations organizations,
                                                        Night night, @Value(PARTITION_AFTER) String after,
                                                        @Value(PARTITION_COUNT) Integer count,
                                                        @Value(RUN_FINGERPRINT) String fingerprint) {
        checkSameNight(night, fingerprint);
        return partitionReader(plannedScope, organizations, "alertedOrganizationReader", after, count);
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
