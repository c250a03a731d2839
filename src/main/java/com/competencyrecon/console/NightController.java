package com.competencyrecon.console;

import com.competencyrecon.alerts.Alert;
import com.competencyrecon.alerts.AlertState;
import com.competencyrecon.alerts.AlertType;
import com.competencyrecon.alerts.internal.JdbcAlerts;
import com.competencyrecon.console.internal.JdbcNightRuns;
import com.competencyrecon.ingest.Feed;
import com.competencyrecon.ingest.FeedLog;
import com.competencyrecon.ingest.Reject;
import com.competencyrecon.ingest.internal.JdbcFeedLog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A night: its run, what each feed delivered, its published reports, its most frequent reject reasons with
 * sample records, and the alerts it shows, filtered by type, state and organisation, a page at a time.
 */
@Controller
class NightController {

    static final int ALERTS_PER_PAGE = 50;
    static final int REASONS_PER_FEED = 5;
    static final int SAMPLES_PER_REASON = 3;

    /** A reject reason of a feed, how often the night gave it, and its first records. */
    record ReasonRow(String feed, String reason, long count, List<Reject> samples) {
    }

    record FeedRow(String feed, long read, long applied, long rejected) {
    }

    private final JdbcNightRuns nights;
    private final JdbcFeedLog feeds;
    private final JdbcAlerts alerts;
    private final ReportFolder reports;

    NightController(JdbcNightRuns nights, JdbcFeedLog feeds, JdbcAlerts alerts, ReportFolder reports) {
        this.nights = nights;
        this.feeds = feeds;
        this.alerts = alerts;
        this.reports = reports;
    }

    @GetMapping("/console/nights/{businessDate}")
    String night(@PathVariable String businessDate, @RequestParam(required = false) String type,
                 @RequestParam(required = false) String state, @RequestParam(required = false) String org,
                 @RequestParam(required = false) Integer page, Model model) {
        LocalDate date = Inputs.date("business date", businessDate);
        List<JdbcNightRuns.NightRun> run = nights.page(new JdbcNightRuns.Filter(null, date, date), 0, 1);
        if (run.isEmpty()) {
            throw new ConsoleAdvice.NotFound("the night " + date + " has not run");
        }
        AlertType alertType = Inputs.choice("type", type, AlertType.class);
        AlertState alertState = Inputs.choice("state", state, AlertState.class);
        String orgId = Inputs.optional(org);
        Pager pager = Pager.of(Inputs.page(page), ALERTS_PER_PAGE,
                alerts.countShownOn(date, alertType, alertState, orgId));
        List<Alert> shown = alerts.shownOn(date, alertType, alertState, orgId, pager.offset(), ALERTS_PER_PAGE);

        model.addAttribute("date", date);
        model.addAttribute("run", run.get(0));
        model.addAttribute("feeds", feedRows(date));
        model.addAttribute("reasons", reasons(date));
        model.addAttribute("reports", reports.of(date));
        model.addAttribute("alerts", shown);
        model.addAttribute("pager", pager);
        model.addAttribute("types", AlertType.values());
        model.addAttribute("states", AlertState.values());
        model.addAttribute("type", alertType == null ? "" : alertType.name());
        model.addAttribute("state", alertState == null ? "" : alertState.name());
        model.addAttribute("org", orgId == null ? "" : orgId);
        return "console/night";
    }

    private List<FeedRow> feedRows(LocalDate date) {
        List<FeedRow> rows = new ArrayList<>();
        Map<Feed, FeedLog.Counts> counts = feeds.countsOf(date);
        for (Feed feed : Feed.values()) {
            FeedLog.Counts c = counts.get(feed);
            if (c != null) {
                rows.add(new FeedRow(feed.fileName(), c.read(), c.applied(), c.rejected()));
            }
        }
        return rows;
    }

    private List<ReasonRow> reasons(LocalDate date) {
        List<ReasonRow> rows = new ArrayList<>();
        feeds.reasonsOf(date).forEach((feed, counts) -> counts.stream().limit(REASONS_PER_FEED).forEach(c ->
                rows.add(new ReasonRow(feed.fileName(), c.reason().name(), c.count(),
                        feeds.samplesOf(date, feed, c.reason(), SAMPLES_PER_REASON)))));
        rows.sort((a, b) -> Long.compare(b.count(), a.count()));
        return rows;
    }
}
