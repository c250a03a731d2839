package com.competencyrecon.night;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;

import java.time.LocalDate;
import java.util.List;

/** The date-order check every start of a night makes. */
final class NightOrder {

    /** Instances read at a time; the first one with a run decides. */
    private static final int ORDER_CHECK_PAGE = 5;

    private final JobRepository jobRepository;

    NightOrder(JobRepository jobRepository) {
        this.jobRepository = jobRepository;
    }

    /**
     * Nights build on each other, so they run in date order: a night is refused when a later night has already
     * run, or while an earlier night has runs but has not completed (restart that one first). Since every start
     * is checked so, the newest night with a run is the latest date and every night before it completed: that
     * night alone decides, and the history is read from its newest end, a few instances at a time, only as far
     * as the first instance that has a run.
     */
    Refusal refusal(LocalDate date) {
        for (int start = 0; ; start += ORDER_CHECK_PAGE) {
            List<JobInstance> instances = jobRepository.getJobInstances(NightlyJobConfig.JOB_NAME, start,
                    ORDER_CHECK_PAGE);
            for (JobInstance instance : instances) {
                JobExecution last = jobRepository.getLastJobExecution(instance);
                String other = last == null ? null : last.getJobParameters().getString(NightParameters.BUSINESS_DATE);
                if (other == null) {
                    continue;
                }
                return outOfOrder(date, LocalDate.parse(other), last);
            }
            if (instances.size() < ORDER_CHECK_PAGE) {
                return null;
            }
        }
    }

    private static Refusal outOfOrder(LocalDate date, LocalDate newest, JobExecution last) {
        if (newest.isAfter(date)) {
            return new Refusal(Refusal.Reason.OUT_OF_ORDER, "the later night " + newest
                    + " has already run; nights build on each other and run in date order, so " + date
                    + " cannot run after it");
        }
        if (newest.isBefore(date) && last.getStatus() != BatchStatus.COMPLETED) {
            return new Refusal(Refusal.Reason.OUT_OF_ORDER, "the earlier night " + newest
                    + " has not completed (its last run ended " + last.getStatus()
                    + "); nights build on each other, so run " + newest + " again first");
        }
        return null;
    }
}
