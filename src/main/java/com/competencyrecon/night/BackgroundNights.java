package com.competencyrecon.night;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Nights started over the API run on threads of their own. A job operator whose executor is such a thread
 * creates the run (the job execution) on the caller's thread and returns it at once; the night then runs on
 * its thread, which does the launch's last act when the night ends (releasing the run lock).
 */
final class BackgroundNights {

    private final JobRepository jobRepository;
    private final ObservationRegistry observations;
    private final SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("night-");

    BackgroundNights(JobRepository jobRepository, ObservationRegistry observations) {
        this.jobRepository = jobRepository;
        this.observations = observations;
    }

    /**
     * A job operator like the application's whose one run executes on a thread of its own and then calls
     * {@code afterwards}; {@code handedOver} tells whether the run got that far (if not, the caller cleans up).
     */
    JobOperator operator(Runnable afterwards, AtomicBoolean handedOver) {
        TaskExecutor inBackground = job -> {
            threads.execute(() -> {
                try {
                    job.run();
                } finally {
                    afterwards.run();
                }
            });
            // Only once the thread exists: a thread that could not be started never calls afterwards.
            handedOver.set(true);
        };
        TaskExecutorJobOperator operator = new TaskExecutorJobOperator();
        operator.setJobRepository(jobRepository);
        // Nights are started with the Job itself, never looked up by name: an empty registry will do.
        operator.setJobRegistry(new MapJobRegistry());
        operator.setTaskExecutor(inBackground);
        operator.setObservationRegistry(observations);
        try {
            operator.afterPropertiesSet();
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up the job operator: " + e.getMessage(), e);
        }
        return operator;
    }
}
