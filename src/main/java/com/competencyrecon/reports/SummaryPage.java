package com.competencyrecon.reports;

import com.competencyrecon.catalog.Catalog;
import com.competencyrecon.catalog.Competency;
import com.competencyrecon.ingest.Feed;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The night's page for people: one self-contained HTML file with no external assets. */
final class SummaryPage {

    private final NamedParameterJdbcTemplate jdbc;
    private final Catalog catalog;
    private final LocalDate date;

    SummaryPage(NamedParameterJdbcTemplate jdbc, Catalog catalog, LocalDate date) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.date = date;
    }

    /** Rows of the "levels gained and lost" table shown at most; the rest are counted. */
    static final int MAX_CHANGES_SHOWN = 500;

    void write(Path file, List<Map<String, Object>> alerts, Collection<StepExecution> steps) throws IOException {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Competency reconciliation ")
                .append(date).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b;max-width:72rem}")
                .append("h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}")
                .append("table{border-collapse:collapse;margin:.5rem 0}td,th{padding:.25rem .75rem;border-bottom:1px solid #eee;text-align:left}")
                .append("td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}")
                .append(".bar{display:inline-block;height:.8rem;vertical-align:middle}")
                .append(".gold{background:#c9a227}.silver{background:#9aa4ad}.started{background:#d9e2ec}")
                .append(".gain{color:#1a7f37}.loss{color:#b42318}.muted{color:#666}\n</style>\n</head>\n<body>\n");
        html.append("<h1>Competency reconciliation for ").append(date).append("</h1>\n");
        feeds(html);
        changes(html);
        alerts(html, alerts);
        levels(html);
        timings(html, steps);
        html.append("</body>\n</html>\n");
        Files.writeString(file, html, StandardCharsets.UTF_8);
    }

    private void feeds(StringBuilder html) {
        Map<String, long[]> counts = new HashMap<>();
        jdbc.query("SELECT feed, read_count, applied_count, rejected_count FROM feed_count WHERE business_date = :date",
                new MapSqlParameterSource("date", date), rs -> {
                    counts.put(rs.getString("feed"), new long[]{rs.getLong("read_count"), rs.getLong("applied_count"),
                            rs.getLong("rejected_count")});
                });
        Map<String, List<String>> reasons = new HashMap<>();
        jdbc.query("""
                SELECT feed, reason, COUNT(*) AS n FROM feed_reject WHERE business_date = :date
                 GROUP BY feed, reason ORDER BY feed, n DESC, reason""", new MapSqlParameterSource("date", date), rs -> {
            reasons.computeIfAbsent(rs.getString("feed"), k -> new ArrayList<>())
                    .add(rs.getString("reason") + " (" + rs.getLong("n") + ")");
        });
        html.append("<h2>Feeds</h2>\n<table>\n<tr><th>feed</th><th class=\"n\">read</th><th class=\"n\">applied</th>")
                .append("<th class=\"n\">rejected</th><th>top reject reasons</th></tr>\n");
        for (Feed feed : Feed.values()) {
            long[] c = counts.get(feed.fileName());
            html.append("<tr><td>").append(feed.fileName()).append("</td>");
            if (c == null) {
                html.append("<td class=\"n muted\" colspan=\"3\">not delivered</td><td></td></tr>\n");
                continue;
            }
            html.append("<td class=\"n\">").append(c[0]).append("</td><td class=\"n\">").append(c[1])
                    .append("</td><td class=\"n\">").append(c[2]).append("</td><td>")
                    .append(esc(String.join(", ", reasons.getOrDefault(feed.fileName(), List.of()).stream().limit(3).toList())))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private void changes(StringBuilder html) {
        LocalDate previous = jdbc.queryForObject(
                "SELECT MAX(business_date) FROM competency_result WHERE business_date < :date",
                new MapSqlParameterSource("date", date), LocalDate.class);
        html.append("<h2>Levels gained and lost</h2>\n");
        if (previous == null) {
            html.append("<p class=\"muted\">No earlier night to compare with.</p>\n");
            return;
        }
        List<String> rows = new ArrayList<>();
        int[] total = {0};
        jdbc.query("""
                SELECT t.org_id, t.competency, t.attained_level AS now_level,
                       COALESCE(p.attained_level, 'NONE') AS was_level
                  FROM competency_result t LEFT JOIN competency_result p
                    ON p.org_id = t.org_id AND p.competency = t.competency AND p.business_date = :previous
                 WHERE t.business_date = :date AND t.attained_level <> COALESCE(p.attained_level, 'NONE')
                 ORDER BY t.org_id, t.competency""",
                new MapSqlParameterSource("date", date).addValue("previous", previous), rs -> {
                    total[0]++;
                    if (rows.size() < MAX_CHANGES_SHOWN) {
                        String was = rs.getString("was_level");
                        String now = rs.getString("now_level");
                        boolean gain = rank(now) > rank(was);
                        rows.add("<tr class=\"" + (gain ? "gain" : "loss") + "\"><td>" + esc(rs.getString("org_id"))
                                + "</td><td>" + esc(competencyName(rs.getString("competency"))) + "</td><td>" + was
                                + "</td><td>" + now + "</td><td>" + (gain ? "gained" : "lost") + "</td></tr>\n");
                    }
                });
        html.append("<p class=\"muted\">Compared with ").append(previous).append(".</p>\n");
        if (rows.isEmpty()) {
            html.append("<p>No level changed.</p>\n");
            return;
        }
        html.append("<table>\n<tr><th>organisation</th><th>competency</th><th>was</th><th>now</th><th></th></tr>\n");
        rows.forEach(html::append);
        html.append("</table>\n");
        if (total[0] > rows.size()) {
            html.append("<p class=\"muted\">").append(total[0] - rows.size())
                    .append(" more changes: see competency-status.csv.</p>\n");
        }
    }

    private static int rank(String level) {
        return switch (level) {
            case "GOLD" -> 2;
            case "SILVER" -> 1;
            default -> 0;
        };
    }

    private void alerts(StringBuilder html, List<Map<String, Object>> alerts) {
        Map<String, int[]> byType = new TreeMap<>();
        for (Map<String, Object> a : alerts) {
            int[] c = byType.computeIfAbsent((String) a.get("type"), k -> new int[3]);
            switch (ReportsTasklet.state(a)) {
                case "NEW" -> c[0]++;
                case "OPEN" -> c[1]++;
                default -> c[2]++;
            }
        }
        html.append("<h2>Alerts</h2>\n");
        if (byType.isEmpty()) {
            html.append("<p>No alert tonight.</p>\n");
            return;
        }
        html.append("<table>\n<tr><th>type</th><th class=\"n\">new</th><th class=\"n\">open</th><th class=\"n\">resolved</th></tr>\n");
        byType.forEach((type, c) -> html.append("<tr><td>").append(type).append("</td><td class=\"n\">").append(c[0])
                .append("</td><td class=\"n\">").append(c[1]).append("</td><td class=\"n\">").append(c[2]).append("</td></tr>\n"));
        html.append("</table>\n");
    }

    private void levels(StringBuilder html) {
        Map<String, int[]> byCompetency = new LinkedHashMap<>();
        for (Competency c : catalog.competencies()) {
            byCompetency.put(c.code(), new int[3]);
        }
        jdbc.query("""
                SELECT competency, attained_level, COUNT(*) AS n FROM competency_result
                 WHERE business_date = :date AND status <> 'NONE' GROUP BY competency, attained_level""",
                new MapSqlParameterSource("date", date), rs -> {
                    int[] c = byCompetency.get(rs.getString("competency"));
                    if (c != null) {
                        switch (rs.getString("attained_level")) {
                            case "GOLD" -> c[0] += rs.getInt("n");
                            case "SILVER" -> c[1] += rs.getInt("n");
                            default -> c[2] += rs.getInt("n");
                        }
                    }
                });
        int max = byCompetency.values().stream().mapToInt(c -> c[0] + c[1] + c[2]).max().orElse(0);
        double scale = max == 0 ? 0 : 240.0 / max;
        html.append("<h2>Organisations by level</h2>\n<p class=\"muted\"><span class=\"bar gold\" style=\"width:.8rem\"></span> Gold ")
                .append("<span class=\"bar silver\" style=\"width:.8rem\"></span> Silver ")
                .append("<span class=\"bar started\" style=\"width:.8rem\"></span> started, no level</p>\n")
                .append("<table>\n<tr><th>competency</th><th class=\"n\">gold</th><th class=\"n\">silver</th><th class=\"n\">started</th><th></th></tr>\n");
        byCompetency.forEach((code, c) -> html.append("<tr><td title=\"").append(esc(code)).append("\">")
                .append(esc(competencyName(code))).append("</td><td class=\"n\">")
                .append(c[0]).append("</td><td class=\"n\">").append(c[1]).append("</td><td class=\"n\">").append(c[2])
                .append("</td><td>").append(bar("gold", c[0], scale)).append(bar("silver", c[1], scale))
                .append(bar("started", c[2], scale)).append("</td></tr>\n"));
        html.append("</table>\n");
    }

    private static String bar(String css, int count, double scale) {
        return count == 0 ? "" : "<span class=\"bar " + css + "\" style=\"width:" + Math.max(2, Math.round(count * scale))
                + "px\" title=\"" + count + "\"></span>";
    }

    private void timings(StringBuilder html, Collection<StepExecution> steps) {
        html.append("<h2>Steps</h2>\n<table>\n<tr><th>step</th><th>status</th><th class=\"n\">read</th><th class=\"n\">written</th>")
                .append("<th class=\"n\">ms</th></tr>\n");
        steps.stream().sorted(Comparator.comparing(StepExecution::getId)).forEach(s -> {
            LocalDateTime start = s.getStartTime();
            LocalDateTime end = s.getEndTime() != null ? s.getEndTime() : LocalDateTime.now();
            long millis = start == null ? 0 : Duration.between(start, end).toMillis();
            html.append("<tr><td>").append(esc(s.getStepName())).append("</td><td>")
                    .append(s.getEndTime() == null ? "running" : s.getStatus()).append("</td><td class=\"n\">")
                    .append(s.getReadCount()).append("</td><td class=\"n\">").append(s.getWriteCount())
                    .append("</td><td class=\"n\">").append(millis)
                    .append("</td></tr>\n");
        });
        html.append("</table>\n");
    }

    private String competencyName(String code) {
        return catalog.competency(code).map(Competency::name).orElse(code);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
