package com.competencyrecon.night;

import com.competencyrecon.system.RunLogContext;
import com.competencyrecon.system.ReconMetrics;
import com.competencyrecon.alerts.AlertsTasklet;
import com.competencyrecon.catalog.Catalog;
import com.competencyrecon.catalog.CatalogService;
import com.competencyrecon.catalog.Market;
import com.competencyrecon.system.ReconProperties;
import com.competencyrecon.evaluation.EvaluationWriter;
import com.competencyrecon.evaluation.OrgRow;
import com.competencyrecon.ingest.Feed;
import com.competencyrecon.ingest.FeedItem;
import com.competencyrecon.ingest.FeedItemWriter;
import com.competencyrecon.ingest.FeedParser;
import com.competencyrecon.ingest.FeedStore;
import com.competencyrecon.ingest.csv.CsvFeedReader;
import com.competencyrecon.ingest.csv.CsvRecord;
import com.competencyrecon.membership.MembershipDirectory;
import com.competencyrecon.ownership.EffectiveLinkTasklet;
import com.competencyrecon.reports.ReportsTasklet;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
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

    // --- ingest: one step, reader and processor per feed -------------------------------------------------

    @Bean
    public Step ingestOrganizations(IngestParts parts, IngestProgress progress) {
        return ingestStep(Feed.ORGANIZATIONS, parts, progress);
    }

    @Bean
    public Step ingestUsers(IngestParts parts, IngestProgress progress) {
        return ingestStep(Feed.USERS, parts, progress);
    }

    @Bean
    public Step ingestMsaLinks(IngestParts parts, IngestProgress progress) {
        return ingestStep(Feed.MSA_LINKS, parts, progress);
    }

    @Bean
    public Step ingestAchievements(IngestParts parts, IngestProgress progress) {
        return ingestStep(Feed.ACHIEVEMENTS, parts, progress);
    }

    @Bean
    public Step ingestMetrics(IngestParts parts, IngestProgress progress) {
        return ingestStep(Feed.METRICS, parts, progress);
    }

    @Bean
    public Step ingestMemberships(IngestParts parts, IngestProgress progress) {
        return ingestStep(Feed.MEMBERSHIPS, parts, progress);
    }

    @Bean
    public Step ingestOverrides(IngestParts parts, IngestProgress progress) {
        return ingestStep(Feed.OVERRIDES, parts, progress);
    }

    private Step ingestStep(Feed feed, IngestParts parts, IngestProgress progress) {
        FeedCountListener feedCounts = new FeedCountListener(jdbc);
        return new StepBuilder(feed.stepName(), jobRepository).<CsvRecord, FeedItem>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(parts.feedReader).processor(parts.feedProcessor).writer(parts.feedWriter)
                .listener(progress)
                .listener(logContext)
                .listener(feedCounts)
                .build();
    }

    /**
     * The step-scoped reader, processor and writer shared by the seven ingest steps: each step execution gets
     * its own, for the feed its step ingests. The reader saves its restart state under the feed's file name.
     */
    public record IngestParts(CsvFeedReader feedReader, ItemProcessor<CsvRecord, FeedItem> feedProcessor,
                              FeedItemWriter feedWriter) {
    }

    @Bean
    public IngestParts ingestParts(CsvFeedReader feedReader, ItemProcessor<CsvRecord, FeedItem> feedProcessor,
                                   FeedItemWriter feedWriter) {
        return new IngestParts(feedReader, feedProcessor, feedWriter);
    }

    @Bean @StepScope
    public CsvFeedReader feedReader(@Value("#{jobParameters['inputDir']}") String inputDir,
                                    @Value("#{stepExecution.stepName}") String stepName) {
        Feed feed = Feed.byStepName(stepName);
        return new CsvFeedReader(Path.of(inputDir).resolve(feed.fileName()), feed.fileName(), feed.columns(),
                feed.required());
    }

    @Bean @StepScope
    public ItemProcessor<CsvRecord, FeedItem> feedProcessor(@Value("#{stepExecution.stepName}") String stepName,
                                                             FeedParserFactory parsers) {
        return parsers.processor(Feed.byStepName(stepName));
    }

    @Bean @StepScope
    public FeedItemWriter feedWriter(@Value("#{stepExecution.stepName}") String stepName, FeedParserFactory parsers) {
        return parsers.writer(Feed.byStepName(stepName));
    }

    /** Builds a night's parsers and writers from its job parameters. */
    @Bean @StepScope
    public FeedParserFactory feedParserFactory(@Value("#{jobParameters['businessDate']}") String businessDate,
                                               @Value("#{jobParameters['catalog']}") String catalog,
                                               CatalogService catalogs, NightClock clock, FeedStore store,
                                               NamedParameterJdbcTemplate jdbc, ReconMetrics metrics) {
        LocalDate date = LocalDate.parse(businessDate);
        Catalog forRun = catalogs.forRun(catalog);
        return new FeedParserFactory() {
            public ItemProcessor<CsvRecord, FeedItem> processor(Feed feed) {
                FeedParser parser = new FeedParser(feed, date, clock.cutoff(date), properties.zone(), forRun);
                return parser::parse;
            }

            public FeedItemWriter writer(Feed feed) {
                return new FeedItemWriter(feed, date, store, jdbc, properties.rejectLimit(), metrics);
            }
        };
    }

    public interface FeedParserFactory {
        ItemProcessor<CsvRecord, FeedItem> processor(Feed feed);

        FeedItemWriter writer(Feed feed);
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
