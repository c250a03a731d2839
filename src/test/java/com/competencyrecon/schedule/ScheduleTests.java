package com.competencyrecon.schedule;

import com.competencyrecon.night.NightRunner;
import com.competencyrecon.support.Databases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CronTrigger;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Schedules in Quartz's JDBC job store follow the descriptors, and a firing runs the night it was due for. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:schedule;MODE=MySQL;NON_KEYWORDS=VALUE,MONTH,LEVEL,TYPE,LINE,KEY;DB_CLOSE_DELAY=-1",
        "recon.roots=/"})
class ScheduleTests {

    @Autowired
    ScheduleRegistrar registrar;

    @Autowired
    com.competencyrecon.notify.Notifications notifications;

    @Autowired
    Scheduler scheduler;

    @Autowired
    NightRunner runner;

    @Autowired
    com.competencyrecon.schedule.FiringLedger ledger;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path root;

    @BeforeEach
    @AfterEach
    void clean() throws Exception {
        scheduler.clear();
        Databases.reset(jdbc);
    }

    private JobDescriptor descriptor(String name, boolean enabled) {
        return new JobDescriptor(name, "nightlyReconciliation", "0 30 2 * * ?", java.time.ZoneId.of("UTC"), enabled, -1,
                Map.of("inputDir", root.resolve("feeds/{businessDate}").toString(),
                        "reportDir", root.resolve("reports").toString()));
    }

    @Test
    void eachEnabledDescriptorBecomesADurableJobWithACronTriggerThatFiresOnceAfterAMisfire() throws Exception {
        registrar.register(List.of(descriptor("nightly", true), descriptor("paused", false)));

        JobDetail job = scheduler.getJobDetail(JobKey.jobKey("nightly", ScheduleRegistrar.GROUP));
        assertThat(job.isDurable()).isTrue();
        assertThat(job.requestsRecovery()).isTrue();
        Trigger trigger = scheduler.getTrigger(TriggerKey.triggerKey("nightly", ScheduleRegistrar.GROUP));
        assertThat(trigger).isInstanceOf(CronTrigger.class);
        assertThat(((CronTrigger) trigger).getCronExpression()).isEqualTo("0 30 2 * * ?");
        assertThat(trigger.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
        assertThat(scheduler.getJobDetail(JobKey.jobKey("paused", ScheduleRegistrar.GROUP))).isNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM QRTZ_TRIGGERS", Integer.class)).isEqualTo(1);
    }

    @Test
    void theStartedSchedulerFiresTheNightThroughTheSpringWiredJob() throws Exception {
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        String dayBefore = LocalDate.now(ZoneOffset.UTC).minusDays(2).toString();
        Files.createDirectories(root.resolve("feeds/" + yesterday));
        Files.createDirectories(root.resolve("feeds/" + dayBefore));
        JobDescriptor everySecond = new JobDescriptor("fast", "nightlyReconciliation", "* * * * * ?",
                ZoneId.of("UTC"), true, -1, Map.of("inputDir", root.resolve("feeds/{businessDate}").toString(),
                "reportDir", root.resolve("reports").toString()));
        registrar.register(List.of(everySecond));

        scheduler.start();
        try {
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline && jdbc.queryForObject(
                    "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'COMPLETED'", Integer.class) == 0) {
                Thread.sleep(200);
            }
        } finally {
            scheduler.standby();
        }

        assertThat(jdbc.queryForList("SELECT p.PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS p"
                + " JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = p.JOB_EXECUTION_ID"
                + " WHERE p.PARAMETER_NAME = 'businessDate' AND e.STATUS = 'COMPLETED'", String.class))
                .isNotEmpty().allMatch(d -> d.equals(yesterday) || d.equals(dayBefore));
    }

    @Test
    void aRemovedDescriptorRemovesItsSchedule() throws Exception {
        registrar.register(List.of(descriptor("nightly", true), descriptor("other", true)));

        registrar.register(List.of(descriptor("nightly", true)));

        assertThat(scheduler.getJobDetail(JobKey.jobKey("other", ScheduleRegistrar.GROUP))).isNull();
        assertThat(scheduler.getJobDetail(JobKey.jobKey("nightly", ScheduleRegistrar.GROUP))).isNotNull();
    }

    @Test
    void aFiringRunsTheNightOfTheDayBeforeItWasDue() throws Exception {
        registrar.register(List.of(descriptor("nightly", true)));
        Files.createDirectories(root.resolve("feeds/2026-11-24"));
        Files.writeString(root.resolve("feeds/2026-11-24/organizations.csv"), "org_id,name,market\nO1,Contoso,DEVELOPED\n");
        JobExecutionContext context = mock(JobExecutionContext.class);
        JobDetail job = scheduler.getJobDetail(JobKey.jobKey("nightly", ScheduleRegistrar.GROUP));
        when(context.getJobDetail()).thenReturn(job);
        when(context.getScheduler()).thenReturn(scheduler);
        when(context.getMergedJobDataMap()).thenReturn(job.getJobDataMap());
        // Due on 2026-11-25 at 02:30 UTC, fired late after a misfire: still the night of 2026-11-24.
        when(context.getScheduledFireTime()).thenReturn(Date.from(java.time.Instant.parse("2026-11-25T02:30:00Z")));

        new ScheduledNight(runner, notifications, ledger).execute(context);

        assertThat(root.resolve("reports/2026-11-24/competency-status.csv")).exists();
        assertThat(jdbc.queryForObject("""
                SELECT p.PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS p JOIN BATCH_JOB_EXECUTION e
                  ON e.JOB_EXECUTION_ID = p.JOB_EXECUTION_ID
                 WHERE p.PARAMETER_NAME = 'businessDate' AND e.STATUS = 'COMPLETED'""", String.class))
                .isEqualTo("2026-11-24");
    }

    @Test
    void aFiringIsRecordedOnceAndAFiringAlreadyRecordedIsNotRunAgain() throws Exception {
        registrar.register(List.of(descriptor("nightly", true)));
        Files.createDirectories(root.resolve("feeds/2026-11-24"));
        JobExecutionContext context = firing("nightly", "2026-11-25T02:30:00Z");

        new ScheduledNight(runner, notifications, ledger).execute(context);
        // The same firing again (as a second node would, were the job store to hand it out twice): not run.
        new ScheduledNight(runner, notifications, ledger).execute(context);

        assertThat(jdbc.queryForList("""
                SELECT schedule_name, business_date, outcome, node FROM schedule_firing""").toString())
                .isEqualTo("[{SCHEDULE_NAME=nightly, BUSINESS_DATE=2026-11-24, OUTCOME=COMPLETED, NODE="
                        + scheduler.getSchedulerInstanceId() + "}]");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Integer.class)).isEqualTo(1);
        assertThat(ledger.latest(5)).singleElement().satisfies(f -> {
            assertThat(f.scheduledAt()).isEqualTo(java.time.Instant.parse("2026-11-25T02:30:00Z"));
            assertThat(f.runId()).isNotNull();
        });
    }

    @Test
    void aCatchUpFiringRunsTheEarliestNightNotCompletedAndNothingOnceAllHave() throws Exception {
        JobDescriptor catchUp = new JobDescriptor("drill", "nightlyReconciliation", "0/2 * * * * ?",
                ZoneId.of("UTC"), true, -1, Map.of("inputDir", root.resolve("feeds/{businessDate}").toString(),
                "reportDir", root.resolve("reports").toString()),
                new JobDescriptor.CatchUp(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-02")));
        registrar.register(List.of(catchUp));
        Files.createDirectories(root.resolve("feeds/2026-10-01"));
        Files.createDirectories(root.resolve("feeds/2026-10-02"));

        for (String due : List.of("2026-11-25T02:30:00Z", "2026-11-25T02:30:02Z", "2026-11-25T02:30:04Z")) {
            new ScheduledNight(runner, notifications, ledger).execute(firing("drill", due));
        }

        assertThat(jdbc.queryForList("SELECT business_date, outcome FROM schedule_firing ORDER BY scheduled_at")
                .toString()).isEqualTo("[{BUSINESS_DATE=2026-10-01, OUTCOME=COMPLETED}, "
                + "{BUSINESS_DATE=2026-10-02, OUTCOME=COMPLETED}, {BUSINESS_DATE=null, OUTCOME=UP_TO_DATE}]");
    }

    private JobExecutionContext firing(String name, String due) throws Exception {
        JobExecutionContext context = mock(JobExecutionContext.class);
        JobDetail job = scheduler.getJobDetail(JobKey.jobKey(name, ScheduleRegistrar.GROUP));
        when(context.getJobDetail()).thenReturn(job);
        when(context.getScheduler()).thenReturn(scheduler);
        when(context.getMergedJobDataMap()).thenReturn(job.getJobDataMap());
        when(context.getScheduledFireTime()).thenReturn(Date.from(java.time.Instant.parse(due)));
        return context;
    }
}
