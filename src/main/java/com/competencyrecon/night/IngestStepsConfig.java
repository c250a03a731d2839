package com.competencyrecon.night;

import com.competencyrecon.catalog.Catalog;
import com.competencyrecon.ingest.Feed;
import com.competencyrecon.ingest.FeedItem;
import com.competencyrecon.ingest.FeedLog;
import com.competencyrecon.ingest.FeedLookups;
import com.competencyrecon.ingest.FeedNight;
import com.competencyrecon.ingest.FeedParser;
import com.competencyrecon.ingest.FeedSpec;
import com.competencyrecon.ingest.FeedStore;
import com.competencyrecon.ingest.feeds.FeedSpecs;
import com.competencyrecon.ingest.internal.FeedItemWriter;
import com.competencyrecon.ingest.internal.JdbcFeedLog;
import com.competencyrecon.ingest.internal.JdbcFeedStore;
import com.competencyrecon.ingest.internal.CsvFeedReader;
import com.competencyrecon.system.ReconMetrics;
import com.competencyrecon.system.ReconProperties;
import com.competencyrecon.system.RunLogContext;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The seven ingest steps of {@code nightlyReconciliation}, one per feed, and the step-scoped reader, processor
 * and writer they share. Every step and step-scoped part keeps its bean name: its restart state is saved under it.
 */
@Configuration
public class IngestStepsConfig {

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final ReconProperties properties;
    private final RunLogContext logContext;
    private final FeedLog feedLog;
    private final JdbcFeedStore tables;

    public IngestStepsConfig(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             ReconProperties properties, RunLogContext logContext, FeedLog feedLog,
                             JdbcFeedStore tables) {
        this.jobRepository = jobRepository;
        this.tables = tables;
        this.transactionManager = transactionManager;
        this.properties = properties;
        this.logContext = logContext;
        this.feedLog = feedLog;
    }

    @Bean
    public Step ingestOrganizations(IngestParts parts, IngestProgress progress) {
        return ingestStep(Feed.ORGANIZATIONS, parts, progress, new FeedHeadersCheck());
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

    private Step ingestStep(Feed feed, IngestParts parts, IngestProgress progress,
                            StepExecutionListener... checks) {
        // A chunk is one transaction and what a restart does again: a staging slice where the feed loads in bulk.
        var step = new StepBuilder(feed.stepName(), jobRepository).<FeedItem<?>, FeedItem<?>>chunk(tables.chunkSize(feed))
                .transactionManager(transactionManager)
                .reader(parts.feedReader).writer(anyFeed(parts.feedWriter))
                .listener(progress)
                .listener(logContext);
        for (StepExecutionListener listener : checks) {
            step.listener(listener);
        }
        return step.listener(new FeedCountListener(feedLog)).build();
    }

    /**
     * The shared writer, typed for the items of any feed: each step execution's writer gets only the items its
     * own parser made, of its feed's row type.
     */
    @SuppressWarnings("unchecked")
    private static ItemWriter<FeedItem<?>> anyFeed(FeedItemWriter<?> writer) {
        return (ItemWriter<FeedItem<?>>) (ItemWriter<?>) writer;
    }

    /**
     * The step-scoped reader and writer shared by the seven ingest steps: each step execution gets its own, for
     * the feed its step ingests. The reader saves its restart state under the feed's file name.
     */
    public record IngestParts(CsvFeedReader<FeedItem<?>> feedReader, FeedItemWriter<?> feedWriter) {
    }

    @Bean
    public IngestParts ingestParts(CsvFeedReader<FeedItem<?>> feedReader, FeedItemWriter<?> feedWriter) {
        return new IngestParts(feedReader, feedWriter);
    }

    /**
     * Reads and parses the step's feed one chunk ahead of the writer, on a thread of its own, so a chunk's
     * parsing overlaps the previous chunk's database work.
     */
    @Bean @StepScope
    public CsvFeedReader<FeedItem<?>> feedReader(@Value("#{jobParameters['inputDir']}") String inputDir,
                                                 @Value("#{stepExecution.stepName}") String stepName,
                                                 FeedSpecFactory specs) {
        Feed feed = Feed.byStepName(stepName);
        FeedSpec.Layout header = FeedSpecs.header(feed);
        FeedParser<?> parser = new FeedParser<>(specs.of(feed));
        return new CsvFeedReader<>(Path.of(inputDir).resolve(feed.fileName()), feed.fileName(), header.columns(),
                header.required(), parser::parse, tables.chunkSize(feed));
    }

    @Bean @StepScope
    public FeedItemWriter<?> feedWriter(@Value("#{stepExecution.stepName}") String stepName, FeedSpecFactory specs,
                                        @Value("#{jobParameters['businessDate']}") String businessDate,
                                        FeedStore store, FeedLookups lookups, JdbcFeedLog feedLog,
                                        ReconMetrics metrics) {
        return writer(specs.of(Feed.byStepName(stepName)), LocalDate.parse(businessDate), store, lookups, feedLog,
                metrics);
    }

    private <R> FeedItemWriter<R> writer(FeedSpec<R> spec, LocalDate date, FeedStore store, FeedLookups lookups,
                                         JdbcFeedLog feedLog, ReconMetrics metrics) {
        return new FeedItemWriter<>(spec, date, store, lookups, feedLog, properties.rejectLimit(), metrics);
    }

    /**
     * The feeds' specs for a night, over the night's one catalogue. Made when a step first parses or writes a
     * record.
     */
    @Bean @StepScope
    public FeedSpecFactory feedParserFactory(Night night) {
        FeedNight feedNight = new FeedNight(night.businessDate(), night.cutoff(), properties.zone());
        Catalog catalog = night.catalog();
        return feed -> FeedSpecs.of(feed, feedNight, catalog);
    }

    public interface FeedSpecFactory {
        FeedSpec<?> of(Feed feed);
    }
}
