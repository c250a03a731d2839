package com.competencyrecon.reports;

import com.competencyrecon.alerts.Alert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.competencyrecon.reports.Html.bdi;
import static com.competencyrecon.reports.Html.esc;

/**
 * The night's page for people: one self-contained HTML file with no external assets, rendered from rows. Links
 * are relative, to the files beside it in the night's folder, so the folder can be moved or served as a whole.
 */
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
        Html.open(html, "Competency reconciliation " + s.night());
        html.append("<h1>Competency reconciliation for ").append(esc(s.night())).append("</h1>\n");
        files(html, s.files());
        feeds(html, s.feeds());
        changes(html, s);
        alerts(html, s.alerts());
        levels(html, s.levels(), s.files().contains(PageNames.INDEX));
        steps(html, s);
        Html.close(html);
        return html.toString();
    }

    private static void files(StringBuilder html, List<String> files) {
        html.append("<h2>Reports</h2>\n<ul>\n");
        for (String file : files) {
            html.append("<li><a href=\"").append(esc(file)).append("\">").append(esc(file)).append("</a></li>\n");
        }
        html.append("</ul>\n");
    }

    private static void feeds(StringBuilder html, List<Summary.FeedLine> feeds) {
        html.append("<h2>Feeds</h2>\n<table>\n<tr><th>feed</th><th class=\"n\">read</th><th class=\"n\">applied</th>")
                .append("<th class=\"n\">rejected</th><th>top reject reasons</th></tr>\n");
        for (Summary.FeedLine feed : feeds) {
            html.append("<tr><td>").append(esc(feed.file())).append("</td>");
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
        boolean pages = s.files().contains(PageNames.INDEX);
        html.append("<h2>Levels gained and lost</h2>\n");
        if (s.comparedWith().isEmpty()) {
            html.append("<p class=\"muted\">No earlier night to compare with.</p>\n");
            return;
        }
        html.append("<p class=\"muted\">Compared with ").append(esc(s.comparedWith().get())).append(".</p>\n");
        if (s.changes().isEmpty()) {
            html.append("<p>No level changed.</p>\n");
            return;
        }
        html.append("<table>\n<tr><th>organisation</th><th>id</th><th>competency</th><th>was</th><th>now</th><th></th></tr>\n");
        for (Summary.Change row : s.changes()) {
            boolean gain = row.change().gained();
            String org = row.change().orgId();
            html.append("<tr class=\"").append(gain ? "gain" : "loss").append("\"><td>");
            if (pages) {
                html.append("<a href=\"").append(esc(PageNames.pageOf(org))).append("\">").append(bdi(row.orgName()))
                        .append("</a>");
            } else {
                html.append(bdi(row.orgName()));
            }
            html.append("</td><td>")
                    .append(bdi(org)).append("</td><td>").append(bdi(row.competencyName())).append("</td><td>")
                    .append(esc(row.change().was())).append("</td><td>").append(esc(row.change().now())).append("</td><td>")
                    .append(gain ? "gained" : "lost").append("</td></tr>\n");
        }
        html.append("</table>\n");
        if (s.totalChanges() > s.changes().size()) {
            html.append("<p class=\"muted\">").append(s.totalChanges() - s.changes().size())
                    .append(" more changes: see <a href=\"competency-status.csv\">competency-status.csv</a>.</p>\n");
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
        byType.forEach((type, c) -> html.append("<tr><td>").append(esc(type)).append("</td><td class=\"n\">").append(c[0])
                .append("</td><td class=\"n\">").append(c[1]).append("</td><td class=\"n\">").append(c[2]).append("</td></tr>\n"));
        html.append("</table>\n");
    }

    private static void levels(StringBuilder html, List<Summary.LevelCount> levels, boolean pages) {
        int max = levels.stream().mapToInt(c -> c.gold() + c.silver() + c.started()).max().orElse(0);
        double scale = max == 0 ? 0 : 240.0 / max;
        html.append("<h2>Organisations by level</h2>\n<p class=\"muted\"><span class=\"bar gold\" style=\"width:.8rem\"></span> Gold ")
                .append("<span class=\"bar silver\" style=\"width:.8rem\"></span> Silver ")
                .append("<span class=\"bar started\" style=\"width:.8rem\"></span> started, no level.");
        if (pages) {
            html.append(" Each organisation's page says who counted and what is missing: <a href=\"")
                    .append(PageNames.INDEX).append("\">organisations</a>.");
        }
        html.append("</p>\n")
                .append("<table>\n<tr><th>competency</th><th class=\"n\">gold</th><th class=\"n\">silver</th><th class=\"n\">started</th><th></th></tr>\n");
        for (Summary.LevelCount c : levels) {
            html.append("<tr><td title=\"").append(esc(c.code())).append("\">").append(bdi(c.name()))
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

    /**
     * The finished steps, then the step writing this page: it is still going while it writes, so it is said to
     * be the writer rather than listed with a status and a time it does not have yet.
     */
    private static void steps(StringBuilder html, Summary s) {
        html.append("<h2>Steps</h2>\n<table>\n<tr><th>step</th><th>status</th><th class=\"n\">read</th><th class=\"n\">written</th>")
                .append("<th class=\"n\">ms</th></tr>\n");
        for (Summary.StepLine step : s.steps()) {
            html.append("<tr><td>").append(esc(step.name())).append("</td><td>").append(esc(step.status()))
                    .append("</td><td class=\"n\">").append(step.read()).append("</td><td class=\"n\">").append(step.written())
                    .append("</td><td class=\"n\">").append(step.millis()).append("</td></tr>\n");
        }
        html.append("</table>\n<p class=\"muted\">These reports were written by step ").append(esc(s.writtenBy().step()))
                .append(" of run ").append(s.writtenBy().runId()).append(", the night's last step, which was still writing")
                .append(" them when this page was made: the folder is published only once every report in it is written.</p>\n");
    }
}
