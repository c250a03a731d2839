package com.competencyrecon.plan;

import com.competencyrecon.night.NightRunner;
import com.competencyrecon.support.Databases;
import com.competencyrecon.support.NightHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import io.micrometer.core.instrument.MeterRegistry;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.competencyrecon.support.FeedHeaders.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A night whose cost follows the delta gives the reports a full night gives. Thirteen nights of a programme in
 * which records change, and time alone changes more: an achievement expires, a link and a deletion reach the
 * counting instant, an override starts and ends, reminders start, a renewal window closes, a new month begins.
 * Run once as the product plans the nights (incremental where it can) and once with every night full; every
 * report of every night must be the same byte for byte (the summary up to its step timings).
 */
abstract class DeltaNightScenario {

    static final List<String> NIGHTS = dates("2026-11-20", "2026-12-02");
    static final List<String> REPORTS = List.of("competency-status.csv", "alerts.csv", "membership-expiry.csv",
            "marketing-profile.csv", "rejects.csv", "summary.html");
    static final int ORG_COUNT = 12;

    @Autowired
    NightRunner runner;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @TempDir
    Path root;

    NightHarness delta;
    NightHarness full;

    @BeforeEach
    void programme() {
        Databases.reset(jdbc);
        delta = new NightHarness(runner, root.resolve("delta"));
        full = new NightHarness(runner, root.resolve("full"));
        List<String> orgs = new ArrayList<>();
        List<String> users = new ArrayList<>();
        List<String> links = new ArrayList<>();
        List<String> achievements = new ArrayList<>();
        List<String> metrics = new ArrayList<>();
        for (int i = 1; i <= ORG_COUNT; i++) {
            String n = String.format("%02d", i);
            orgs.add("O" + n + ",Org " + i + "," + (i % 3 == 0 ? "DEVELOPING" : "DEVELOPED") + ",US");
            for (String p : List.of("a", "b")) {
                users.add("u" + n + p + ",O" + n + ",,ACTIVE,2025-01-01T00:00:00Z");
                links.add("e" + n + p + ",msa-" + n + p + ",u" + n + p + ",LINK,2025-02-01T00:00:00Z");
            }
            // O03's first person's exam expires on the fourth night: only time changes it.
            achievements.add("r" + n + "a,msa-" + n + "a,70-533,2025-03-01T00:00:00Z," + (i == 3 ? "2026-11-23" : "")
                    + ",,");
            achievements.add("r" + n + "b,msa-" + n + "b,70-532,2025-03-01T00:00:00Z,,,");
            metrics.add("O" + n + ",AZURE_CONSUMED_REVENUE_USD,2026-10," + (i % 4 == 0 ? 120000 : 20000) + ",DPOR");
        }
        delta.feed(NIGHTS.get(0), "organizations.csv", ORGS, orgs.toArray(String[]::new))
                .feed(NIGHTS.get(0), "users.csv", USERS, users.toArray(String[]::new))
                .feed(NIGHTS.get(0), "msa-links.csv", LINKS, links.toArray(String[]::new))
                .feed(NIGHTS.get(0), "achievements.csv", ACHIEVEMENTS, achievements.toArray(String[]::new))
                .feed(NIGHTS.get(0), "metrics.csv", METRICS, metrics.toArray(String[]::new))
                // Anniversaries: O01 on 11-25 (in its window after), O02 on 11-01 (window closes 12-01, closing
                // reminder from 11-24, lapsed after), O04 on 12-10 (renewal reminder from 11-25), O05 Gold.
                .feed(NIGHTS.get(0), "memberships.csv", MEMBERSHIPS, "ord-01,O01,SILVER,2025-11-25",
                        "ord-02,O02,SILVER,2025-11-01", "ord-04,O04,SILVER,2025-12-10", "ord-05,O05,GOLD,2026-06-01",
                        "ord-07,O07,SILVER,2026-03-01");
        // Night 2: a new person of O06 linked late on the 21st counts from night 3 on, when nothing is delivered.
        delta.feed("2026-11-21", "users.csv", USERS, "u06c,O06,,ACTIVE,2026-11-21T09:00:00Z")
                .feed("2026-11-21", "msa-links.csv", LINKS, "e06c,msa-06c,u06c,LINK,2026-11-21T10:00:00Z")
                .feed("2026-11-21", "achievements.csv", ACHIEVEMENTS, "r06c,msa-06c,70-533,2026-11-21T11:00:00Z,,,");
        // Night 3: u05a is deleted on the 22nd: it stops counting on night 4.
        delta.feed("2026-11-22", "users.csv", USERS, "u05a,O05,,DELETED,2026-11-22T06:00:00Z");
        // Night 5: O07's revenue is corrected; an override for O08 runs from the 26th to the 28th.
        delta.feed("2026-11-24", "metrics.csv", METRICS, "O07,AZURE_CONSUMED_REVENUE_USD,2026-10,150000,DPOR")
                .feed("2026-11-24", "overrides.csv", OVERRIDES,
                        "ovr-08,O08,DEVOPS,SILVER,2026-11-26,2026-11-28,pilot,ops@programme.example");
        // Night 6: msa-09b moves from O09 to O10.
        delta.feed("2026-11-25", "msa-links.csv", LINKS, "x09,msa-09b,u09b,UNLINK,2026-11-24T08:00:00Z",
                "y09,msa-09b,u10a,LINK,2026-11-24T09:00:00Z");
        // Night 8: O12 buys a membership; O02 is renamed.
        delta.feed("2026-11-27", "memberships.csv", MEMBERSHIPS, "ord-12,O12,SILVER,2026-11-27")
                .feed("2026-11-27", "organizations.csv", ORGS, "O02,Org Two Renamed,DEVELOPED,US");
        // Night 13: O11's exam is revoked.
        delta.feed("2026-12-02", "achievements.csv", ACHIEVEMENTS, "r11a,msa-11a,70-533,2025-03-01T00:00:00Z,,REVOKED,");
    }

    @Test
    void incrementalNightsGiveTheReportsOfFullNights() {
        Map<String, Map<String, String>> planned = new LinkedHashMap<>();
        Map<String, Long> evaluated = new LinkedHashMap<>();
        for (String night : NIGHTS) {
            NightRunner.Outcome outcome = delta.run(night);
            assertThat(outcome.completed()).as("planned " + night).isTrue();
            planned.put(night, reports(delta, night));
            evaluated.put(night, step(outcome, "evaluateCompetencies").getReadCount());
        }
        List<String> modes = jdbc.queryForList("SELECT mode FROM night_plan ORDER BY business_date", String.class);
        assertThat(modes).as("the first night and the first of December are full, the others follow the delta")
                .containsExactly("FULL", "INCREMENTAL", "INCREMENTAL", "INCREMENTAL", "INCREMENTAL", "INCREMENTAL",
                        "INCREMENTAL", "INCREMENTAL", "INCREMENTAL", "INCREMENTAL", "INCREMENTAL", "FULL",
                        "INCREMENTAL");
        assertThat(evaluated.get("2026-11-20")).isEqualTo(ORG_COUNT);
        assertThat(evaluated.get("2026-11-23")).as("night 4: the expiry and the deletion, nothing delivered")
                .isEqualTo(2);
        assertThat(evaluated.get("2026-11-30")).as("a night on which nothing happens").isZero();

        Map<String, Double> alertsCountedPlanned = alertCounts();

        Databases.reset(jdbc);
        for (String night : NIGHTS) {
            // With no earlier plan to build on, every night is full.
            jdbc.update("DELETE FROM night_plan");
            NightRunner.Outcome outcome = full.run(night, delta.inputDir(night));
            assertThat(outcome.completed()).as("full " + night).isTrue();
            assertThat(step(outcome, "evaluateCompetencies").getReadCount()).as("full " + night).isEqualTo(ORG_COUNT);
            Map<String, String> fullReports = reports(full, night);
            for (String report : fullReports.keySet()) {
                assertThat(planned.get(night).get(report)).as(night + " " + report).isEqualTo(fullReports.get(report));
            }
        }
        Map<String, Double> alertsCountedInAll = alertCounts();
        alertsCountedPlanned.forEach((key, counted) -> assertThat(alertsCountedInAll.get(key) - counted)
                .as("alerts counted by the full nights, " + key).isEqualTo(counted));
        assertThat(alertsCountedInAll.keySet()).isEqualTo(alertsCountedPlanned.keySet());
        assertThat(String.join("", planned.values().stream().map(r -> r.get("alerts.csv")).toList()))
                .as("the nights raise and resolve alerts worth comparing")
                .contains("RENEWAL_WINDOW_CLOSING", "MEMBERSHIP_LAPSED", "RENEWAL_DUE", "OVERRIDE_EXPIRED",
                        "RESOLVED", "OPEN");
    }

    private static Map<String, String> reports(NightHarness nights, String night) {
        Map<String, String> reports = new LinkedHashMap<>();
        for (String report : REPORTS) {
            String text = new String(nights.reportBytes(night, report), StandardCharsets.UTF_8);
            // The summary ends with the steps' timings, which no two runs share.
            reports.put(report, report.endsWith(".html") ? text.substring(0, text.indexOf("<h2>Steps</h2>")) : text);
        }
        // The organisation pages explain the night's results: an incremental night's must be a full night's.
        Path pages = nights.reportDir().resolve(night).resolve("organisations");
        try (var files = java.nio.file.Files.list(pages)) {
            StringBuilder all = new StringBuilder();
            for (Path page : files.sorted().toList()) {
                all.append("== ").append(page.getFileName()).append('\n').append(java.nio.file.Files.readString(page));
            }
            assertThat(all).as(night + " organisation pages").contains("<h2>");
            reports.put("organisations", all.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return reports;
    }

    /** The alerts counted so far, by type and state (a counter of this context, across both runs). */
    private Map<String, Double> alertCounts() {
        Map<String, Double> counts = new java.util.TreeMap<>();
        meters.find("recon.alerts").counters().forEach(c -> counts.merge(c.getId().getTag("type") + " "
                + c.getId().getTag("state"), c.count(), Double::sum));
        return counts;
    }

    private static StepExecution step(NightRunner.Outcome outcome, String name) {
        return outcome.execution().getStepExecutions().stream().filter(s -> s.getStepName().equals(name))
                .findFirst().orElseThrow();
    }

    private static List<String> dates(String first, String last) {
        List<String> dates = new ArrayList<>();
        for (LocalDate d = LocalDate.parse(first); !d.isAfter(LocalDate.parse(last)); d = d.plusDays(1)) {
            dates.add(d.toString());
        }
        return dates;
    }
}
