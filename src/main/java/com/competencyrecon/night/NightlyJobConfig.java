package com.competencyrecon.night;

import com.competencyrecon.system.RunLogContext;
import com.competencyrecon.system.ReconMetrics;
import com.competencyrecon.catalog.Catalog;
import com.competencyrecon.catalog.internal.CatalogService;
import com.competencyrecon.system.ReconProperties;
import com.competencyrecon.ingest.Feed;
import com.competencyrecon.ingest.FeedItem;
import com.competencyrecon.ingest.FeedItemWriter;
import com.competencyrecon.ingest.FeedParser;
import com.competencyrecon.ingest.FeedStore;
import com.competencyrecon.ingest.csv.CsvFeedReader;
import com.competencyrecon.ingest.csv.CsvRecord;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

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
}
