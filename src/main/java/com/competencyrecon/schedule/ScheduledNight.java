package com.competencyrecon.schedule;

import com.competencyrecon.night.NightRunner;
import com.competencyrecon.notify.NightNotice;
import com.competencyrecon.notify.Notifications;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.PersistJobDataAfterExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.quartz.QuartzJobBean;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What a schedule fires: the night its descriptor names, for the business date the firing was due for (a
 * firing missed while everything was down, run late, still reconciles the date it was due for). The job requests
 * recovery: a firing whose service died mid-night (SIGKILL, a crash) is fired again by the next instance of the
 * cluster to check in, and running the night again recovers the run the dead service left STARTED and restarts it.
 */
@DisallowConcurrentExecution
@PersistJobDataAfterExecution
public class ScheduledNight extends QuartzJobBean {

    static final String ZONE = "timeZone";
    static final String OFFSET = "businessDateOffsetDays";
    static final String INPUT_DIR = "inputDir";
    static final String REPORT_DIR = "reportDir";
    static final String CATALOG = "catalog";

    private static final Logger log = LoggerFactory.getLogger(ScheduledNight.class);

    private final NightRunner runner;
    private final Notifications notifications;

    public ScheduledNight(NightRunner runner, Notifications notifications) {
        this.runner = runner;
        this.notifications = notifications;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) throws JobExecutionException {
        JobDataMap data = context.getMergedJobDataMap();
        ZoneId zone = ZoneId.of(data.getString(ZONE));
        java.time.Instant scheduled = scheduledFireTime(context);
        LocalDate due = scheduled.atZone(zone).toLocalDate();
        String businessDate = due.plusDays(data.getInt(OFFSET)).toString();
        if (context.isRecovering()) {
            log.warn("Schedule {}: recovering its firing for {}, which a service that stopped (a crash, a kill) left"
                    + " running: running the night {} again, which restarts it from where it stopped",
                    context.getJobDetail().getKey().getName(), scheduled, businessDate);
        } else {
            log.info("Schedule {} fired for {} (due {}): running the night {}", context.getJobDetail().getKey().getName(),
                    scheduled, due, businessDate);
        }
        NightRunner.Outcome outcome = runner.run(businessDate, fill(data.getString(INPUT_DIR), businessDate),
                fill(data.getString(REPORT_DIR), businessDate), fill(data.getString(CATALOG), businessDate));
        if (outcome.refusal() != null) {
            log.warn("Schedule {}: the night {} was refused: {}", context.getJobDetail().getKey().getName(),
                    businessDate, outcome.refusal());
            // Nobody watches a scheduled start: a refused night would otherwise go unnoticed until the reports lack it.
            notifications.send(NightNotice.refused(LocalDate.parse(businessDate), outcome.refusal().message()));
        } else if (!outcome.completed()) {
            throw new JobExecutionException("the night " + businessDate + " ended " + outcome.execution().getStatus());
        }
    }

    /**
     * When the firing was due. A recovering firing (Quartz re-fires a job that requests recovery when the instance
     * that was running it is found dead) is due when the firing it recovers was, which Quartz keeps in its data.
     */
    private static java.time.Instant scheduledFireTime(JobExecutionContext context) {
        Object original = context.getMergedJobDataMap()
                .get(org.quartz.Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS);
        if (context.isRecovering() && original != null) {
            return java.time.Instant.ofEpochMilli(Long.parseLong(original.toString()));
        }
        return context.getScheduledFireTime().toInstant();
    }

    private static String fill(String value, String businessDate) {
        return value == null ? null : value.replace("{businessDate}", businessDate);
    }
}
