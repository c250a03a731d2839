package com.competencyrecon.night;

import com.competencyrecon.system.RunLogContext;
import com.competencyrecon.system.ReconMetrics;
import com.competencyrecon.alerts.AlertsTasklet;
import com.competencyrecon.catalog.CatalogService;
import com.competencyrecon.catalog.Market;
import com.competencyrecon.system.ReconProperties;
import com.competencyrecon.evaluation.EvaluationWriter;
import com.competencyrecon.evaluation.OrgRow;
import com.competencyrecon.membership.MembershipDirectory;
import com.competencyrecon.ownership.EffectiveLinkTasklet;
import com.competencyrecon.reports.ReportsTasklet;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The job {@code nightlyReconciliation}: the seven feeds in their order, effective links, evaluation, alerts,
 * reports. Every step and reader is a bean with its own name, under which its restart state is saved.
 */
@Configuration
public class NightlyJobConfig {

    public static final String JOB_NAME = "nightlyReconciliation";

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final ReconProperties properties;
    private final RunLogContext logContext;
    private final NamedParameterJdbcTemplate jdbc;

    public NightlyJobConfig(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                            ReconProperties properties, RunLogContext logContext, NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.properties = properties;
        this.logContext = logContext;
    }

    @Bean
    public Job nightlyReconciliation(Step ingestOrganizations, Step ingestUsers, Step ingestMsaLinks,
                                     Step ingestAchievements, Step ingestMetrics, Step ingestMemberships,
                                     Step ingestOverrides, Step deriveOwnership, Step evaluateCompetencies,
                                     Step deriveAlerts, Step writeReports, NightParametersValidator validator,
                                     RunLogContext logContext) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(validator)
                .listener(logContext)
                .start(ingestOrganizations).next(ingestUsers).next(ingestMsaLinks).next(ingestAchievements)
                .next(ingestMetrics).next(ingestMemberships).next(ingestOverrides)
                .next(deriveOwnership).next(evaluateCompetencies).next(deriveAlerts).next(writeReports)
                .build();
    }

    // --- ownership, evaluation, alerts, reports ---------------------------------------------------------

    @Bean
    public Step deriveOwnership(EffectiveLinkTasklet effectiveLinkTasklet) {
        return new StepBuilder("deriveOwnership", jobRepository).tasklet(effectiveLinkTasklet, transactionManager)
                .listener(logContext).build();
    }

    @Bean @StepScope
    public EffectiveLinkTasklet effectiveLinkTasklet(@Value("#{jobParameters['businessDate']}") String businessDate,
                                                     NightClock clock, NamedParameterJdbcTemplate jdbc) {
        return new EffectiveLinkTasklet(jdbc, clock.asOf(LocalDate.parse(businessDate)).countableAt());
    }

    @Bean
    public Step evaluateCompetencies(JdbcCursorItemReader<OrgRow> organizationReader, EvaluationWriter evaluationWriter,
                                     IngestProgress progress) {
        return new StepBuilder("evaluateCompetencies", jobRepository).<OrgRow, OrgRow>chunk(Math.min(properties.chunkSize(), 200))
                .transactionManager(transactionManager)
                .reader(organizationReader).writer(evaluationWriter).listener(progress).listener(logContext)
                .build();
    }

    @Bean @StepScope
    public JdbcCursorItemReader<OrgRow> organizationReader(DataSource dataSource) {
        return new JdbcCursorItemReaderBuilder<OrgRow>().name("organizationReader").dataSource(dataSource)
                .sql("SELECT org_id, name, market FROM organization ORDER BY org_id")
                .rowMapper((rs, i) -> new OrgRow(rs.getString("org_id"), rs.getString("name"),
                        Market.valueOf(rs.getString("market"))))
                .build();
    }

    @Bean @StepScope
    public EvaluationWriter evaluationWriter(@Value("#{jobParameters['businessDate']}") String businessDate,
                                             @Value("#{jobParameters['catalog']}") String catalog,
                                             CatalogService catalogs, NightClock clock, NamedParameterJdbcTemplate jdbc) {
        return new EvaluationWriter(jdbc, catalogs.forRun(catalog), clock.asOf(LocalDate.parse(businessDate)));
    }

    @Bean
    public Step deriveAlerts(AlertsTasklet alertsTasklet) {
        return new StepBuilder("deriveAlerts", jobRepository).tasklet(alertsTasklet, transactionManager)
                .listener(logContext).build();
    }

    @Bean @StepScope
    public AlertsTasklet alertsTasklet(@Value("#{jobParameters['businessDate']}") String businessDate,
                                       @Value("#{jobParameters['catalog']}") String catalog,
                                       CatalogService catalogs, NightClock clock, NamedParameterJdbcTemplate jdbc,
                                       MembershipDirectory memberships, ReconMetrics metrics) {
        return new AlertsTasklet(jdbc, memberships, catalogs.forRun(catalog), clock.asOf(LocalDate.parse(businessDate)),
                metrics);
    }

    @Bean
    public Step writeReports(ReportsTasklet reportsTasklet) {
        return new StepBuilder("writeReports", jobRepository).tasklet(reportsTasklet, transactionManager)
                .listener(logContext).build();
    }

    @Bean @StepScope
    public ReportsTasklet reportsTasklet(@Value("#{jobParameters['businessDate']}") String businessDate,
                                         @Value("#{jobParameters['reportDir']}") String reportDir,
                                         @Value("#{jobParameters['catalog']}") String catalog,
                                         CatalogService catalogs, NamedParameterJdbcTemplate jdbc,
                                         MembershipDirectory memberships) {
        return new ReportsTasklet(jdbc, memberships, catalogs.forRun(catalog), LocalDate.parse(businessDate),
                Path.of(reportDir), properties.expiryHorizonDays(), jobRepository);
    }
}
