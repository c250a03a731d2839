package com.competencyrecon.restart;

import com.competencyrecon.night.NightRunner;
import com.competencyrecon.system.Partitions;
import com.competencyrecon.support.Databases;
import com.competencyrecon.support.NightHarness;
import com.competencyrecon.support.Reports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static com.competencyrecon.support.FeedHeaders.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each step after the ingest that writes ({@code deriveOwnership}, {@code evaluateCompetencies},
 * {@code deriveAlerts}, {@code writeReports}) fails part-way through its writes; the night ends FAILED with
 * no report folder, and once the fault is gone the same night restarts at that step and leaves the same
 * reports, byte for byte, and the same derived rows as the same nights run without a fault, on the night
 * itself and on the nights after it.
 *
 * <p>The faults come from outside the product, so the steps can be rebuilt without touching these tests: a
 * trigger fails the insert of one chosen row (one that sorts late, so that rows before it are written first)
 * while the switch table {@code test_fault} names that row, and the publication of the reports fails on a
 * report path that cannot be moved onto.
 *
 * <p>The programme: 23 organisations, two linked people each (exams 70-533 and 70-532), so every one meets
 * Cloud Platform and Application Development at Silver; every fifth earns US$120,000 and meets Cloud Platform
 * Gold. Odd organisations are Silver members (O03's anniversary is near), even ones are not. Night 2 unlinks
 * one person of O01, deletes a user of O11, moves a person of O21 to O22 and sells O02 a membership; night 3
 * links O01's person again. So alerts are raised, kept open and resolved across the nights.
 */
abstract class StepRestartScenario {

    static final String N1 = "2026-11-23";
    static final String N2 = "2026-11-24";
    static final String N3 = "2026-11-25";
    static final List<String> NIGHTS = List.of(N1, N2, N3);
    static final List<String> JOB_STEPS = List.of("ingestOrganizations", "ingestUsers", "ingestMsaLinks",
            "ingestAchievements", "ingestMetrics", "ingestMemberships", "ingestOverrides", "planNight",
            "deriveOwnership", "carryForward", "evaluateCompetencies", "deriveAlerts", "writeReports");
    static final List<String> CSV_REPORTS = List.of("competency-status.csv", "alerts.csv", "membership-expiry.csv",
            "marketing-profile.csv", "rejects.csv");
    static final List<String> ALL_REPORTS = Stream.concat(CSV_REPORTS.stream(), Stream.of("summary.html",
            "organisations")).toList();

    /** Every entry of a night's published folder: the reports, the pages' folder and the night's workbook. */
    static List<String> allReports(String night) {
        return Stream.concat(ALL_REPORTS.stream(), Stream.of(night + ".xlsx")).toList();
    }
    static final int ORG_COUNT = 23;

    /** The tables a step writes, with one trigger each, armed only while {@code test_fault} names a row. */
    static final Map<String, String> FAULT_COLUMNS = Map.of("effective_link", "msa_id", "competency_result", "org_id",
            "alert", "org_id", "night_org", "org_id");

    @Autowired
    NightRunner runner;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path root;

    /** Holds the feeds, and runs the nights without a fault. */
    NightHarness uninterrupted;

    /** Runs the same feeds with a fault, in a report folder of its own. */
    NightHarness faulted;

    /** What stands in the way of a report folder's publication, while it does. */
    Path obstruction;

    /** The switch table, created with the database's collation for the product's keys. */
    abstract String faultTableDdl();

    /** A row trigger on {@code table} that fails an insert whose {@code column} holds the value test_fault names. */
    abstract String insertTriggerDdl(String trigger, String table, String column);

    @BeforeEach
    void programme() {
        dropFaults();
        Databases.reset(jdbc);
        jdbc.execute(faultTableDdl());
        FAULT_COLUMNS.forEach((table, column) -> jdbc.execute(insertTriggerDdl(trigger(table), table, column)));
        uninterrupted = new NightHarness(runner, root.resolve("uninterrupted"));
        faulted = new NightHarness(runner, root.resolve("faulted"));

        List<String> orgs = new ArrayList<>();
        List<String> users = new ArrayList<>();
        List<String> links = new ArrayList<>();
        List<String> achievements = new ArrayList<>();
        List<String> metrics = new ArrayList<>();
        List<String> memberships = new ArrayList<>();
        for (int i = 1; i <= ORG_COUNT; i++) {
            String n = String.format("%02d", i);
            String org = "O" + n;
            orgs.add(org + ",Org " + i + "," + (i % 3 == 0 ? "DEVELOPING" : "DEVELOPED") + ",US");
            for (String p : List.of("a", "b")) {
                users.add("u" + n + p + "," + org + ",,ACTIVE,2025-01-01T00:00:00Z");
                links.add("e" + n + p + ",msa-" + n + p + ",u" + n + p + ",LINK,2025-02-01T00:00:00Z");
            }
            achievements.add("r" + n + "a,msa-" + n + "a,70-533,2025-03-01T00:00:00Z,,,");
            achievements.add("r" + n + "b,msa-" + n + "b,70-532,2025-03-01T00:00:00Z,,,");
            if (i % 7 == 0) {
                achievements.add("r" + n + "c,msa-" + n + "b,70-410,2025-03-01T00:00:00Z,,REVOKED,");
            }
            metrics.add(org + ",AZURE_CONSUMED_REVENUE_USD,2026-10," + (i % 5 == 0 ? 120000 : 20000) + ",DPOR");
            if (i % 2 == 1) {
                memberships.add("ord-" + n + "," + org + ",SILVER," + (i == 3 ? "2025-12-05" : "2026-06-01"));
            }
        }
        // A user of an organisation nobody delivered: a reject, so rejects.csv has a row to compare.
        users.add("u99a,O99,,ACTIVE,2025-01-01T00:00:00Z");
        uninterrupted.feed(N1, "organizations.csv", ORGS, orgs.toArray(String[]::new))
                .feed(N1, "users.csv", USERS, users.toArray(String[]::new))
                .feed(N1, "msa-links.csv", LINKS, links.toArray(String[]::new))
                .feed(N1, "achievements.csv", ACHIEVEMENTS, achievements.toArray(String[]::new))
                .feed(N1, "metrics.csv", METRICS, metrics.toArray(String[]::new))
                .feed(N1, "memberships.csv", MEMBERSHIPS, memberships.toArray(String[]::new))
                .feed(N1, "overrides.csv", OVERRIDES, "ovr-04,O04,DEVOPS,SILVER,2026-10-01,,pilot,ops@programme.example");
        uninterrupted.feed(N2, "msa-links.csv", LINKS, "x01,msa-01a,u01a,UNLINK,2026-11-23T08:00:00Z",
                        "x21,msa-21b,u22a,LINK,2026-11-23T08:00:00Z")
                .feed(N2, "users.csv", USERS, "u11a,O11,,DELETED,2026-11-23T12:00:00Z")
                .feed(N2, "memberships.csv", MEMBERSHIPS, "ord-02,O02,SILVER,2026-11-24");
        uninterrupted.feed(N3, "msa-links.csv", LINKS, "y01,msa-01a,u01a,LINK,2026-11-24T08:00:00Z");
    }

    @AfterEach
    void dropFaults() {
        // The triggers and the switch table must not outlive the test: Databases.reset does not know them.
        FAULT_COLUMNS.keySet().forEach(table -> jdbc.execute("DROP TRIGGER IF EXISTS " + trigger(table)));
        jdbc.execute("DROP TABLE IF EXISTS test_fault");
    }

    // --- the four steps --------------------------------------------------------------------------------------

    @Test
    void planFailedPartWayRestartsToTheUninterruptedNights() {
        // Night 2 builds on night 1: deleting u11a's account marks O11 among the organisations to evaluate again.
        restartReachesTheUninterruptedNights(N2, "planNight",
                () -> arm("night_org", "O11"),
                failed -> assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM night_org WHERE business_date = ?",
                        Integer.class, LocalDate.parse(N2))).as("no organisation of the failed plan is kept").isZero());
    }

    @Test
    void carryingForwardFailedPartWayRestartsToTheUninterruptedNights() {
        // Nothing of O15 changes on night 2: its results are carried from night 1, five organisations a page, after
        // the pages of O01..O10 have committed.
        restartReachesTheUninterruptedNights(N2, "carryForward",
                () -> arm("competency_result", "O15"),
                failed -> assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM competency_result"
                                + " WHERE business_date = ? AND org_id = 'O15'", Integer.class, LocalDate.parse(N2)))
                        .as("the faulted organisation is not carried").isZero(),
                restarted -> assertThat(step(restarted, "carryForward").getReadCount())
                        .as("the restart carries the pages after the committed ones").isEqualTo(3));
    }

    @Test
    void ownershipFailedPartWayRestartsToTheUninterruptedNights() {
        // Night 2 moves msa-21b to O22: its link is derived again, and the fault fails that insert.
        restartReachesTheUninterruptedNights(N2, "deriveOwnership",
                () -> arm("effective_link", "msa-21b"),
                failed -> assertThat(jdbc.queryForList("SELECT org_id FROM effective_link WHERE msa_id = 'msa-21b'",
                        String.class)).as("the faulted link is not stored").doesNotContain("O22"));
    }

    @Test
    void evaluationFailedAfterCommittedChunksRestartsAtTheFailedChunk() {
        // With five organisations a chunk, O18 is in the fourth chunk: O01..O15 are committed before it fails.
        restartReachesTheUninterruptedNights(N1, "evaluateCompetencies",
                () -> arm("competency_result", "O18"),
                failed -> {
                    assertThat(step(failed, "evaluateCompetencies").getCommitCount()).isEqualTo(3);
                    assertThat(jdbc.queryForList("SELECT DISTINCT org_id FROM competency_result"
                                    + " WHERE business_date = ? ORDER BY org_id", String.class, LocalDate.parse(N1)))
                            .as("the organisations of the committed chunks")
                            .containsExactlyElementsOf(orgIds(1, 15));
                },
                restarted -> assertThat(step(restarted, "evaluateCompetencies").getReadCount())
                        .as("only the organisations not committed are evaluated again").isEqualTo(ORG_COUNT - 15));
    }

    @Test
    void alertsFailedPartWayRestartAndKeepTheirLifecycle() {
        // Night 2 raises RENEWAL_AT_RISK for O01, O11 and O21, in that order, after updating the open alerts;
        // the one of O11 fails. Night 3 must still see O11's and O21's as OPEN and resolve O01's.
        restartReachesTheUninterruptedNights(N2, "deriveAlerts",
                () -> arm("alert", "O11"),
                failed -> assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM alert WHERE org_id = 'O11'",
                        Integer.class)).as("the faulted alert is not stored").isZero());
        List<Map<String, String>> night3 = Reports.rows(faulted.report(N3, "alerts.csv")).stream()
                .filter(a -> a.get("type").equals("RENEWAL_AT_RISK")).toList();
        assertThat(night3).extracting(a -> a.get("org_id") + " " + a.get("state") + " " + a.get("opened_on"))
                .containsExactlyInAnyOrder("O01 RESOLVED " + N2, "O11 OPEN " + N2, "O21 OPEN " + N2);
    }

    @Test
    void reportsThatCannotBePublishedLeaveNoFolderAndAreWrittenByTheRestart() {
        // A link to nowhere at <reportDir>/<date>: the staged folder cannot be moved onto it. (A plain file there
        // would not do: the publication moves whatever is at the target aside and replaces it.)
        Path target = faulted.reportDir().resolve(N1);
        restartReachesTheUninterruptedNights(N1, "writeReports",
                () -> obstruct(target),
                failed -> {
                    assertThat(rootMessages(failed)).as("the night failed on the report path")
                            .anyMatch(m -> m.contains(target.toString()));
                    assertThat(faulted.reportDir().toFile().list())
                            .as("only the obstruction: no staging folder is left behind").containsExactly(N1);
                });
    }

    // --- the common course -----------------------------------------------------------------------------------

    private void restartReachesTheUninterruptedNights(String night, String failingStep, Runnable fault,
                                                      Consumer<NightRunner.Outcome> afterFailure) {
        restartReachesTheUninterruptedNights(night, failingStep, fault, afterFailure, restarted -> {
        });
    }

    /**
     * Runs the three nights without a fault, then, in a fresh database, the same nights with the fault in
     * {@code night}: that night fails at {@code failingStep}, and once the fault is removed it restarts there
     * and it and every later night give what the uninterrupted nights gave.
     */
    private void restartReachesTheUninterruptedNights(String night, String failingStep, Runnable fault,
                                                      Consumer<NightRunner.Outcome> afterFailure,
                                                      Consumer<NightRunner.Outcome> afterRestart) {
        Map<String, NightState> expected = new LinkedHashMap<>();
        for (String n : NIGHTS) {
            assertThat(uninterrupted.run(n).completed()).as("uninterrupted " + n).isTrue();
            expected.put(n, state(uninterrupted, n));
        }
        assertTheProgrammeHasSomethingToCompare(expected);

        Databases.reset(jdbc);
        for (String n : NIGHTS) {
            if (!n.equals(night)) {
                assertThat(faulted.run(n, uninterrupted.inputDir(n)).completed()).as(n).isTrue();
                assertSameNight(expected.get(n), n);
                continue;
            }
            fault.run();
            NightRunner.Outcome failed = faulted.run(n, uninterrupted.inputDir(n));

            assertThat(failed.completed()).as("the faulted night completed").isFalse();
            assertThat(failed.execution().getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(step(failed, failingStep).getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(stepNames(failed)).as("no step runs after the failed one").endsWith(failingStep);
            if (!failingStep.equals("writeReports")) {
                assertThat(rootMessages(failed)).as("the night failed on the injected fault")
                        .anyMatch(m -> m.contains("injected fault"));
            }
            assertThat(Files.isDirectory(faulted.reportDir().resolve(n))).as("a report folder is published").isFalse();
            assertThat(hiddenEntries(faulted.reportDir())).as("no staging folder is left").isEmpty();
            afterFailure.accept(failed);

            removeFaults();
            NightRunner.Outcome restarted = faulted.run(n, uninterrupted.inputDir(n));

            assertThat(restarted.completed()).as("the restarted night completed").isTrue();
            assertThat(stepNames(restarted)).as("the restart resumes at the failed step")
                    .containsExactlyElementsOf(JOB_STEPS.subList(JOB_STEPS.indexOf(failingStep), JOB_STEPS.size()));
            afterRestart.accept(restarted);
            assertSameNight(expected.get(n), n);
        }
    }

    /** Guards the comparisons against comparing nothing with nothing. */
    private void assertTheProgrammeHasSomethingToCompare(Map<String, NightState> expected) {
        NightState night1 = expected.get(N1);
        assertThat(night1.tables().get("effective_link")).hasSize(2 * ORG_COUNT);
        assertThat(night1.tables().get("competency_result")).extracting(r -> r.get("org_id")).containsAll(orgIds(1, ORG_COUNT));
        assertThat(night1.tables().get("alert")).hasSizeGreaterThan(20);
        assertThat(lines(night1, "rejects.csv")).hasSize(2);
        for (String n : NIGHTS) {
            assertThat(expected.get(n).reports().keySet()).as(n).containsExactlyInAnyOrderElementsOf(allReports(n));
            assertThat(lines(expected.get(n), "competency-status.csv")).as(n).hasSizeGreaterThan(2 * ORG_COUNT);
            assertThat(lines(expected.get(n), "marketing-profile.csv")).as(n).hasSizeGreaterThan(ORG_COUNT);
        }
        assertThat(new String(expected.get(N3).reports().get("alerts.csv"), StandardCharsets.UTF_8))
                .contains(",OPEN,").contains(",RESOLVED,").contains(",RENEWAL_AT_RISK,");
    }

    private void assertSameNight(NightState expected, String night) {
        NightState actual = state(faulted, night);
        assertThat(actual.reports().keySet()).as(night + ": the published files")
                .containsExactlyInAnyOrderElementsOf(allReports(night));
        assertThat(new String(actual.reports().get("organisations"), StandardCharsets.UTF_8))
                .as(night + ": the organisation pages").isEqualTo(
                        new String(expected.reports().get("organisations"), StandardCharsets.UTF_8));
        for (String report : CSV_REPORTS) {
            // As text first, for a readable difference; then the bytes themselves.
            assertThat(new String(actual.reports().get(report), StandardCharsets.UTF_8)).as(night + " " + report)
                    .isEqualTo(new String(expected.reports().get(report), StandardCharsets.UTF_8));
            assertThat(actual.reports().get(report)).as(night + " " + report).isEqualTo(expected.reports().get(report));
        }
        expected.tables().forEach((table, rows) -> {
            assertThat(actual.tables().get(table)).as(night + " " + table + " rows").hasSameSizeAs(rows);
            assertThat(actual.tables().get(table)).as(night + " " + table).isEqualTo(rows);
        });
    }

    // --- faults ----------------------------------------------------------------------------------------------

    private static String trigger(String table) {
        return "test_fault_" + table;
    }

    private void arm(String table, String value) {
        jdbc.update("INSERT INTO test_fault (target_table, target_column, target_value) VALUES (?, ?, ?)", table,
                FAULT_COLUMNS.get(table), value);
    }

    /** Disarms the triggers (they stay, letting every insert through) and removes a report obstruction. */
    private void removeFaults() {
        jdbc.update("DELETE FROM test_fault");
        if (obstruction != null) {
            try {
                Files.delete(obstruction);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            obstruction = null;
        }
    }

    private void obstruct(Path target) {
        try {
            Files.createDirectories(target.getParent());
            obstruction = Files.createSymbolicLink(target, target.resolveSibling("nowhere"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- what a night leaves ---------------------------------------------------------------------------------

    record NightState(Map<String, byte[]> reports, Map<String, List<Map<String, Object>>> tables) {
    }

    /** The night's published files and the rows the four steps derive, right after the night. */
    private NightState state(NightHarness nights, String night) {
        Map<String, byte[]> reports = new LinkedHashMap<>();
        Path folder = nights.reportDir().resolve(night);
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                files.forEach(f -> reports.put(f.getFileName().toString(), Files.isDirectory(f) ? readAll(f) : read(f)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        tables.put("effective_link", jdbc.queryForList("SELECT * FROM effective_link ORDER BY msa_id"));
        tables.put("competency_result", jdbc.queryForList(
                "SELECT * FROM competency_result WHERE business_date = ? ORDER BY org_id, competency",
                LocalDate.parse(night)));
        tables.put("held_level", jdbc.queryForList("SELECT * FROM held_level ORDER BY org_id, competency, term_id"));
        tables.put("level_met", jdbc.queryForList("SELECT * FROM level_met ORDER BY org_id, competency, level"));
        tables.put("level_met_contribution", jdbc.queryForList(
                "SELECT * FROM level_met_contribution ORDER BY org_id, competency, level, kind, subject"));
        tables.put("alert", jdbc.queryForList("SELECT * FROM alert ORDER BY alert_id"));
        return new NightState(reports, tables);
    }

    /** A folder's files, each as its name and its content, in name order. */
    private static byte[] readAll(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            StringBuilder all = new StringBuilder();
            files.sorted().forEach(f -> all.append("== ").append(f.getFileName()).append('\n')
                    .append(new String(read(f), StandardCharsets.UTF_8)));
            return all.toString().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> lines(NightState night, String report) {
        return new String(night.reports().get(report), StandardCharsets.UTF_8).lines().toList();
    }

    private static List<String> hiddenEntries(Path reportDir) {
        String[] names = reportDir.toFile().list();
        return names == null ? List.of() : Stream.of(names).filter(name -> name.startsWith(".")).toList();
    }

    private static List<String> orgIds(int from, int to) {
        List<String> ids = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            ids.add(String.format("O%02d", i));
        }
        return ids;
    }

    private static List<String> stepNames(NightRunner.Outcome outcome) {
        // The job's steps: a partitioned step's partitions are executions of their own, named after it.
        return outcome.execution().getStepExecutions().stream().map(StepExecution::getStepName)
                .filter(name -> !Partitions.isPartition(name)).toList();
    }

    private static StepExecution step(NightRunner.Outcome outcome, String name) {
        return outcome.execution().getStepExecutions().stream().filter(s -> s.getStepName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no step " + name + " in " + stepNames(outcome)));
    }

    private static List<String> rootMessages(NightRunner.Outcome outcome) {
        List<String> messages = new ArrayList<>();
        for (Throwable failure : outcome.execution().getAllFailureExceptions()) {
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                messages.add(String.valueOf(t.getMessage()));
            }
        }
        return messages;
    }
}
