package com.competencyrecon.night;

import com.competencyrecon.alerts.AlertsTasklet;
import com.competencyrecon.catalog.Catalog;
import com.competencyrecon.catalog.CatalogService;
import com.competencyrecon.catalog.Market;
import com.competencyrecon.config.ReconProperties;
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

    public NightlyJobConfig(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                            ReconProperties properties, RunLogContext logContext) {
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
    public Step ingestOrganizations(CsvFeedReader organizationsReader, ItemProcessor<CsvRecord, FeedItem> organizationsProcessor,
                                    FeedItemWriter organizationsWriter, IngestProgress progress) {
        return ingestStep(Feed.ORGANIZATIONS, organizationsReader, organizationsProcessor, organizationsWriter, progress);
    }

    @Bean
    public Step ingestUsers(CsvFeedReader usersReader, ItemProcessor<CsvRecord, FeedItem> usersProcessor,
                            FeedItemWriter usersWriter, IngestProgress progress) {
        return ingestStep(Feed.USERS, usersReader, usersProcessor, usersWriter, progress);
    }

    @Bean
    public Step ingestMsaLinks(CsvFeedReader msaLinksReader, ItemProcessor<CsvRecord, FeedItem> msaLinksProcessor,
                               FeedItemWriter msaLinksWriter, IngestProgress progress) {
        return ingestStep(Feed.MSA_LINKS, msaLinksReader, msaLinksProcessor, msaLinksWriter, progress);
    }

    @Bean
    public Step ingestAchievements(CsvFeedReader achievementsReader, ItemProcessor<CsvRecord, FeedItem> achievementsProcessor,
                                   FeedItemWriter achievementsWriter, IngestProgress progress) {
        return ingestStep(Feed.ACHIEVEMENTS, achievementsReader, achievementsProcessor, achievementsWriter, progress);
    }

    @Bean
    public Step ingestMetrics(CsvFeedReader metricsReader, ItemProcessor<CsvRecord, FeedItem> metricsProcessor,
                              FeedItemWriter metricsWriter, IngestProgress progress) {
        return ingestStep(Feed.METRICS, metricsReader, metricsProcessor, metricsWriter, progress);
    }

    @Bean
    public Step ingestMemberships(CsvFeedReader membershipsReader, ItemProcessor<CsvRecord, FeedItem> membershipsProcessor,
                                  FeedItemWriter membershipsWriter, IngestProgress progress) {
        return ingestStep(Feed.MEMBERSHIPS, membershipsReader, membershipsProcessor, membershipsWriter, progress);
    }

    @Bean
    public Step ingestOverrides(CsvFeedReader overridesReader, ItemProcessor<CsvRecord, FeedItem> overridesProcessor,
                                FeedItemWriter overridesWriter, IngestProgress progress) {
        return ingestStep(Feed.OVERRIDES, overridesReader, overridesProcessor, overridesWriter, progress);
    }

    private Step ingestStep(Feed feed, CsvFeedReader reader, ItemProcessor<CsvRecord, FeedItem> processor,
                            FeedItemWriter writer, IngestProgress progress) {
        return new StepBuilder(feed.stepName(), jobRepository).<CsvRecord, FeedItem>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(reader).processor(processor).writer(writer)
                .listener(progress)
                .listener(logContext)
                .build();
    }

    @Bean @StepScope
    public CsvFeedReader organizationsReader(@Value("#{jobParameters['inputDir']}") String inputDir) {
        return reader(Feed.ORGANIZATIONS, inputDir);
    }

    @Bean @StepScope
    public CsvFeedReader usersReader(@Value("#{jobParameters['inputDir']}") String inputDir) {
        return reader(Feed.USERS, inputDir);
    }

    @Bean @StepScope
    public CsvFeedReader msaLinksReader(@Value("#{jobParameters['inputDir']}") String inputDir) {
        return reader(Feed.MSA_LINKS, inputDir);
    }

    @Bean @StepScope
    public CsvFeedReader achievementsReader(@Value("#{jobParameters['inputDir']}") String inputDir) {
        return reader(Feed.ACHIEVEMENTS, inputDir);
    }

    @Bean @StepScope
    public CsvFeedReader metricsReader(@Value("#{jobParameters['inputDir']}") String inputDir) {
        return reader(Feed.METRICS, inputDir);
    }

    @Bean @StepScope
    public CsvFeedReader membershipsReader(@Value("#{jobParameters['inputDir']}") String inputDir) {
        return reader(Feed.MEMBERSHIPS, inputDir);
    }

    @Bean @StepScope
    public CsvFeedReader overridesReader(@Value("#{jobParameters['inputDir']}") String inputDir) {
        return reader(Feed.OVERRIDES, inputDir);
    }

    private static CsvFeedReader reader(Feed feed, String inputDir) {
        return new CsvFeedReader(Path.of(inputDir).resolve(feed.fileName()), feed.fileName(), feed.columns(),
                feed.required());
    }

    @Bean @StepScope
    public ItemProcessor<CsvRecord, FeedItem> organizationsProcessor(FeedParserFactory parsers) {
        return parsers.processor(Feed.ORGANIZATIONS);
    }

    @Bean @StepScope
    public ItemProcessor<CsvRecord, FeedItem> usersProcessor(FeedParserFactory parsers) {
        return parsers.processor(Feed.USERS);
    }

    @Bean @StepScope
    public ItemProcessor<CsvRecord, FeedItem> msaLinksProcessor(FeedParserFactory parsers) {
        return parsers.processor(Feed.MSA_LINKS);
    }

    @Bean @StepScope
    public ItemProcessor<CsvRecord, FeedItem> achievementsProcessor(FeedParserFactory parsers) {
        return parsers.processor(Feed.ACHIEVEMENTS);
    }

    @Bean @StepScope
    public ItemProcessor<CsvRecord, FeedItem> metricsProcessor(FeedParserFactory parsers) {
        return parsers.processor(Feed.METRICS);
    }

    @Bean @StepScope
    public ItemProcessor<CsvRecord, FeedItem> membershipsProcessor(FeedParserFactory parsers) {
        return parsers.processor(Feed.MEMBERSHIPS);
    }

    @Bean @StepScope
    public ItemProcessor<CsvRecord, FeedItem> overridesProcessor(FeedParserFactory parsers) {
        return parsers.processor(Feed.OVERRIDES);
    }

    @Bean @StepScope
    public FeedItemWriter organizationsWriter(FeedParserFactory parsers) {
        return parsers.writer(Feed.ORGANIZATIONS);
    }

    @Bean @StepScope
    public FeedItemWriter usersWriter(FeedParserFactory parsers) {
        return parsers.writer(Feed.USERS);
    }

    @Bean @StepScope
    public FeedItemWriter msaLinksWriter(FeedParserFactory parsers) {
        return parsers.writer(Feed.MSA_LINKS);
    }

    @Bean @StepScope
    public FeedItemWriter achievementsWriter(FeedParserFactory parsers) {
        return parsers.writer(Feed.ACHIEVEMENTS);
    }

    @Bean @StepScope
    public FeedItemWriter metricsWriter(FeedParserFactory parsers) {
        return parsers.writer(Feed.METRICS);
    }

    @Bean @StepScope
    public FeedItemWriter membershipsWriter(FeedParserFactory parsers) {
        return parsers.writer(Feed.MEMBERSHIPS);
    }

    @Bean @StepScope
    public FeedItemWriter overridesWriter(FeedParserFactory parsers) {
        return parsers.writer(Feed.OVERRIDES);
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
                Path.of(reportDir), properties.expiryHorizonDays());
    }
}
