package com.competencyrecon.reports;

import com.competencyrecon.catalog.Catalog;
import com.competencyrecon.catalog.Competency;
import com.competencyrecon.catalog.Level;
import com.competencyrecon.ingest.Feed;
import com.competencyrecon.membership.MembershipDirectory;
import com.competencyrecon.membership.MembershipStanding;
import com.competencyrecon.membership.MembershipTerm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes the night's six reports into a staging folder and publishes it as {@code <reportDir>/<date>} only
 * when all are written.
 */
public class ReportsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ReportsTasklet.class);

    static final List<String> STATUS_COLUMNS = List.of("org_id", "org_name", "competency", "attained_level",
            "attained_path", "held_level", "displayed_level", "status", "qualifying_people", "as_of");
    static final List<String> ALERT_COLUMNS = List.of("alert_id", "org_id", "type", "competency", "level", "state",
            "opened_on", "causes", "message");
    static final List<String> EXPIRY_COLUMNS = List.of("org_id", "org_name", "membership_level", "purchased_on",
            "anniversary", "renewal_window_closes", "days_to_anniversary", "renewal_eligible", "upgrade_eligible",
            "at_risk_competencies");
    static final List<String> PROFILE_COLUMNS = List.of("org_id", "org_name", "membership_level", "competency",
            "displayed_level");
    static final List<String> REJECT_COLUMNS = List.of("feed", "line", "record_key", "reason", "detail");

    private final NamedParameterJdbcTemplate jdbc;
    private final MembershipDirectory memberships;
    private final Catalog catalog;
    private final LocalDate date;
    private final Path reportDir;
    private final int horizonDays;

    public ReportsTasklet(NamedParameterJdbcTemplate jdbc, MembershipDirectory memberships, Catalog catalog,
                          LocalDate date, Path reportDir, int horizonDays) {
        this.jdbc = jdbc;
        this.memberships = memberships;
        this.catalog = catalog;
        this.date = date;
        this.reportDir = reportDir;
        this.horizonDays = horizonDays;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        Path staged = PublishedFolder.staging(reportDir, date.toString());
        try {
            Map<String, String> orgNames = orgNames();
            List<Map<String, Object>> results = results(date);
            Map<String, MembershipStanding> standings = memberships.standingsOn(date);
            writeStatus(staged, results, orgNames);
            List<Map<String, Object>> alerts = writeAlerts(staged);
            writeExpiry(staged, results, standings, orgNames);
            writeProfile(staged, results, standings, orgNames);
            writeRejects(staged);
            new SummaryPage(jdbc, catalog, date).write(staged.resolve("summary.html"), results, alerts,
                    chunkContext.getStepContext().getStepExecution().getJobExecution().getStepExecutions());
            PublishedFolder.publish(staged, reportDir.resolve(date.toString()));
        } catch (RuntimeException | IOException e) {
            PublishedFolder.deleteTree(staged);
            throw e;
        }
        contribution.incrementWriteCount(6);
        log.info("Reports for {} published in {}", date, reportDir.resolve(date.toString()));
        return RepeatStatus.FINISHED;
    }

    private Map<String, String> orgNames() {
        Map<String, String> names = new TreeMap<>();
        jdbc.query("SELECT org_id, name FROM organization", new MapSqlParameterSource(),
                rs -> {
                    names.put(rs.getString("org_id"), rs.getString("name"));
                });
        return names;
    }

    List<Map<String, Object>> results(LocalDate day) {
        return jdbc.queryForList("""
                SELECT org_id, competency, attained_level, attained_path, held_level, displayed_level, status,
                       qualifying_people, term_id
                  FROM competency_result WHERE business_date = :date ORDER BY org_id, competency""",
                new MapSqlParameterSource("date", day));
    }

    private void writeStatus(Path dir, List<Map<String, Object>> results, Map<String, String> names) {
        try (CsvReport csv = CsvReport.create(dir.resolve("competency-status.csv"), STATUS_COLUMNS,
                Set.of("qualifying_people"))) {
            for (Map<String, Object> r : results) {
                if (!"NONE".equals(r.get("status"))) {
                    csv.row(List.of(r.get("org_id"), names.getOrDefault((String) r.get("org_id"), ""), r.get("competency"),
                            r.get("attained_level"), r.get("attained_path"), r.get("held_level"),
                            r.get("displayed_level"), r.get("status"), r.get("qualifying_people"), date));
                }
            }
        }
    }

    private List<Map<String, Object>> writeAlerts(Path dir) {
        List<Map<String, Object>> alerts = jdbc.queryForList("""
                SELECT alert_id, org_id, type, competency, level, opened_on, last_seen_on, resolved_on, causes, message
                  FROM alert
                 WHERE (resolved_on IS NULL AND last_seen_on = :date) OR resolved_on = :date
                 ORDER BY alert_id""", new MapSqlParameterSource("date", date));
        try (CsvReport csv = CsvReport.create(dir.resolve("alerts.csv"), ALERT_COLUMNS, Set.of())) {
            for (Map<String, Object> a : alerts) {
                csv.row(List.of(a.get("alert_id"), a.get("org_id"), a.get("type"), a.get("competency"), a.get("level"),
                        state(a), a.get("opened_on").toString(), a.get("causes"), a.get("message")));
            }
        }
        return alerts;
    }

    static String state(Map<String, Object> alert) {
        if (alert.get("resolved_on") != null) {
            return "RESOLVED";
        }
        return String.valueOf(alert.get("opened_on")).equals(String.valueOf(alert.get("last_seen_on"))) ? "NEW"
                : "OPEN";
    }

    private void writeExpiry(Path dir, List<Map<String, Object>> results, Map<String, MembershipStanding> standings,
                             Map<String, String> names) {
        try (CsvReport csv = CsvReport.create(dir.resolve("membership-expiry.csv"), EXPIRY_COLUMNS,
                Set.of("days_to_anniversary"))) {
            for (Map.Entry<String, MembershipStanding> e : standings.entrySet()) {
                MembershipStanding standing = e.getValue();
                if (!standing.covers()) {
                    continue;
                }
                MembershipTerm term = standing.term();
                long days = ChronoUnit.DAYS.between(date, term.anniversary());
                if (days > horizonDays && standing.phase() != MembershipStanding.Phase.IN_WINDOW) {
                    continue;
                }
                boolean renewal = false;
                boolean upgrade = false;
                Set<String> atRisk = new TreeSet<>();
                for (Map<String, Object> r : results) {
                    if (!e.getKey().equals(r.get("org_id"))) {
                        continue;
                    }
                    Level attained = Level.valueOf((String) r.get("attained_level"));
                    renewal |= attained.atLeast(term.level());
                    upgrade |= term.level() == Level.SILVER && attained == Level.GOLD;
                    if ("AT_RISK".equals(r.get("status"))) {
                        atRisk.add((String) r.get("competency"));
                    }
                }
                csv.row(List.of(e.getKey(), names.getOrDefault(e.getKey(), ""), term.level(), term.purchasedOn(),
                        term.anniversary(), term.windowCloses(), days, renewal, upgrade, String.join(";", atRisk)));
            }
        }
    }

    private void writeProfile(Path dir, List<Map<String, Object>> results, Map<String, MembershipStanding> standings,
                              Map<String, String> names) {
        try (CsvReport csv = CsvReport.create(dir.resolve("marketing-profile.csv"), PROFILE_COLUMNS, Set.of())) {
            for (Map<String, Object> r : results) {
                if (!"NONE".equals(r.get("displayed_level"))) {
                    MembershipStanding standing = standings.get((String) r.get("org_id"));
                    csv.row(List.of(r.get("org_id"), names.getOrDefault((String) r.get("org_id"), ""),
                            standing == null ? "" : standing.level(), r.get("competency"), r.get("displayed_level")));
                }
            }
        }
    }

    private void writeRejects(Path dir) {
        try (CsvReport csv = CsvReport.create(dir.resolve("rejects.csv"), REJECT_COLUMNS, Set.of("line"))) {
            jdbc.query("""
                    SELECT feed, line, record_key, reason, detail FROM feed_reject WHERE business_date = :date
                     ORDER BY feed, line""", new MapSqlParameterSource("date", date), rs -> {
                csv.row(List.of(rs.getString("feed"), rs.getLong("line"), rs.getString("record_key"),
                        rs.getString("reason"), rs.getString("detail")));
            });
        }
    }
}
