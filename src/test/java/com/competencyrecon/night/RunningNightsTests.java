package com.competencyrecon.night;

import com.competencyrecon.system.ReconProperties;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** What a process asked to end does with its nights: stop them, wait for them (bounded), start none. */
class RunningNightsTests {

    private final JobRepository repository = mock(JobRepository.class);

    private RunningNights nights(String wait) {
        ReconProperties properties = new Binder(new MapConfigurationPropertySource(Map.of("recon.shutdown-wait", wait)))
                .bindOrCreate("recon", Bindable.of(ReconProperties.class));
        RunningNights nights = new RunningNights(repository, properties);
        nights.start();
        return nights;
    }

    private static JobExecution execution(long id, BatchStatus status) {
        JobExecution execution = new JobExecution(id, new JobInstance(1L, NightlyJobConfig.JOB_NAME),
                new JobParametersBuilder().addString(NightParameters.BUSINESS_DATE, "2026-11-24").toJobParameters());
        execution.setStatus(status);
        return execution;
    }

    @Test
    void stoppingAsksThisProcesssRunToStopAndWaitsUntilItsNightHasEnded() throws Exception {
        RunningNights nights = nights("10s");
        Optional<AutoCloseable> start = nights.enter();
        nights.beforeJob(execution(7, BatchStatus.STARTED));
        when(repository.getJobExecution(7L)).thenReturn(execution(7, BatchStatus.STARTED));
        AtomicReference<BatchStatus> stored = new AtomicReference<>();
        doAnswer(call -> {
            stored.set(call.<JobExecution>getArgument(0).getStatus());
            // The night reads the status at its next commit and ends a moment later.
            new Thread(() -> {
                sleep(300);
                close(start.orElseThrow());
            }).start();
            return null;
        }).when(repository).update(any(JobExecution.class));

        long began = System.nanoTime();
        nights.stop();

        assertThat(stored.get()).as("the status stored for the run").isEqualTo(BatchStatus.STOPPING);
        assertThat(Duration.ofNanos(System.nanoTime() - began)).as("stop waited for the night to end")
                .isGreaterThanOrEqualTo(Duration.ofMillis(250)).isLessThan(Duration.ofSeconds(5));
        assertThat(nights.closing()).isTrue();
        assertThat(nights.isRunning()).isFalse();
    }

    @Test
    void aNightThatDoesNotStopIsWaitedForNoLongerThanTheSetting() {
        RunningNights nights = nights("300ms");
        nights.enter();

        long began = System.nanoTime();
        nights.stop();

        assertThat(Duration.ofNanos(System.nanoTime() - began)).isBetween(Duration.ofMillis(250), Duration.ofSeconds(3));
    }

    @Test
    void noNightStartsOnceTheProcessIsEndingAndOneCreatedMeanwhileStopsBeforeItsFirstStep() {
        RunningNights nights = nights("1s");
        nights.stop();

        assertThat(nights.enter()).isEmpty();
        JobExecution late = execution(8, BatchStatus.STARTED);
        nights.beforeJob(late);
        assertThat(late.getStatus()).isEqualTo(BatchStatus.STOPPING);
    }

    /** Spring's test framework pauses a cached context (stops its lifecycles) and starts it again when reused. */
    @Test
    void aContextStartedAgainAfterAStopTakesNightsAgain() {
        RunningNights nights = nights("1s");
        nights.stop();
        nights.start();

        assertThat(nights.closing()).isFalse();
        assertThat(nights.enter()).isPresent();
        JobExecution next = execution(10, BatchStatus.STARTED);
        nights.beforeJob(next);
        assertThat(next.getStatus()).isEqualTo(BatchStatus.STARTED);
    }

    @Test
    void aRunThatHasEndedOrIsAlreadyStoppingIsLeftAsItIs() {
        RunningNights nights = nights("1s");
        nights.beforeJob(execution(9, BatchStatus.STARTED));
        when(repository.getJobExecution(9L)).thenReturn(execution(9, BatchStatus.STOPPING));

        nights.stop();

        verify(repository, never()).update(any(JobExecution.class));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void close(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
