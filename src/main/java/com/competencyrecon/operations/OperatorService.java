package com.competencyrecon.operations;

import com.competencyrecon.system.ReconProperties;
import com.competencyrecon.ingest.Feed;
import com.competencyrecon.ingest.FeedLog;
import com.competencyrecon.night.NightParameters;
import com.competencyrecon.night.NightRunner;
import com.competencyrecon.night.NightlyJobConfig;
import com.competencyrecon.schedule.JobDescriptor;
import com.competencyrecon.schedule.JobDescriptors;
import com.competencyrecon.schedule.ScheduleRegistrar;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What operators and analysts do besides starting nights: list runs and see why one failed, stop a running
 * night or recover one a crash left behind, list schedules, list and read a night's reports.
 */
@Service
public class OperatorService {

    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final FeedLog feeds;
    private final Scheduler scheduler;
    private final ReconProperties properties;

    public OperatorService(JobRepository jobRepository, JobOperator jobOperator, FeedLog feeds,
                           Scheduler scheduler, ReconProperties properties) {
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.feeds = feeds;
        this.scheduler = scheduler;
        this.properties = properties;
    }

    /** Every run, newest first; only those of one business date when it is given. */
    public List<RunView> runs(String businessDate) {
        List<RunView> runs = new ArrayList<>();
        for (JobInstance instance : jobRepository.findJobInstances(NightlyJobConfig.JOB_NAME)) {
            for (JobExecution execution : jobRepository.getJobExecutions(instance)) {
                RunView view = view(execution);
                if (businessDate == null || businessDate.equals(view.businessDate())) {
                    runs.add(view);
                }
            }
        }
        runs.sort(Comparator.comparingLong(RunView::id).reversed());
        return runs;
    }

    public Optional<RunView> run(long id) {
        try {
            return Optional.ofNullable(jobRepository.getJobExecution(id)).map(this::view);
        } catch (org.springframework.dao.EmptyResultDataAccessException e) {
            // The JDBC job repository answers an unknown id with this rather than null.
            return Optional.empty();
        }
    }

    /** Asks a running night to stop at its next chunk boundary; it can then be restarted. */
    public String stop(long id) {
        JobExecution execution = jobRepository.getJobExecution(id);
        if (execution == null) {
            throw new IllegalArgumentException("no run " + id);
        }
        if (!execution.isRunning()) {
            throw new IllegalArgumentException("run " + id + " is not running (" + execution.getStatus() + ")");
        }
        // Only the run's status is changed: the process running it reads it at every commit and stops the step
        // there; touching its step executions from here would make that process's next update fail instead.
        execution.setStatus(BatchStatus.STOPPING);
        jobRepository.update(execution);
        return "run " + id + " asked to stop; it stops at its next chunk boundary and can then be restarted";
    }

    /** Marks a run a crashed process left STARTED as FAILED, so its night can be restarted. */
    public String recover(long id) {
        JobExecution execution = jobRepository.getJobExecution(id);
        if (execution == null) {
            throw new IllegalArgumentException("no run " + id);
        }
        if (!execution.isRunning()) {
            throw new IllegalArgumentException("run " + id + " is not left running (" + execution.getStatus() + ")");
        }
        jobOperator.recover(execution);
        return "run " + id + " recovered: " + jobRepository.getJobExecution(id).getStatus()
                + "; start its night again to restart it";
    }

    /** The schedules of the descriptors, with the next firing the job store knows of, one line each. */
    public List<String> schedules() {
        return scheduleViews().stream().map(ScheduleView::line).toList();
    }

    /** The schedules of the descriptors, with the next firing the job store knows of. */
    public List<ScheduleView> scheduleViews() {
        List<ScheduleView> views = new ArrayList<>();
        for (JobDescriptor d : JobDescriptors.read(Path.of(properties.jobsDir()))) {
            java.time.Instant next = null;
            String state = "not registered yet";
            try {
                Trigger trigger = scheduler.getTrigger(TriggerKey.triggerKey(d.name(), ScheduleRegistrar.GROUP));
                if (trigger != null) {
                    Date fire = trigger.getNextFireTime();
                    next = fire == null ? null : fire.toInstant();
                    state = fire == null ? "no further firing" : "scheduled";
                }
            } catch (SchedulerException e) {
                state = "job store unavailable: " + e.getMessage();
            }
            views.add(new ScheduleView(d.name(), d.job(), d.cron(), d.timeZone().getId(), d.enabled(),
                    d.enabled() ? state : "disabled", d.enabled() ? next : null, d.parameters()));
        }
        return views;
    }

    /** The files of a night's published report folder. */
    public List<Path> reports(Path reportDir, LocalDate date) {
        Path folder = reportDir.resolve(date.toString());
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no reports for " + date + " under " + reportDir);
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RunView view(JobExecution execution) {
        String date = execution.getJobParameters().getString(NightParameters.BUSINESS_DATE);
        List<RunView.StepView> steps = execution.getStepExecutions().stream()
                .sorted(Comparator.comparingLong(StepExecution::getId))
                .map(s -> new RunView.StepView(s.getStepName(), s.getStatus().name(), s.getReadCount(),
                        s.getWriteCount(), s.getSkipCount(), rejected(date, s.getStepName()), s.getStartTime(),
                        s.getEndTime()))
                .toList();
        List<String> failures = execution.getStatus() == BatchStatus.COMPLETED ? List.of()
                : Stream.concat(execution.getAllFailureExceptions().stream().map(NightRunner::rootMessage),
                        Stream.of(execution.getExitStatus().getExitDescription()).filter(d -> d != null && !d.isBlank())
                                .map(OperatorService::firstLineWithoutExceptionType))
                .distinct().toList();
        return new RunView(execution.getId(), date, execution.getStatus().name(),
                execution.getExitStatus().getExitCode(), execution.getStartTime(), execution.getEndTime(), steps,
                failures);
    }

    private Long rejected(String date, String stepName) {
        if (date == null) {
            return null;
        }
        for (Feed feed : Feed.values()) {
            if (feed.stepName().equals(stepName)) {
                FeedLog.Counts counts = feeds.countsOf(LocalDate.parse(date)).get(feed);
                return counts == null ? 0L : counts.rejected();
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
