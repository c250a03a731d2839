package com.competencyrecon.reports;

import com.competencyrecon.catalog.Catalog;
import com.competencyrecon.catalog.Level;
import com.competencyrecon.membership.MembershipDirectory;
import com.competencyrecon.membership.MembershipStanding;
import com.competencyrecon.membership.MembershipTerm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
    private final JobRepository jobRepository;

    public ReportsTasklet(NamedParameterJdbcTemplate jdbc, MembershipDirectory memberships, Catalog catalog,
                          LocalDate date, Path reportDir, int horizonDays, JobRepository jobRepository) {
        this.jobRepository = jobRepository;
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
            Map<String, MembershipStanding> standings = memberships.standingsOn(date);
            writeStatus(staged);
            List<Map<String, Object>> alerts = writeAlerts(staged);
            writeExpiry(staged, standings);
            writeProfile(staged, standings);
            writeRejects(staged);
            new SummaryPage(jdbc, catalog, date).write(staged.resolve("summary.html"), alerts,
                    nightSteps(chunkContext.getStepContext().getStepExecution()));
            PublishedFolder.publish(staged, reportDir.resolve(date.toString()));
        } catch (RuntimeException | IOException e) {
            PublishedFolder.deleteTree(staged);
            throw e;
        }
        contribution.incrementWriteCount(6);
        log.info("Reports for {} published in {}", date, reportDir.resolve(date.toString()));
        return RepeatStatus.FINISHED;
    }

    /** The latest execution of each step of the night, across a failed run and its restarts. */
    private List<StepExecution> nightSteps(StepExecution current) {
        Map<String, StepExecution> latest = new LinkedHashMap<>();
        List<JobExecution> runs = new ArrayList<>(jobRepository.getJobExecutions(current.getJobExecution().getJobInstance()));
        runs.sort(Comparator.comparing(JobExecution::getId));
        for (JobExecution run : runs) {
            Collection<StepExecution> steps = run.getId() == current.getJobExecution().getId()
                    ? current.getJobExecution().getStepExecutions() : run.getStepExecutions();
            for (StepExecution step : steps) {
                latest.put(step.getStepName(), step);
            }
        }
        return new ArrayList<>(latest.values());
    }

    /** Streams the night's rows with their organisation's name, in report order. */
    private void writeStatus(Path dir) {
        try (CsvReport csv = CsvReport.create(dir.resolve("competency-status.csv"), STATUS_COLUMNS,
                Set.of("qualifying_people"))) {
            jdbc.query("""
                    SELECT r.org_id, o.name, r.competency, r.attained_level, r.attained_path, r.held_level,
                           r.displayed_level, r.status, r.qualifying_people
                      FROM competency_result r JOIN organization o ON o.org_id = r.org_id
                     WHERE r.business_date = :date AND r.status <> 'NONE'
                     ORDER BY r.org_id, r.competency""", new MapSqlParameterSource("date", date), rs -> {
                csv.row(List.of(rs.getString("org_id"), rs.getString("name"), rs.getString("competency"),
                        rs.getString("attained_level"), rs.getString("attained_path"), rs.getString("held_level"),
                        rs.getString("displayed_level"), rs.getString("status"), rs.getInt("qualifying_people"), date));
            });
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

    /** Memberships whose anniversary is within the horizon or whose window is open, with tonight's eligibility. */
    private void writeExpiry(Path dir, Map<String, MembershipStanding> standings) {
        Map<String, MembershipStanding> due = new TreeMap<>();
        standings.forEach((org, standing) -> {
            long days = ChronoUnit.DAYS.between(date, standing.term().anniversary());
            if (standing.covers() && (days <= horizonDays || standing.phase() == MembershipStanding.Phase.IN_WINDOW)) {
                due.put(org, standing);
            }
        });
        Map<String, String> names = new HashMap<>();
        Map<String, List<String[]>> rows = new HashMap<>();
        for (List<String> orgs : partition(new ArrayList<>(due.keySet()), 500)) {
            MapSqlParameterSource p = new MapSqlParameterSource("date", date).addValue("orgs", orgs);
            jdbc.query("""
                    SELECT r.org_id, o.name, r.competency, r.attained_level, r.status
                      FROM competency_result r JOIN organization o ON o.org_id = r.org_id
                     WHERE r.business_date = :date AND r.org_id IN (:orgs)""", p, rs -> {
                names.put(rs.getString("org_id"), rs.getString("name"));
                rows.computeIfAbsent(rs.getString("org_id"), k -> new ArrayList<>()).add(new String[]{
                        rs.getString("competency"), rs.getString("attained_level"), rs.getString("status")});
            });
        }
        try (CsvReport csv = CsvReport.create(dir.resolve("membership-expiry.csv"), EXPIRY_COLUMNS,
                Set.of("days_to_anniversary"))) {
            due.forEach((org, standing) -> {
                MembershipTerm term = standing.term();
                boolean renewal = false;
                boolean upgrade = false;
                Set<String> atRisk = new TreeSet<>();
                for (String[] r : rows.getOrDefault(org, List.of())) {
                    Level attained = Level.valueOf(r[1]);
                    renewal |= attained.atLeast(term.level());
                    upgrade |= term.level() == Level.SILVER && attained == Level.GOLD;
                    if ("AT_RISK".equals(r[2])) {
                        atRisk.add(r[0]);
                    }
                }
                csv.row(List.of(org, names.getOrDefault(org, orgName(org)), term.level(), term.purchasedOn(),
                        term.anniversary(), term.windowCloses(), ChronoUnit.DAYS.between(date, term.anniversary()),
                        renewal, upgrade, String.join(";", atRisk)));
            });
        }
    }

    private String orgName(String org) {
        List<String> name = jdbc.queryForList("SELECT name FROM organization WHERE org_id = :org",
                new MapSqlParameterSource("org", org), String.class);
        return name.isEmpty() ? "" : name.get(0);
    }

    private static <T> List<List<T>> partition(List<T> all, int size) {
        List<List<T>> parts = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            parts.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return parts;
    }

    private void writeProfile(Path dir, Map<String, MembershipStanding> standings) {
        try (CsvReport csv = CsvReport.create(dir.resolve("marketing-profile.csv"), PROFILE_COLUMNS, Set.of())) {
            jdbc.query("""
                    SELECT r.org_id, o.name, r.competency, r.displayed_level
                      FROM competency_result r JOIN organization o ON o.org_id = r.org_id
                     WHERE r.business_date = :date AND r.displayed_level <> 'NONE'
                     ORDER BY r.org_id, r.competency""", new MapSqlParameterSource("date", date), rs -> {
                MembershipStanding standing = standings.get(rs.getString("org_id"));
                csv.row(List.of(rs.getString("org_id"), rs.getString("name"), standing == null ? "" : standing.level(),
                        rs.getString("competency"), rs.getString("displayed_level")));
            });
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
