package com.competencyrecon.operations;

import com.competencyrecon.system.ReconProperties;
import com.competencyrecon.schedule.JobDescriptor;
import com.competencyrecon.schedule.JobDescriptors;
import com.competencyrecon.schedule.Firing;
import com.competencyrecon.schedule.ScheduleRegistrar;
import com.competencyrecon.schedule.FiringLedger;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

/**
 * What operators and analysts do besides starting nights and reading runs ({@link RunHistory}): stop a running
 * night or recover one a crash left behind, list schedules, list and read a night's reports.
 */
@Service
public class OperatorService {

    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final Scheduler scheduler;
    private final ReconProperties properties;
    private final FiringLedger firings;

    public OperatorService(JobRepository jobRepository, JobOperator jobOperator, Scheduler scheduler,
                           ReconProperties properties, FiringLedger firings) {
        this.firings = firings;
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.scheduler = scheduler;
        this.properties = properties;
    }

    /** Asks a running night to stop at its next chunk boundary; it can then be restarted. */
    public String stop(long id) {
        JobExecution execution = execution(id);
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
        JobExecution execution = execution(id);
        if (!execution.isRunning()) {
            throw new IllegalArgumentException("run " + id + " is not left running (" + execution.getStatus() + ")");
        }
        jobOperator.recover(execution);
        return "run " + id + " recovered: " + jobRepository.getJobExecution(id).getStatus()
                + "; start its night again to restart it";
    }

    /**
     * The run {@code id}; refused when there is none. The JDBC job repository answers an unknown id with an
     * exception rather than null, which would otherwise reach the caller as a server error.
     */
    private JobExecution execution(long id) {
        JobExecution execution;
        try {
            execution = jobRepository.getJobExecution(id);
        } catch (org.springframework.dao.EmptyResultDataAccessException e) {
            execution = null;
        }
        if (execution == null) {
            throw new IllegalArgumentException("no run " + id);
        }
        return execution;
    }

    /** The schedules of the descriptors, with the next firing the job store knows of, one line each. */
    public List<String> schedules() {
        return scheduleViews().stream().map(ScheduleView::line).toList();
    }

    /** The latest firings of every schedule, newest first, from the firing ledger: which node ran which night. */
    public List<Firing> firings(int limit) {
        return firings.latest(limit);
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

    /**
     * The files of a night's published report folder: the reports, the workbook and the summary; the folder of
     * organisation pages is reached through the summary's links.
     */
    public List<Path> reports(Path reportDir, LocalDate date) {
        Path folder = reportDir.resolve(date.toString());
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no reports for " + date + " under " + reportDir);
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
