package com.competencyrecon.reports;

import com.competencyrecon.alerts.Alert;
import com.competencyrecon.catalog.Catalog;
import com.competencyrecon.catalog.Competency;
import com.competencyrecon.catalog.Level;
import com.competencyrecon.evaluation.CompetencyResult;
import com.competencyrecon.evaluation.LevelChange;
import com.competencyrecon.ingest.Reject;
import com.competencyrecon.membership.CompetencyStatus;
import com.competencyrecon.membership.MembershipStanding;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Writes one night's reports into a folder from rows the caller streams in: the night's results (in
 * organisation then competency order), its alerts, its rejects and what the summary shows. Plain Java: the
 * caller reads the rows through the tables' owners.
 */
public final class NightReports {

    /** The CSV reports, in the order they are written (and their sheets in the workbook). */
    public static final List<String> CSV_FILES = List.of("competency-status.csv", "marketing-profile.csv",
            "membership-expiry.csv", "alerts.csv", "rejects.csv");

    static final List<String> ALERT_COLUMNS = List.of("alert_id", "org_id", "type", "competency", "level", "state",
            "opened_on", "causes", "message");
    static final List<String> REJECT_COLUMNS = List.of("feed", "line", "record_key", "reason", "detail");

    private final LocalDate night;
    private final Catalog catalog;
    private final Map<String, String> names;
    private final Map<String, MembershipStanding> standings;
    private final int horizonDays;
    private final Map<String, MembershipStanding> due = new TreeMap<>();
    private final Map<String, List<CompetencyResult>> dueResults = new TreeMap<>();
    private final Map<String, int[]> levels = new LinkedHashMap<>();
    private final NightWorkbook workbook;

    /** @param workbook receives every CSV report's rows as a sheet too */
    public NightReports(LocalDate night, Catalog catalog, Map<String, String> names,
                        Map<String, MembershipStanding> standings, int horizonDays, NightWorkbook workbook) {
        this.night = night;
        this.workbook = workbook;
        this.catalog = catalog;
        this.names = names;
        this.standings = standings;
        this.horizonDays = horizonDays;
        standings.forEach((org, standing) -> {
            long days = ChronoUnit.DAYS.between(night, standing.term().anniversary());
            if (standing.covers() && (days <= horizonDays || standing.phase() == MembershipStanding.Phase.IN_WINDOW)) {
                due.put(org, standing);
            }
        });
        catalog.competencies().forEach(c -> levels.put(c.code(), new int[3]));
    }

    /**
     * Writes {@code competency-status.csv}, {@code marketing-profile.csv} and {@code membership-expiry.csv} in
     * one pass over the night's results, and counts levels for the summary.
     */
    public void writeResults(Path dir, Consumer<Consumer<CompetencyResult>> results) {
        try (ReportTable status = ReportTable.create(dir, "competency-status.csv", StatusRow.COLUMNS,
                Set.of("qualifying_people"), workbook);
             ReportTable profile = ReportTable.create(dir, "marketing-profile.csv", ProfileRow.COLUMNS, Set.of(),
                     workbook)) {
            results.accept(r -> {
                String name = names.getOrDefault(r.orgId(), "");
                MembershipStanding standing = standings.get(r.orgId());
                if (r.status() != CompetencyStatus.NONE) {
                    boolean projects = standing != null && standing.phase() == MembershipStanding.Phase.ACTIVE;
                    status.row(new StatusRow(r, name, projects).cells());
                    count(r);
                }
                if (r.displayedLevel() != Level.NONE) {
                    profile.row(new ProfileRow(r.orgId(), name, standing == null ? "" : standing.level().name(),
                            r.competency(), r.displayedLevel().name()).cells());
                }
                if (due.containsKey(r.orgId())) {
                    dueResults.computeIfAbsent(r.orgId(), k -> new ArrayList<>()).add(r);
                }
            });
        }
        try (ReportTable expiry = ReportTable.create(dir, "membership-expiry.csv", ExpiryRow.COLUMNS,
                Set.of("days_to_anniversary"), workbook)) {
            due.forEach((org, standing) -> expiry.row(ExpiryRow.of(org, names.getOrDefault(org, ""), standing.term(),
                    night, dueResults.getOrDefault(org, List.of())).cells()));
        }
    }

    private void count(CompetencyResult r) {
        int[] c = levels.get(r.competency());
        if (c != null) {
            c[r.attainedLevel() == Level.GOLD ? 0 : r.attainedLevel() == Level.SILVER ? 1 : 2]++;
        }
    }

    public void writeAlerts(Path dir, List<Alert> alerts) {
        try (ReportTable csv = ReportTable.create(dir, "alerts.csv", ALERT_COLUMNS, Set.of(), workbook)) {
            for (Alert a : alerts) {
                csv.row(List.of(a.alertId(), a.orgId(), a.type(), a.competency(), a.level(), a.state(), a.openedOn(),
                        String.join(";", a.causes()), a.message()));
            }
        }
    }

    public void writeRejects(Path dir, Consumer<Consumer<Reject>> rejects) {
        try (ReportTable csv = ReportTable.create(dir, "rejects.csv", REJECT_COLUMNS, Set.of("line"), workbook)) {
            rejects.accept(r -> csv.row(List.of(r.feed().fileName(), r.line(), r.recordKey(), r.reason(), r.detail())));
        }
    }

    /** The level changes the summary shows, with their total, from the owner's stream of changes. */
    public List<Summary.Change> changes(Consumer<Consumer<LevelChange>> changes, int[] total) {
        List<Summary.Change> shown = new ArrayList<>();
        changes.accept(c -> {
            total[0]++;
            if (shown.size() < SummaryPage.MAX_CHANGES_SHOWN) {
                shown.add(new Summary.Change(c, names.getOrDefault(c.orgId(), ""), competencyName(c.competency())));
            }
        });
        return shown;
    }

    /** Per competency of the catalogue, organisations with progress at Gold, at Silver, and with no level. */
    public List<Summary.LevelCount> levelCounts() {
        List<Summary.LevelCount> counts = new ArrayList<>();
        levels.forEach((code, c) -> counts.add(new Summary.LevelCount(code, competencyName(code), c[0], c[1], c[2])));
        return counts;
    }

    /** Writes the workbook of every CSV report written so far as {@code <night>.xlsx}. */
    public String writeWorkbook(Path dir) {
        String file = workbookName(night);
        workbook.write(dir.resolve(file));
        return file;
    }

    /** The workbook's name: the business date, so that downloaded workbooks of several nights stay apart. */
    public static String workbookName(LocalDate night) {
        return night + ".xlsx";
    }

    public void writeSummary(Path dir, Summary summary) throws IOException {
        SummaryPage.write(dir.resolve("summary.html"), summary);
    }

    private String competencyName(String code) {
        return catalog.competency(code).map(Competency::name).orElse(code);
    }
}
