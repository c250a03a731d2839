package com.competencyrecon.reports.internal;

import com.competencyrecon.alerts.Alert;
import com.competencyrecon.alerts.Alerts;
import com.competencyrecon.catalog.Catalog;
import com.competencyrecon.evaluation.AsOf;
import com.competencyrecon.evaluation.OrgSnapshots;
import com.competencyrecon.evaluation.Organizations;
import com.competencyrecon.evaluation.Results;
import com.competencyrecon.ingest.Feed;
import com.competencyrecon.ingest.FeedLog;
import com.competencyrecon.membership.MembershipDirectory;
import com.competencyrecon.membership.MembershipStanding;
import com.competencyrecon.reports.NightWorkbook;
import com.competencyrecon.reports.PageNames;
import com.competencyrecon.reports.NightReports;
import com.competencyrecon.reports.PublishedFolder;
import com.competencyrecon.reports.Summary;
import com.competencyrecon.system.Partitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the night's reports into a staging folder, reading every row through the table's owner, and
 * publishes it as {@code <reportDir>/<date>} only when all are written: the CSV reports, the workbook holding
 * them as sheets, the organisation pages and the summary.
 */
public class WriteReportsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(WriteReportsTasklet.class);

    private final LocalDate date;
    private final Path reportDir;
    private final Catalog catalog;
    private final int horizonDays;
    private final Results results;
    private final Alerts alerts;
    private final Organizations organizations;
    private final FeedLog feeds;
    private final MembershipDirectory memberships;
    private final JobRepository jobRepository;
    private final OrganisationPagesWriter pages;

    public WriteReportsTasklet(AsOf asOf, Path reportDir, Catalog catalog, int horizonDays, Results results,
                               Alerts alerts, Organizations organizations, FeedLog feeds,
                               MembershipDirectory memberships, OrgSnapshots snapshots, JobRepository jobRepository) {
        this.date = asOf.businessDate();
        this.reportDir = reportDir;
        this.catalog = catalog;
        this.horizonDays = horizonDays;
        this.results = results;
        this.alerts = alerts;
        this.organizations = organizations;
        this.feeds = feeds;
        this.memberships = memberships;
        this.jobRepository = jobRepository;
        // Without snapshots to explain them from, no organisation pages (recon.organisation-pages).
        this.pages = snapshots == null ? null : new OrganisationPagesWriter(catalog, asOf, organizations, results,
                snapshots);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext)
            throws IOException, JobInterruptedException {
        Path staged = PublishedFolder.staging(reportDir, date.toString());
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        long pageCount;
        try (NightWorkbook workbook = new NightWorkbook()) {
            Map<String, MembershipStanding> standings = memberships.standingsOn(date);
            NightReports reports = new NightReports(date, catalog, organizations.names(), standings, horizonDays,
                    workbook);
            reports.writeResults(staged, each -> results.forEachOn(date, each));
            List<Alert> shown = alerts.shownOn(date);
            reports.writeAlerts(staged, shown);
            reports.writeRejects(staged, each -> feeds.rejectsOf(date, each));
            List<String> files = new ArrayList<>(NightReports.CSV_FILES);
            files.add(reports.writeWorkbook(staged));
            pageCount = pages == null ? 0 : pages.write(staged, standings);
            if (pages != null) {
                files.add(PageNames.INDEX);
            }
            Optional<LocalDate> earlier = results.nightBefore(date);
            int[] total = {0};
            List<Summary.Change> changes = earlier.map(e -> reports.changes(each -> results.changesSince(date, e, each),
                    total)).orElse(List.of());
            reports.writeSummary(staged, new Summary(date, files, feedLines(), earlier, changes, total[0], shown,
                    reports.levelCounts(), finishedSteps(step),
                    new Summary.Writer(step.getJobExecution().getId(), step.getStepName())));
            if (askedToStop(step)) {
                // A night asked to stop (the stop command, SIGTERM) publishes nothing; its restart writes it all again.
                PublishedFolder.deleteTree(staged);
                throw new JobInterruptedException("the night was asked to stop before its reports were published");
            }
            PublishedFolder.publish(staged, reportDir.resolve(date.toString()));
        } catch (RuntimeException | IOException e) {
            PublishedFolder.deleteTree(staged);
            throw e;
        }
        contribution.incrementWriteCount(NightReports.CSV_FILES.size() + 2 + pageCount);
        log.info("Reports for {} published in {} ({} organisation pages)", date, reportDir.resolve(date.toString()),
                pageCount);
        return RepeatStatus.FINISHED;
    }

    /** The run's status as stored: a stop asked by another thread or process is seen there, not in memory. */
    private boolean askedToStop(StepExecution step) {
        JobExecution stored = jobRepository.getJobExecution(step.getJobExecutionId());
        return stored != null && (stored.getStatus() == BatchStatus.STOPPING || stored.getStatus() == BatchStatus.STOPPED);
    }

    private List<Summary.FeedLine> feedLines() {
        Map<Feed, FeedLog.Counts> counts = feeds.countsOf(date);
        Map<Feed, List<FeedLog.ReasonCount>> reasons = feeds.reasonsOf(date);
        List<Summary.FeedLine> lines = new ArrayList<>();
        for (Feed feed : Feed.values()) {
            FeedLog.Counts c = counts.get(feed);
            List<String> top = reasons.getOrDefault(feed, List.of()).stream().limit(3)
                    .map(r -> r.reason().name() + " (" + r.count() + ")").toList();
            lines.add(c == null ? new Summary.FeedLine(feed.fileName(), false, 0, 0, 0, List.of())
                    : new Summary.FeedLine(feed.fileName(), true, c.read(), c.applied(), c.rejected(), top));
        }
        return lines;
    }

    /**
     * The latest execution of each step of the night, across a failed run and its restarts, in start order, less
     * the step writing the reports: it has not finished while it writes them.
     */
    private List<Summary.StepLine> finishedSteps(StepExecution current) {
        Map<String, StepExecution> latest = new LinkedHashMap<>();
        List<JobExecution> runs = new ArrayList<>(jobRepository.getJobExecutions(current.getJobExecution().getJobInstance()));
        runs.sort(Comparator.comparing(JobExecution::getId));
        for (JobExecution run : runs) {
            Collection<StepExecution> steps = run.getId() == current.getJobExecution().getId()
                    ? current.getJobExecution().getStepExecutions() : run.getStepExecutions();
            for (StepExecution step : steps) {
                latest.put(step.getStepName(), step);
            }
        }
        latest.remove(current.getStepName());
        // The night's steps, not their partitions: a partitioned step's line adds its partitions' counts up.
        latest.keySet().removeIf(Partitions::isPartition);
        return latest.values().stream().sorted(Comparator.comparing(StepExecution::getId)).map(s -> {
            LocalDateTime start = s.getStartTime();
            long millis = start == null || s.getEndTime() == null ? 0 : Duration.between(start, s.getEndTime()).toMillis();
            return new Summary.StepLine(s.getStepName(), s.getStatus().name(), s.getReadCount(), s.getWriteCount(),
                    millis);
        }).toList();
    }
}
