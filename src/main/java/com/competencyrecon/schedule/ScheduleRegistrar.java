package com.competencyrecon.schedule;

import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;

/**
 * Makes Quartz's job store follow the descriptors: one durable job and cron trigger per enabled descriptor,
 * replaced at every start; schedules whose descriptor was removed or disabled are deleted. A trigger missed
 * while every instance was down fires once when the scheduler comes back.
 */
@Component
public class ScheduleRegistrar {

    public static final String GROUP = "recon";

    private static final Logger log = LoggerFactory.getLogger(ScheduleRegistrar.class);

    private final Scheduler scheduler;

    public ScheduleRegistrar(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Whether the job store holds this schedule as the descriptor says it (the same cron, zone and parameters):
     * a service joining a running cluster then leaves its trigger alone, with the firing it is waiting for.
     */
    private boolean unchanged(JobDetail job, JobDescriptor d) throws SchedulerException {
        JobDetail stored = scheduler.getJobDetail(job.getKey());
        Trigger trigger = scheduler.getTrigger(TriggerKey.triggerKey(d.name(), GROUP));
        return stored != null && trigger instanceof CronTrigger cron && cron.getCronExpression().equals(d.cron())
                && cron.getTimeZone().getID().equals(d.timeZone().getId())
                && cron.getMisfireInstruction() == CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW
                && new HashMap<>(stored.getJobDataMap().getWrappedMap())
                .equals(new HashMap<>(job.getJobDataMap().getWrappedMap()));
    }

    public void register(List<JobDescriptor> descriptors) throws SchedulerException {
        Set<String> wanted = descriptors.stream().filter(JobDescriptor::enabled).map(JobDescriptor::name)
                .collect(Collectors.toSet());
        for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
            if (!wanted.contains(key.getName())) {
                scheduler.deleteJob(key);
                log.info("Schedule {} removed: its descriptor is gone or disabled", key.getName());
            }
        }
        for (JobDescriptor d : descriptors) {
            if (!d.enabled()) {
                continue;
            }
            JobBuilder builder = JobBuilder.newJob(ScheduledNight.class).withIdentity(d.name(), GROUP)
                    .withDescription(d.job() + " scheduled by jobs/" + d.name() + ".yml")
                    .storeDurably().requestRecovery()
                    .usingJobData(ScheduledNight.ZONE, d.timeZone().getId())
                    .usingJobData(ScheduledNight.OFFSET, d.businessDateOffsetDays())
                    .usingJobData(ScheduledNight.INPUT_DIR, d.parameters().get("inputDir"))
                    .usingJobData(ScheduledNight.REPORT_DIR, d.parameters().get("reportDir"));
            if (d.parameters().containsKey("catalog")) {
                builder.usingJobData(ScheduledNight.CATALOG, d.parameters().get("catalog"));
            }
            if (d.catchUp() != null) {
                builder.usingJobData(ScheduledNight.CATCH_UP_FROM, d.catchUp().from().toString());
                if (d.catchUp().to() != null) {
                    builder.usingJobData(ScheduledNight.CATCH_UP_TO, d.catchUp().to().toString());
                }
            }
            JobDetail job = builder.build();
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity(d.name(), GROUP).forJob(job)
                    .withSchedule(CronScheduleBuilder.cronSchedule(d.cron())
                            .inTimeZone(TimeZone.getTimeZone(d.timeZone()))
                            .withMisfireHandlingInstructionFireAndProceed())
                    .build();
            if (unchanged(job, d)) {
                // Another node of the cluster registered it already: replacing it would move its next firing.
                log.info("Schedule {}: unchanged, next {}", d.name(), scheduler.getTrigger(trigger.getKey())
                        .getNextFireTime());
                continue;
            }
            scheduler.scheduleJob(job, Set.of(trigger), true);
            log.info("Schedule {}: {} at '{}' ({}), next {}", d.name(), d.job(), d.cron(), d.timeZone(),
                    scheduler.getTrigger(trigger.getKey()).getNextFireTime());
        }
    }
}
