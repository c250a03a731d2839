package com.competencyrecon.night;

import com.competencyrecon.catalog.CatalogException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Starts one night: refuses a date that already COMPLETED, restarts one that FAILED or was STOPPED from where
 * it stopped (with the parameters of this call), and first recovers a run a crash left STARTED or a lost database
 * left UNKNOWN. Long because both ways in, on the caller's thread and in the background, share the checks,
 * the lock and the recovery, and side by side they stay alike.
 */
@Service
public class NightRunner {

    private static final Logger log = LoggerFactory.getLogger(NightRunner.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job nightlyReconciliation;
    private final NightParametersValidator validator;
    private final RunLock runLock;
    private final BackgroundNights background;
    private final NightOrder order;
    private final RunningNights running;

    public NightRunner(JobOperator jobOperator, JobRepository jobRepository, Job nightlyReconciliation,
                       NightParametersValidator validator, RunLock runLock, RunningNights running,
                       ObjectProvider<ObservationRegistry> observations) {
        this.runLock = runLock;
        this.running = running;
        this.background = new BackgroundNights(jobRepository, observations.getIfAvailable(() -> ObservationRegistry.NOOP));
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.nightlyReconciliation = nightlyReconciliation;
        this.validator = validator;
        this.order = new NightOrder(jobRepository);
    }

    /** The outcome of a call: the execution when one ran, or why the call was refused. */
    public record Outcome(JobExecution execution, Refusal refusal) {

        public boolean completed() {
            return execution != null && execution.getStatus() == BatchStatus.COMPLETED;
        }
    }

    /** The message of the innermost cause: the one that says what went wrong, not where it was caught. */
    public static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** Why a call would be refused now, or null when it would start (or restart) its night. */
    public Refusal refusal(String businessDate, String inputDir, String reportDir, String catalog) {
        return check(businessDate, inputDir, reportDir, catalog).refusal();
    }

    /** A call's resolved night and the last run of its date, or why the call is refused. */
    private record Checked(NightParameters night, JobExecution last, Refusal refusal) {
    }

    /** The checks every start makes: parameters, a date already completed, then date order. */
    private Checked check(String businessDate, String inputDir, String reportDir, String catalog) {
        NightParameters night;
        try {
            night = validator.resolve(businessDate, inputDir, reportDir, catalog);
        } catch (IllegalArgumentException | CatalogException e) {
            return new Checked(null, null, new Refusal(Refusal.Reason.BAD_PARAMETERS, e.getMessage()));
        }
        JobExecution last = lastRun(night.businessDate());
        Refusal completed = completedRefusal(night.businessDate(), last);
        return new Checked(night, last, completed != null ? completed : order.refusal(night.businessDate()));
    }

    /**
     * The refusal a call for {@code date} would get because the night already COMPLETED, or null when it has
     * not: a range of nights skips those without looking at their parameters (their folders may be gone).
     */
    public Refusal alreadyCompleted(LocalDate date) {
        return completedRefusal(date, lastRun(date));
    }

    private JobExecution lastRun(LocalDate date) {
        return jobRepository.getLastJobExecution(NightlyJobConfig.JOB_NAME, identifying(date));
    }

    private static Refusal completedRefusal(LocalDate date, JobExecution last) {
        if (last == null || last.getStatus() != BatchStatus.COMPLETED) {
            return null;
        }
        return new Refusal(Refusal.Reason.ALREADY_COMPLETED, "the night " + date + " already COMPLETED (run "
                + last.getId() + " ended " + last.getEndTime() + "); a completed night is not run again");
    }

    /** Runs the night on this thread and answers when it has ended (the command line's one-night run). */
    public Outcome run(String businessDate, String inputDir, String reportDir, String catalog) {
        Optional<AutoCloseable> entry = running.enter();
        if (entry.isEmpty()) {
            return shuttingDown();
        }
        try {
            Optional<AutoCloseable> lock = runLock.tryAcquire();
            if (lock.isEmpty()) {
                return anotherRunning();
            }
            try {
                return runLocked(businessDate, inputDir, reportDir, catalog, night -> jobOperator);
            } finally {
                release(lock.get());
            }
        } finally {
            release(entry.get());
        }
    }

    /**
     * Starts the night and answers as soon as its run exists, while the night runs on a thread of its own. The
     * checks, the run lock and the run's creation all happen before answering, so the caller is given either
     * the run (its id, to follow it) or the refusal, and no other start can slip in between the checks and the
     * run. The thread running the night releases the lock when the night ends.
     */
    public Outcome launch(String businessDate, String inputDir, String reportDir, String catalog) {
        Optional<AutoCloseable> entry = running.enter();
        if (entry.isEmpty()) {
            return shuttingDown();
        }
        Optional<AutoCloseable> lock = runLock.tryAcquire();
        if (lock.isEmpty()) {
            release(entry.get());
            return anotherRunning();
        }
        AtomicBoolean handedOver = new AtomicBoolean();
        try {
            return runLocked(businessDate, inputDir, reportDir, catalog, night -> background.operator(() -> {
                try {
                    ended(night, lastRun(night.businessDate()));
                } finally {
                    release(lock.get());
                    release(entry.get());
                }
            }, handedOver));
        } finally {
            if (!handedOver.get()) {
                release(lock.get());
                release(entry.get());
            }
        }
    }

    private static Outcome shuttingDown() {
        return new Outcome(null, new Refusal(Refusal.Reason.SHUTTING_DOWN,
                "the process is ending: its running nights are being stopped and no night starts now"));
    }

    private static Outcome anotherRunning() {
        return new Outcome(null, new Refusal(Refusal.Reason.ANOTHER_RUNNING,
                "another night is running on this database; try again when it has ended"));
    }

    private static void release(AutoCloseable lock) {
        try {
            lock.close();
        } catch (Exception e) {
            log.error("Could not release the run lock: {}", e.getMessage(), e);
        }
    }

    private Outcome runLocked(String businessDate, String inputDir, String reportDir, String catalog,
                              Function<NightParameters, JobOperator> operatorFor) {
        Checked checked = check(businessDate, inputDir, reportDir, catalog);
        if (checked.refusal() != null) {
            return new Outcome(null, checked.refusal());
        }
        NightParameters night = checked.night();
        JobExecution last = checked.last();
        if (last != null) {
            switch (last.getStatus()) {
                case STARTING, STARTED, STOPPING -> {
                    log.warn("The run {} of {} was left {} by a stopped process; recovering it before restarting",
                            last.getId(), night.businessDate(), last.getStatus());
                    jobOperator.recover(last);
                }
                case UNKNOWN -> {
                    log.warn("The run {} of {} ended UNKNOWN (a commit whose outcome it could not learn, such as when"
                            + " the database went away); restarting it from what the database holds",
                            last.getId(), night.businessDate());
                    DatabaseLoss.failUnknownRun(jobRepository, last.getId());
                }
                default -> log.info("The night {} last ended {}; restarting it from where it stopped",
                        night.businessDate(), last.getStatus());
            }
        }
        JobParametersBuilder parameters = new JobParametersBuilder(identifying(night.businessDate()))
                .addString(NightParameters.INPUT_DIR, night.inputDir().toString(), false)
                .addString(NightParameters.REPORT_DIR, night.reportDir().toString(), false);
        if (night.catalog() != null) {
            parameters.addString(NightParameters.CATALOG, night.catalog(), false);
        }
        try {
            JobExecution execution = operatorFor.apply(night).start(nightlyReconciliation, parameters.toJobParameters());
            if (execution.isRunning()) {
                log.info("The night {} started as run {}", night.businessDate(), execution.getId());
            } else {
                ended(night, execution);
            }
            return new Outcome(execution, null);
        } catch (Exception e) {
            if (DatabaseLoss.causedBy(e)) {
                return new Outcome(null, new Refusal(Refusal.Reason.NOT_STARTED, "the night " + night.businessDate()
                        + " lost its database (" + rootMessage(e) + "); nothing was published. Run the same night"
                        + " again once the database is back: a run left running is recovered and restarted"));
            }
            return new Outcome(null, new Refusal(Refusal.Reason.NOT_STARTED,
                    "the night " + night.businessDate() + " could not start: " + e.getMessage()));
        }
    }

    /** The parameter that identifies a night's job instance: its business date. */
    private static JobParameters identifying(LocalDate date) {
        return new JobParametersBuilder().addString(NightParameters.BUSINESS_DATE, date.toString(), true)
                .toJobParameters();
    }

    /** Logs how a night ended. */
    private static void ended(NightParameters night, JobExecution execution) {
        if (execution == null) {
            return;
        }
        // UNKNOWN: a commit whose outcome the night could not learn, which only a lost connection does.
        if (execution.getStatus() == BatchStatus.UNKNOWN || execution.getStatus() != BatchStatus.COMPLETED
                && execution.getAllFailureExceptions().stream().anyMatch(DatabaseLoss::causedBy)) {
            log.error("The night {} ended {}: the database could not be reached ({}); nothing was published."
                            + " Run the same night again once the database is back: it restarts from its last commit",
                    night.businessDate(), execution.getStatus(), execution.getAllFailureExceptions().stream()
                            .map(NightRunner::rootMessage).distinct().collect(Collectors.joining("; ")));
        } else if (execution.getStatus() != BatchStatus.COMPLETED) {
            log.error("The night {} ended {}: {}", night.businessDate(), execution.getStatus(),
                    execution.getAllFailureExceptions().stream().map(NightRunner::rootMessage).distinct()
                            .collect(Collectors.joining("; ")));
        } else {
            log.info("The night {} COMPLETED; reports in {}", night.businessDate(),
                    night.reportDir().resolve(night.businessDate().toString()));
        }
    }
}
