package com.competencyrecon.operations;

import com.competencyrecon.night.NightParameters;
import com.competencyrecon.night.NightlyJobConfig;
import com.competencyrecon.system.ReconProperties;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The {@code lastNight} health: DOWN when the latest run FAILED, or when no night COMPLETED within
 * {@code recon.health.max-night-age} (default 26 hours: a nightly schedule plus a margin for a long night);
 * UP otherwise, with the last completed night and when it ended. Before any night has run there is nothing to
 * judge (UNKNOWN), so a new installation is not reported broken. Reads the history from its newest end only.
 */
@Component
public class LastNightHealthIndicator implements HealthIndicator {

    private static final int PAGE = 5;

    private final JobRepository jobRepository;
    private final Duration maxAge;
    private final Clock clock;

    @Autowired
    public LastNightHealthIndicator(JobRepository jobRepository, ReconProperties properties) {
        this(jobRepository, properties.health().maxNightAge(), Clock.systemDefaultZone());
    }

    /** @param clock in the zone the job repository's local times are written in (the JVM's) */
    LastNightHealthIndicator(JobRepository jobRepository, Duration maxAge, Clock clock) {
        this.jobRepository = jobRepository;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    public Health health() {
        JobExecution latest = null;
        for (int start = 0; ; start += PAGE) {
            List<JobInstance> instances = jobRepository.getJobInstances(NightlyJobConfig.JOB_NAME, start, PAGE);
            for (JobInstance instance : instances) {
                JobExecution last = jobRepository.getLastJobExecution(instance);
                if (last == null) {
                    continue;
                }
                if (latest == null) {
                    latest = last;
                }
                if (last.getStatus() == BatchStatus.COMPLETED) {
                    return judge(latest, last);
                }
            }
            if (instances.size() < PAGE) {
                break;
            }
        }
        return latest == null
                ? Health.unknown().withDetail("reason", "no night has run yet").build()
                : Health.down().withDetail("reason", "no night has completed").withDetail("latestRun", latest.getId())
                .withDetail("latestStatus", latest.getStatus().name()).build();
    }

    private Health judge(JobExecution latest, JobExecution completed) {
        LocalDateTime ended = completed.getEndTime();
        Health.Builder health = Health.up();
        if (latest.getStatus() == BatchStatus.FAILED) {
            health = Health.down().withDetail("reason", "the latest run " + latest.getId() + " of the night "
                    + date(latest) + " FAILED");
        } else if (ended == null || ended.isBefore(LocalDateTime.now(clock).minus(maxAge))) {
            health = Health.down().withDetail("reason", "no night completed in the last " + spoken(maxAge)
                    + " (recon.health.max-night-age)");
        }
        return health.withDetail("lastCompletedNight", date(completed))
                .withDetail("lastCompletedEnded", String.valueOf(ended))
                .withDetail("latestRun", latest.getId())
                .withDetail("latestStatus", latest.getStatus().name())
                .withDetail("maxNightAge", spoken(maxAge)).build();
    }

    private static String spoken(Duration age) {
        return age.toMinutesPart() == 0 && age.toSecondsPart() == 0 ? age.toHours() + " hours"
                : age.toMinutes() + " minutes";
    }

    private static String date(JobExecution execution) {
        return execution.getJobParameters().getString(NightParameters.BUSINESS_DATE);
    }
}
