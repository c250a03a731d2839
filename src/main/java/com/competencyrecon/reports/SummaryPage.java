package com.competencyrecon.reports;

import com.competencyrecon.alerts.Alert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The night's page for people: one self-contained HTML file with no external assets, rendered from rows. */
final class SummaryPage {

    /** Rows of the "levels gained and lost" table shown at most; the rest are counted. */
    static final int MAX_CHANGES_SHOWN = 500;

    private SummaryPage() {
    }

    static void write(Path file, Summary summary) throws IOException {
        Files.writeString(file, render(summary), StandardCharsets.UTF_8);
    }

    static String render(Summary s) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Competency reconciliation ")
                .append(s.night()).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b;max-width:72rem}")
                .append("h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}")
                .append("table{border-collapse:collapse;margin:.5rem 0}td,th{padding:.25rem .75rem;border-bottom:1px solid #eee;text-align:left}")
                .append("td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}")
                .append(".bar{display:inline-block;height:.8rem;vertical-align:middle}")
                .append(".gold{background:#c9a227}.silver{background:#9aa4ad}.started{background:#d9e2ec}")
                .append(".gain{color:#1a7f37}.loss{color:#b42318}.muted{color:#666}\n</style>\n</head>\n<body>\n");
        html.append("<h1>Competency reconciliation for ").append(s.night()).append("</h1>\n");
        feeds(html, s.feeds());
        changes(html, s);
        alerts(html, s.alerts());
        levels(html, s.levels());
        steps(html, s.steps());
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static void feeds(StringBuilder html, List<Summary.FeedLine> feeds) {
        html.append("<h2>Feeds</h2>\n<table>\n<tr><th>feed</th><th class=\"n\">read</th><th class=\"n\">applied</th>")
                .append("<th class=\"n\">rejected</th><th>top reject reasons</th></tr>\n");
        for (Summary.FeedLine feed : feeds) {
            html.append("<tr><td>").append(feed.file()).append("</td>");
            if (!feed.delivered()) {
                html.append("<td class=\"n muted\" colspan=\"3\">not delivered</td><td></td></tr>\n");
                continue;
            }
            html.append("<td class=\"n\">").append(feed.read()).append("</td><td class=\"n\">").append(feed.applied())
                    .append("</td><td class=\"n\">").append(feed.rejected()).append("</td><td>")
                    .append(esc(String.join(", ", feed.topReasons()))).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void changes(StringBuilder html, Summary s) {
        html.append("<h2>Levels gained and lost</h2>\n");
        if (s.comparedWith().isEmpty()) {
            html.append("<p class=\"muted\">No earlier night to compare with.</p>\n");
            return;
        }
        html.append("<p class=\"muted\">Compared with ").append(s.comparedWith().get()).append(".</p>\n");
        if (s.changes().isEmpty()) {
            html.append("<p>No level changed.</p>\n");
            return;
        }
        html.append("<table>\n<tr><th>organisation</th><th>competency</th><th>was</th><th>now</th><th></th></tr>\n");
        for (Summary.Change row : s.changes()) {
            boolean gain = row.change().gained();
            html.append("<tr class=\"").append(gain ? "gain" : "loss").append("\"><td>").append(esc(row.change().orgId()))
                    .append("</td><td>").append(esc(row.competencyName())).append("</td><td>").append(row.change().was())
                    .append("</td><td>").append(row.change().now()).append("</td><td>").append(gain ? "gained" : "lost")
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
        if (s.totalChanges() > s.changes().size()) {
            html.append("<p class=\"muted\">").append(s.totalChanges() - s.changes().size())
                    .append(" more changes: see competency-status.csv.</p>\n");
        }
    }

    private static void alerts(StringBuilder html, List<Alert> alerts) {
        Map<String, int[]> byType = new TreeMap<>();
        for (Alert a : alerts) {
            byType.computeIfAbsent(a.type().name(), k -> new int[3])[a.state().ordinal()]++;
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

    private static void levels(StringBuilder html, List<Summary.LevelCount> levels) {
        int max = levels.stream().mapToInt(c -> c.gold() + c.silver() + c.started()).max().orElse(0);
        double scale = max == 0 ? 0 : 240.0 / max;
        html.append("<h2>Organisations by level</h2>\n<p class=\"muted\"><span class=\"bar gold\" style=\"width:.8rem\"></span> Gold ")
                .append("<span class=\"bar silver\" style=\"width:.8rem\"></span> Silver ")
                .append("<span class=\"bar started\" style=\"width:.8rem\"></span> started, no level</p>\n")
                .append("<table>\n<tr><th>competency</th><th class=\"n\">gold</th><th class=\"n\">silver</th><th class=\"n\">started</th><th></th></tr>\n");
        for (Summary.LevelCount c : levels) {
            html.append("<tr><td title=\"").append(esc(c.code())).append("\">").append(esc(c.name()))
                    .append("</td><td class=\"n\">").append(c.gold()).append("</td><td class=\"n\">").append(c.silver())
                    .append("</td><td class=\"n\">").append(c.started()).append("</td><td>")
                    .append(bar("gold", c.gold(), scale)).append(bar("silver", c.silver(), scale))
                    .append(bar("started", c.started(), scale)).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static String bar(String css, int count, double scale) {
        return count == 0 ? "" : "<span class=\"bar " + css + "\" style=\"width:" + Math.max(2, Math.round(count * scale))
                + "px\" title=\"" + count + "\"></span>";
    }

    private static void steps(StringBuilder html, List<Summary.StepLine> steps) {
        html.append("<h2>Steps</h2>\n<table>\n<tr><th>step</th><th>status</th><th class=\"n\">read</th><th class=\"n\">written</th>")
                .append("<th class=\"n\">ms</th></tr>\n");
        for (Summary.StepLine s : steps) {
            html.append("<tr><td>").append(esc(s.name())).append("</td><td>").append(s.status())
                    .append("</td><td class=\"n\">").append(s.read()).append("</td><td class=\"n\">").append(s.written())
                    .append("</td><td class=\"n\">").append(s.millis()).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
