package com.competencyrecon.schedule;

import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

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
            JobDetail job = builder.build();
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity(d.name(), GROUP).forJob(job)
                    .withSchedule(CronScheduleBuilder.cronSchedule(d.cron())
                            .inTimeZone(TimeZone.getTimeZone(d.timeZone()))
                            .withMisfireHandlingInstructionFireAndProceed())
                    .build();
            scheduler.scheduleJob(job, Set.of(trigger), true);
            log.info("Schedule {}: {} at '{}' ({}), next {}", d.name(), d.job(), d.cron(), d.timeZone(),
                    scheduler.getTrigger(trigger.getKey()).getNextFireTime());
        }
    }
}
