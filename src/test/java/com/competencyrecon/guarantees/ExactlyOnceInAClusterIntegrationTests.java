package com.competencyrecon.guarantees;

import com.competencyrecon.support.MySqlTestDatabase;
import com.competencyrecon.support.RequiresMySql;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly once in a cluster, for real: two scheduling services ({@code serve}, the packaged jar, two JVMs) on
 * one MariaDB/MySQL database share Quartz's clustered job store. A catch-up schedule fires every two seconds,
 * each firing running the earliest of twenty nights (feeds with no changes) not completed yet. When the twenty
 * have completed and the next firings found nothing left, the test reads the database: every firing recorded
 * once in the firing ledger, twenty firings that ran a night, each its own night with its own run, the firing
 * times without a gap, each night one job execution that COMPLETED, and both nodes alive, checked in and
 * running some of the nights.
 */
@RequiresMySql
class ExactlyOnceInAClusterIntegrationTests {

    private static final Path ROOT = Path.of("target", "exactly-once").toAbsolutePath();
    private static final LocalDate FIRST = LocalDate.parse("2026-10-01");
    private static final int NIGHTS = 20;
    private static final long INTERVAL_MILLIS = 2_000;
    /** Firings after the last night that must find nothing to run, so a twenty-first night would have shown. */
    private static final int AFTERWARDS = 2;
    /**
     * How long an idle node waits before it looks for a firing again (Quartz's default is 30 s): the node that
     * ran the last firing is told at once, so without this the other would rarely get one.
     */
    private static final List<String> SETTINGS = List.of("--spring.quartz.properties.org.quartz.scheduler.idleWaitTime=1000");

    @Test
    void twoServicesOnOneDatabaseRunEachFiringOnceAndEveryNightOnce() throws Exception {
        long began = System.nanoTime();
        NightProcess.deleteTree(ROOT);
        Path feeds = ROOT.resolve("feeds");
        for (int i = 0; i < NIGHTS; i++) {
            Files.createDirectories(feeds.resolve(FIRST.plusDays(i).toString()));
        }
        Path jobs = Files.createDirectories(ROOT.resolve("jobs"));
        Files.writeString(jobs.resolve("drill.yml"), """
                job: nightlyReconciliation
                cron: "0/2 * * * * ?"
                timeZone: UTC
                parameters:
                  inputDir: %s/{businessDate}
                  reportDir: %s
                catchUp:
                  from: %s
                  to: %s
                """.formatted(feeds, ROOT.resolve("reports"), FIRST, FIRST.plusDays(NIGHTS - 1)),
                StandardCharsets.UTF_8);
        String url = MySqlTestDatabase.create("cluster");
        List<NightProcess> nodes = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, MySqlTestDatabase.user(), MySqlTestDatabase.password())) {
            nodes.add(NightProcess.serve(ROOT, ROOT, url, MySqlTestDatabase.user(), MySqlTestDatabase.password(), jobs,
                    SETTINGS, "a"));
            // The second node once the first has migrated the schema: the two then share the job store from the start.
            awaitUntil(() -> count(c, "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '6' AND success = 1")
                    == 1, nodes.get(0), "node a migrated the schema");
            nodes.add(NightProcess.serve(ROOT, ROOT, url, MySqlTestDatabase.user(), MySqlTestDatabase.password(), jobs,
                    SETTINGS, "b"));
            awaitUntil(() -> count(c, "SELECT COUNT(*) FROM schedule_firing WHERE outcome = 'UP_TO_DATE'") >= AFTERWARDS,
                    nodes.get(0), "twenty nights and then " + AFTERWARDS + " firings with nothing to run");

            for (NightProcess node : nodes) {
                assertThat(node.isAlive()).as("node alive; its log ends:%n%s", node.tail()).isTrue();
            }
            assertThat(count(c, "SELECT COUNT(DISTINCT INSTANCE_NAME) FROM QRTZ_SCHEDULER_STATE"))
                    .as("nodes checked in to the cluster").isEqualTo(2);
            assertExactlyOnce(c);
            assertThat(count(c, "SELECT COUNT(DISTINCT node) FROM schedule_firing WHERE run_id IS NOT NULL"))
                    .as("both nodes ran nights").isEqualTo(2);
            System.out.println("exactly-once: " + NIGHTS + " nights on two nodes in "
                    + (System.nanoTime() - began) / 1_000_000_000 + " s; firings per node "
                    + Snapshot.rows(c, "SELECT node, COUNT(*) FROM schedule_firing WHERE run_id IS NOT NULL GROUP BY node"));
        } finally {
            for (NightProcess node : nodes) {
                if (node.isAlive()) {
                    node.terminate(60);
                }
            }
        }
    }

    private static void assertExactlyOnce(Connection c) throws SQLException {
        List<String> ran = Snapshot.rows(c, """
                SELECT business_date, run_id, outcome FROM schedule_firing WHERE business_date IS NOT NULL
                 ORDER BY scheduled_at""");
        List<String> expected = new ArrayList<>();
        List<String> runs = Snapshot.rows(c, """
                SELECT i.JOB_KEY, e.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION e
                  JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID ORDER BY e.JOB_EXECUTION_ID""");
        assertThat(runs).as("one job execution per night, no restart").hasSize(NIGHTS);
        List<String> runIds = runs.stream().map(r -> r.split(" ")[1]).toList();
        for (int i = 0; i < NIGHTS; i++) {
            expected.add(FIRST.plusDays(i) + " " + runIds.get(i) + " COMPLETED");
        }
        assertThat(ran).as("the firings that ran a night: the twenty nights in order, each once, each its own run")
                .containsExactlyElementsOf(expected);
        assertThat(Snapshot.rows(c, "SELECT STATUS, COUNT(*) FROM BATCH_JOB_EXECUTION GROUP BY STATUS"))
                .as("every run COMPLETED").containsExactly("COMPLETED " + NIGHTS);
        assertThat(Snapshot.rows(c, "SELECT outcome FROM schedule_firing WHERE business_date IS NULL"))
                .as("the firings after the twentieth night ran nothing").allMatch(o -> o.equals("UP_TO_DATE"));

        List<Timestamp> due = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT scheduled_at FROM schedule_firing ORDER BY scheduled_at");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                due.add(rs.getTimestamp(1));
            }
        }
        Map<Long, Long> gaps = new TreeMap<>();
        for (int i = 1; i < due.size(); i++) {
            gaps.merge(due.get(i).getTime() - due.get(i - 1).getTime(), 1L, Long::sum);
        }
        assertThat(gaps).as("milliseconds between consecutive firings: none missed").containsOnlyKeys(INTERVAL_MILLIS);
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds() throws SQLException;
    }

    private static void awaitUntil(Condition condition, NightProcess node, String what) throws Exception {
        long deadline = System.nanoTime() + 240_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!node.isAlive()) {
                throw new AssertionError("the node ended before " + what + "; its log ends:\n" + node.tail());
            }
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (SQLException e) {
                // the schema is not there yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not within 4 minutes: " + what + "; node log ends:\n" + node.tail());
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
