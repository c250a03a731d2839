package com.competencyrecon.operations;

import com.competencyrecon.night.NightParameters;
import com.competencyrecon.night.NightlyJobConfig;
import com.competencyrecon.support.Databases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The lastNight health against a fixed clock: UP after a recent completed night, DOWN when late or failed. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:history;MODE=MySQL;NON_KEYWORDS=VALUE,MONTH,LEVEL,TYPE,LINE,KEY;DB_CLOSE_DELAY=-1",
        "recon.roots=/"})
class LastNightHealthTests {

    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneId.systemDefault());

    @Autowired
    JobRepository jobRepository;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void noHistory() {
        Databases.reset(jdbc);
    }

    private Health health(Duration maxAge) {
        return new LastNightHealthIndicator(jobRepository, maxAge, NOW).health();
    }

    private Health health() {
        return health(Duration.ofHours(26));
    }

    /** A run of the night that ended {@code hoursAgo} before the clock's now, or is still running when null. */
    private void run(String date, BatchStatus status, Integer hoursAgo) {
        JobParameters parameters = new JobParametersBuilder()
                .addString(NightParameters.BUSINESS_DATE, date, true).toJobParameters();
        JobInstance instance = jobRepository.getJobInstance(NightlyJobConfig.JOB_NAME, parameters);
        if (instance == null) {
            instance = jobRepository.createJobInstance(NightlyJobConfig.JOB_NAME, parameters);
        }
        JobExecution execution = jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
        LocalDateTime now = LocalDateTime.now(NOW);
        execution.setStartTime(now.minusHours(hoursAgo == null ? 1 : hoursAgo + 1));
        execution.setStatus(status);
        if (hoursAgo != null) {
            execution.setExitStatus(new ExitStatus(status.name()));
            execution.setEndTime(now.minusHours(hoursAgo));
        }
        jobRepository.update(execution);
    }

    @Test
    void beforeAnyNightThereIsNothingToJudge() {
        assertThat(health().getStatus()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void aNightCompletedWithinTheAgeIsUpWithItsDateAndEnd() {
        run("2026-11-24", BatchStatus.COMPLETED, 25);

        Health health = health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("lastCompletedNight", "2026-11-24")
                .containsEntry("lastCompletedEnded", LocalDateTime.now(NOW).minusHours(25).toString())
                .containsEntry("maxNightAge", "26 hours");
    }

    @Test
    void noNightCompletedWithinTheAgeIsDown() {
        run("2026-11-23", BatchStatus.COMPLETED, 27);

        Health health = health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("reason").toString()).contains("no night completed in the last 26 hours");
        assertThat(health.getDetails()).containsEntry("lastCompletedNight", "2026-11-23");
    }

    @Test
    void theAgeIsConfigurable() {
        run("2026-11-24", BatchStatus.COMPLETED, 2);

        assertThat(health(Duration.ofHours(1)).getStatus()).isEqualTo(Status.DOWN);
        assertThat(health(Duration.ofHours(3)).getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aFailedLatestRunIsDownEvenAfterARecentCompletedNight() {
        run("2026-11-23", BatchStatus.COMPLETED, 20);
        run("2026-11-24", BatchStatus.FAILED, 1);

        Health health = health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("reason").toString()).contains("of the night 2026-11-24 FAILED");
        assertThat(health.getDetails()).containsEntry("lastCompletedNight", "2026-11-23");
    }

    @Test
    void aNightRestartedAfterAFailureThatCompletedIsUp() {
        run("2026-11-24", BatchStatus.FAILED, 3);
        run("2026-11-24", BatchStatus.COMPLETED, 1);

        assertThat(health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aNightRunningNowAfterARecentCompletedOneIsUp() {
        run("2026-11-23", BatchStatus.COMPLETED, 20);
        run("2026-11-24", BatchStatus.STARTED, null);

        Health health = health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("latestStatus", "STARTED");
    }

    @Test
    void runsThatNeverCompletedAreDown() {
        run("2026-11-24", BatchStatus.FAILED, 1);

        assertThat(health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health().getDetails()).containsEntry("reason", "no night has completed");
    }
}
