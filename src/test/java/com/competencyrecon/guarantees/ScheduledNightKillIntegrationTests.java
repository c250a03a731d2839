package com.competencyrecon.guarantees;

import com.competencyrecon.benchmark.ProgrammeGenerator;
import com.competencyrecon.support.MySqlTestDatabase;
import com.competencyrecon.support.RequiresMySql;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduling service killed while the night it fired runs, then started again: the packaged jar runs as
 * {@code serve} in its own JVM on MariaDB, with one descriptor in a folder of the test's own whose schedule fires as
 * soon as the scheduler runs (every second: the firings after the first wait, the job does not run twice at once),
 * for the generated programme's night. Once that night is inside a chunk step the test sends the service SIGKILL,
 * changes the schedule to a daily one whose next firing is a day away, and starts the service again: only Quartz's
 * recovery of the firing the dead instance was running (the job requests recovery) can finish the night. The test
 * waits for the run to COMPLETE and compares every product table and CSV report with an uninterrupted run.
 * <p>
 * The cluster check-in interval is shortened to 2 s ({@code org.quartz.jobStore.clusterCheckinInterval}), so the
 * restarted service finds the dead instance within seconds rather than the default's half a minute.
 */
@RequiresMySql
class ScheduledNightKillIntegrationTests {

    private static final Path ROOT = ReferenceNight.ROOT;
    private static final String STEP = "ingestMsaLinks";
    /** How long after the descriptor is written the schedule fires: enough for the service to start. */
    private static final int FIRES_AFTER_SECONDS = 30;

    @Test
    void aScheduledNightWhoseServiceIsKilledIsFinishedByTheServiceStartedAgain() throws Exception {
        ProgrammeGenerator.Night night = ReferenceNight.night();
        Snapshot expected = ReferenceNight.uninterrupted();

        Path dir = Files.createDirectories(ROOT.resolve("scheduled-kill"));
        Path jobs = Files.createDirectories(dir.resolve("jobs"));
        String url = MySqlTestDatabase.create("schedkill");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // The first service fires the night as soon as its scheduler runs, however long it takes to start.
        descriptor(jobs, "* * * * * ?", today, night, dir);
        List<String> settings = new ArrayList<>(ReferenceNight.SETTINGS);
        settings.add("--spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=2000");

        NightProcess first = NightProcess.serve(ROOT, dir, url, MySqlTestDatabase.user(), MySqlTestDatabase.password(),
                jobs, settings, "first");
        try {
            first.waitUntilInside(url, MySqlTestDatabase.user(), MySqlTestDatabase.password(), STEP, 10);
        } finally {
            first.kill();
        }
        assertThat(statuses(url, "SELECT STATUS FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = '" + STEP + "'"))
                .as("the kill landed inside " + STEP).containsExactly("STARTED");

        // Restarted with the schedule's next firing a day away: only Quartz's recovery can finish the night.
        ZonedDateTime passed = ZonedDateTime.now(ZoneOffset.UTC).minusHours(1);
        descriptor(jobs, "%d %d %d * * ?".formatted(passed.getSecond(), passed.getMinute(), passed.getHour()), today,
                night, dir);
        long restartedAt = System.nanoTime();
        NightProcess second = NightProcess.serve(ROOT, dir, url, MySqlTestDatabase.user(), MySqlTestDatabase.password(),
                jobs, settings, "second");
        try {
            waitForCompletion(second, url);
        } finally {
            second.kill();
        }
        System.out.println("scheduled-kill: the restarted service completed the night "
                + (System.nanoTime() - restartedAt) / 1_000_000_000L + " s after it was started");
        assertThat(Files.readString(second.log())).as("the restarted service's log")
                .contains("recovering its firing for");
        assertThat(statuses(url, "SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID"))
                .as("the killed run, recovered, then its restart").containsExactly("FAILED", "COMPLETED");
        ReferenceNight.snapshot(url, dir.resolve("reports")).assertSameAs(expected);
    }

    /** The one descriptor of the jobs folder: the night at {@code cron}, for the programme's night on {@code today}. */
    private static void descriptor(Path jobs, String cron, LocalDate today, ProgrammeGenerator.Night night, Path dir)
            throws java.io.IOException {
        long offset = ChronoUnit.DAYS.between(today, LocalDate.parse(night.date()));
        Files.writeString(jobs.resolve("scheduled-kill.yml"), """
                job: nightlyReconciliation
                cron: "%s"
                timeZone: UTC
                enabled: true
                businessDateOffsetDays: %d
                parameters:
                  inputDir: %s
                  reportDir: %s
                """.formatted(cron, offset, night.dir(), dir.resolve("reports")));
    }

    private static void waitForCompletion(NightProcess service, String url) throws Exception {
        long deadline = System.nanoTime() + 4 * 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new AssertionError("the restarted service ended; its log ends:\n" + service.tail());
            }
            List<String> runs = statuses(url, "SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID DESC");
            if (!runs.isEmpty() && runs.get(0).equals("COMPLETED")) {
                return;
            }
            if (!runs.isEmpty() && runs.get(0).equals("FAILED") && runs.size() > 1) {
                throw new AssertionError("the restarted night FAILED; the service's log ends:\n" + service.tail());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the restarted service did not complete the night within 4 minutes; its log ends:\n"
                + service.tail());
    }

    private static List<String> statuses(String url, String sql) throws SQLException {
        List<String> statuses = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, MySqlTestDatabase.user(), MySqlTestDatabase.password());
             PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                statuses.add(rs.getString(1));
            }
        }
        return statuses;
    }
}
