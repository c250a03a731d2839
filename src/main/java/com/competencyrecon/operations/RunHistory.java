package com.competencyrecon.operations;

import com.competencyrecon.ingest.Feed;
import com.competencyrecon.ingest.FeedLog;
import com.competencyrecon.night.NightParameters;
import com.competencyrecon.night.NightRunner;
import com.competencyrecon.night.NightlyJobConfig;
import com.competencyrecon.system.Partitions;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.NoSuchJobException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The runs of the nights as operators read them, a page of nights at a time: the history grows every night, so
 * a listing reads only the job instances of its page (the repository's paged query) and their executions, and
 * a night's feed counts once for all its steps.
 */
@Component
public class RunHistory {

    /** The most nights one page may ask for. */
    public static final int MAX_PAGE_SIZE = 100;

    private final JobRepository jobRepository;
    private final FeedLog feeds;

    public RunHistory(JobRepository jobRepository, FeedLog feeds) {
        this.jobRepository = jobRepository;
        this.feeds = feeds;
    }

    /**
     * One page of the history, newest night first.
     *
     * @param runs        the runs of the page's nights, newest first
     * @param page        the page, from 0
     * @param size        nights per page
     * @param totalNights every night that has a run
     */
    public record Page(List<RunView> runs, int page, int size, long totalNights) {

        public boolean hasNext() {
            return (long) (page + 1) * size < totalNights;
        }
    }

    /**
     * The runs of {@code size} nights, newest night first, skipping {@code page * size} nights; with a business
     * date, the runs of that night alone (one page).
     *
     * @throws IllegalArgumentException for a malformed date or a page or size out of range
     */
    public Page page(String businessDate, int page, int size) {
        if (page < 0) {
            throw new IllegalArgumentException("page " + page + " is not a page: pages count from 0");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("size " + size + " is out of range: a page holds 1 to " + MAX_PAGE_SIZE
                    + " nights");
        }
        if (businessDate != null) {
            List<RunView> runs = page == 0 ? night(date(businessDate)) : List.of();
            return new Page(runs, page, size, runs.isEmpty() ? 0 : 1);
        }
        List<RunView> runs = new ArrayList<>();
        Map<LocalDate, Map<Feed, FeedLog.Counts>> counts = new HashMap<>();
        for (JobInstance instance : jobRepository.getJobInstances(NightlyJobConfig.JOB_NAME, page * size, size)) {
            jobRepository.getJobExecutions(instance).forEach(e -> runs.add(view(e, counts)));
        }
        runs.sort(Comparator.comparingLong(RunView::id).reversed());
        return new Page(runs, page, size, totalNights());
    }

    public Optional<RunView> run(long id) {
        try {
            return Optional.ofNullable(jobRepository.getJobExecution(id)).map(e -> view(e, new HashMap<>()));
        } catch (org.springframework.dao.EmptyResultDataAccessException e) {
            // The JDBC job repository answers an unknown id with this rather than null.
            return Optional.empty();
        }
    }

    private List<RunView> night(LocalDate date) {
        JobInstance instance = jobRepository.getJobInstance(NightlyJobConfig.JOB_NAME, new JobParametersBuilder()
                .addString(NightParameters.BUSINESS_DATE, date.toString(), true).toJobParameters());
        if (instance == null) {
            return List.of();
        }
        Map<LocalDate, Map<Feed, FeedLog.Counts>> counts = new HashMap<>();
        return jobRepository.getJobExecutions(instance).stream().map(e -> view(e, counts))
                .sorted(Comparator.comparingLong(RunView::id).reversed()).toList();
    }

    private long totalNights() {
        try {
            return jobRepository.getJobInstanceCount(NightlyJobConfig.JOB_NAME);
        } catch (NoSuchJobException e) {
            return 0;
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("businessDate '" + text + "' is not a date of the form YYYY-MM-DD");
        }
    }

    private RunView view(JobExecution execution, Map<LocalDate, Map<Feed, FeedLog.Counts>> counts) {
        String date = execution.getJobParameters().getString(NightParameters.BUSINESS_DATE);
        // A partitioned step's counts are its partitions' added up: while it runs too, so they follow its progress.
        Map<String, long[]> partitioned = new HashMap<>();
        execution.getStepExecutions().stream().filter(s -> Partitions.isPartition(s.getStepName())).forEach(s -> {
            long[] sum = partitioned.computeIfAbsent(s.getStepName().substring(0,
                    s.getStepName().indexOf(Partitions.SEPARATOR)), name -> new long[3]);
            sum[0] += s.getReadCount();
            sum[1] += s.getWriteCount();
            sum[2] += s.getSkipCount();
        });
        List<RunView.StepView> steps = execution.getStepExecutions().stream()
                .filter(s -> !Partitions.isPartition(s.getStepName()))
                .sorted(Comparator.comparingLong(StepExecution::getId))
                .map(s -> {
                    long[] sum = partitioned.getOrDefault(s.getStepName(),
                            new long[]{s.getReadCount(), s.getWriteCount(), s.getSkipCount()});
                    return new RunView.StepView(s.getStepName(), s.getStatus().name(), sum[0], sum[1], sum[2],
                            rejected(date, s.getStepName(), counts), s.getStartTime(), s.getEndTime());
                })
                .toList();
        List<String> failures = execution.getStatus() == BatchStatus.COMPLETED ? List.of()
                : Stream.concat(execution.getAllFailureExceptions().stream().map(NightRunner::rootMessage),
                        Stream.of(execution.getExitStatus().getExitDescription()).filter(d -> d != null && !d.isBlank())
                                .map(RunHistory::firstLineWithoutExceptionType))
                .distinct().toList();
        return new RunView(execution.getId(), date, execution.getStatus().name(),
                execution.getExitStatus().getExitCode(), execution.getStartTime(), execution.getEndTime(), steps,
                failures);
    }

    /** A feed step's rejects that night; the night's counts are read once, whatever the number of its steps. */
    private Long rejected(String date, String stepName, Map<LocalDate, Map<Feed, FeedLog.Counts>> counts) {
        if (date == null) {
            return null;
        }
        for (Feed feed : Feed.values()) {
            if (feed.stepName().equals(stepName)) {
                FeedLog.Counts c = counts.computeIfAbsent(LocalDate.parse(date), feeds::countsOf).get(feed);
                return c == null ? 0L : c.rejected();
            }
        }
        return null;
    }

    /** The stored exit description's first line, without the exception's class name in front of its message. */
    static String firstLineWithoutExceptionType(String description) {
        String first = description.lines().findFirst().orElse(description);
        return first.replaceFirst("^[\\w.$]+(Exception|Error): ", "");
    }
}
