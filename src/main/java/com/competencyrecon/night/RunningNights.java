package com.competencyrecon.night;

import com.competencyrecon.system.ReconProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The nights this process is running, and their clean stop when the process is asked to end (SIGTERM, or any
 * close of the application). Spring Boot's shutdown hook closes the application while a night's thread is still
 * running; stopped last-in-first-out by phase, this lifecycle stops before any bean is destroyed: it refuses new
 * nights, asks every night of this process to stop (the status STOPPING, which the night reads at its next
 * chunk commit, as with the {@code stop} command) and waits, at most {@code recon.shutdown-wait}, for them to
 * end STOPPED. Only then are the data source and the job repository closed. Nights of other processes on the
 * same database are not touched.
 */
@Component
public class RunningNights implements SmartLifecycle, JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RunningNights.class);

    /** Before the scheduler's standby and the web server's graceful shutdown: nothing the night needs is gone yet. */
    static final int PHASE = Integer.MAX_VALUE - 1;

    private final JobRepository jobRepository;
    private final Duration wait;
    private final Set<Long> executions = ConcurrentHashMap.newKeySet();
    private final Object monitor = new Object();
    private int starts;
    private volatile boolean running;
    private volatile boolean closing;

    public RunningNights(JobRepository jobRepository, ReconProperties properties) {
        this.jobRepository = jobRepository;
        this.wait = properties.shutdownWait();
    }

    /**
     * Enters a start of a night: held from the checks until the night has ended and its end is stored. Empty
     * once the process is ending: no night starts then.
     */
    Optional<AutoCloseable> enter() {
        synchronized (monitor) {
            if (closing) {
                return Optional.empty();
            }
            starts++;
        }
        java.util.concurrent.atomic.AtomicBoolean left = new java.util.concurrent.atomic.AtomicBoolean();
        return Optional.of(() -> {
            if (left.compareAndSet(false, true)) {
                synchronized (monitor) {
                    starts--;
                    monitor.notifyAll();
                }
            }
        });
    }

    /** Whether the process is ending: its nights are being stopped and no new one starts. */
    public boolean closing() {
        return closing;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        executions.add(execution.getId());
        if (closing) {
            // Created while the process was being asked to end: it stops before its first step.
            execution.setStatus(BatchStatus.STOPPING);
        }
    }

    @Override
    public void afterJob(JobExecution execution) {
        executions.remove(execution.getId());
    }

    /**
     * Takes nights (again): a context stopped and started again without closing (a restart of its lifecycle, the
     * test framework's pausing of a cached context) is not ending.
     */
    @Override
    public void start() {
        synchronized (monitor) {
            closing = false;
        }
        running = true;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    @Override
    public void stop() {
        synchronized (monitor) {
            closing = true;
        }
        running = false;
        for (Long id : Set.copyOf(executions)) {
            requestStop(id);
        }
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (monitor) {
            while (starts > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    log.error("The process is ending and {} night(s) did not stop within {} (recon.shutdown-wait); "
                            + "a night left running is recovered by the next start of its date", starts, wait);
                    return;
                }
                try {
                    monitor.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** As the {@code stop} command does: only the run's status, which its step reads at its next commit. */
    private void requestStop(long id) {
        JobExecution stored = jobRepository.getJobExecution(id);
        if (stored == null || !stored.isRunning() || stored.getStatus() == BatchStatus.STOPPING) {
            return;
        }
        log.warn("The process is ending: asking run {} of {} to stop at its next chunk (waiting up to {})", id,
                stored.getJobParameters().getString(NightParameters.BUSINESS_DATE), wait);
        stored.setStatus(BatchStatus.STOPPING);
        jobRepository.update(stored);
    }
}
