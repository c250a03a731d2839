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

import org.springframework.batch.core.BatchStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What a schedule fires: the night its descriptor names, for the business date the firing was due for (a
 * firing missed while everything was down, run late, still reconciles the date it was due for), or, for a
 * catch-up schedule, the earliest night of its range not completed yet. Every firing is recorded once in the
 * firing ledger, by the node that takes it: a firing already recorded is not run again. The job requests
 * recovery: a firing whose service died mid-night (SIGKILL, a crash) is fired again by the next instance of the
 * cluster to check in, which takes its ledger row over, and running the night again recovers the run the dead
 * service left STARTED and restarts it.
 */
@DisallowConcurrentExecution
@PersistJobDataAfterExecution
public class ScheduledNight extends QuartzJobBean {

    static final String ZONE = "timeZone";
    static final String OFFSET = "businessDateOffsetDays";
    static final String INPUT_DIR = "inputDir";
    static final String REPORT_DIR = "reportDir";
    static final String CATALOG = "catalog";
    static final String CATCH_UP_FROM = "catchUpFrom";
    static final String CATCH_UP_TO = "catchUpTo";

    private static final Logger log = LoggerFactory.getLogger(ScheduledNight.class);

    private final NightRunner runner;
    private final Notifications notifications;
    private final FiringLedger ledger;

    public ScheduledNight(NightRunner runner, Notifications notifications, FiringLedger ledger) {
        this.runner = runner;
        this.notifications = notifications;
        this.ledger = ledger;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) throws JobExecutionException {
        JobDataMap data = context.getMergedJobDataMap();
        String schedule = context.getJobDetail().getKey().getName();
        Instant scheduled = scheduledFireTime(context);
        String node = node(context);
        if (!ledger.take(schedule, scheduled, Instant.now(), node)
                && !(context.isRecovering() && ledger.takeOver(schedule, scheduled, Instant.now(), node))) {
            log.warn("Schedule {}: the firing due {} is already in the firing ledger; it is not run again", schedule,
                    scheduled);
            return;
        }
        ZoneId zone = ZoneId.of(data.getString(ZONE));
        LocalDate due = scheduled.atZone(zone).toLocalDate();
        LocalDate dueNight = due.plusDays(data.getInt(OFFSET));
        LocalDate night = dueNight;
        if (data.containsKey(CATCH_UP_FROM)) {
            LocalDate to = data.containsKey(CATCH_UP_TO) ? LocalDate.parse(data.getString(CATCH_UP_TO)) : dueNight;
            night = catchUpNight(LocalDate.parse(data.getString(CATCH_UP_FROM)), to.isAfter(dueNight) ? dueNight : to);
            if (night == null) {
                log.info("Schedule {} fired for {}: every night of its catch-up has completed", schedule, scheduled);
                ledger.end(schedule, scheduled, null, null, Firing.Outcome.UP_TO_DATE, null, Instant.now());
                return;
            }
        }
        String businessDate = night.toString();
        ledger.night(schedule, scheduled, night);
        if (context.isRecovering()) {
            log.warn("Schedule {}: recovering its firing for {}, which a service that stopped (a crash, a kill) left"
                    + " running: running the night {} again on {}, which restarts it from where it stopped",
                    schedule, scheduled, businessDate, node);
        } else {
            log.info("Schedule {} fired for {} (due {}) on {}: running the night {}", schedule, scheduled, due, node,
                    businessDate);
        }
        NightRunner.Outcome outcome;
        try {
            outcome = runner.run(businessDate, fill(data.getString(INPUT_DIR), businessDate),
                    fill(data.getString(REPORT_DIR), businessDate), fill(data.getString(CATALOG), businessDate));
        } catch (RuntimeException e) {
            ledger.end(schedule, scheduled, night, null, Firing.Outcome.FAILED, NightRunner.rootMessage(e), Instant.now());
            throw e;
        }
        if (outcome.refusal() != null) {
            ledger.end(schedule, scheduled, night, null, Firing.Outcome.REFUSED, outcome.refusal().message(),
                    Instant.now());
            log.warn("Schedule {}: the night {} was refused: {}", schedule, businessDate, outcome.refusal());
            // Nobody watches a scheduled start: a refused night would otherwise go unnoticed until the reports lack it.
            notifications.send(NightNotice.refused(night, outcome.refusal().message()));
            return;
        }
        BatchStatus status = outcome.execution().getStatus();
        Firing.Outcome ended = switch (status) {
            case COMPLETED -> Firing.Outcome.COMPLETED;
            case STOPPED, STOPPING -> Firing.Outcome.STOPPED;
            default -> Firing.Outcome.FAILED;
        };
        ledger.end(schedule, scheduled, night, outcome.execution().getId(), ended,
                ended == Firing.Outcome.COMPLETED ? null : status.name(), Instant.now());
        if (!outcome.completed()) {
            throw new JobExecutionException("the night " + businessDate + " ended " + status);
        }
    }

    /** The earliest night from {@code from} to {@code to} not completed yet, or null when all have. */
    private LocalDate catchUpNight(LocalDate from, LocalDate to) {
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (runner.alreadyCompleted(d) == null) {
                return d;
            }
        }
        return null;
    }

    private static String node(JobExecutionContext context) {
        try {
            String id = context.getScheduler().getSchedulerInstanceId();
            return id == null ? "unknown" : id;
        } catch (org.quartz.SchedulerException e) {
            return "unknown";
        }
    }

    /**
     * When the firing was due. A recovering firing (Quartz re-fires a job that requests recovery when the instance
     * that was running it is found dead) is due when the firing it recovers was, which Quartz keeps in its data.
     */
    private static Instant scheduledFireTime(JobExecutionContext context) {
        Object original = context.getMergedJobDataMap()
                .get(org.quartz.Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS);
        if (context.isRecovering() && original != null) {
            return Instant.ofEpochMilli(Long.parseLong(original.toString()));
        }
        return context.getScheduledFireTime().toInstant();
    }

    private static String fill(String value, String businessDate) {
        return value == null ? null : value.replace("{businessDate}", businessDate);
    }
}
