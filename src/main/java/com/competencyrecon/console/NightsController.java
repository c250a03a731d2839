package com.competencyrecon.console;

import com.competencyrecon.alerts.internal.JdbcAlerts;
import com.competencyrecon.console.internal.JdbcNightRuns;
import com.competencyrecon.console.internal.JdbcNightRuns.NightRun;
import com.competencyrecon.ingest.FeedLog;
import com.competencyrecon.system.ReconProperties;
import org.springframework.batch.core.BatchStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The nights: newest first, filtered by status and date range, a page at a time; and starting a night. */
@Controller
class NightsController {

    static final int PAGE_SIZE = 20;

    /** A night in the list: its latest run and what the night read, rejected and raised. */
    record NightRow(long runId, LocalDate businessDate, String status, LocalDateTime started, String duration,
                    long read, long rejected, int alertsRaised, int runs) {
    }

    private final JdbcNightRuns nights;
    private final FeedLog feeds;
    private final JdbcAlerts alerts;
    private final NightStarter starter;
    private final ReconProperties properties;

    NightsController(JdbcNightRuns nights, FeedLog feeds, JdbcAlerts alerts, NightStarter starter,
                     ReconProperties properties) {
        this.nights = nights;
        this.feeds = feeds;
        this.alerts = alerts;
        this.starter = starter;
        this.properties = properties;
    }

    @GetMapping({"/console", "/console/"})
    String home() {
        return "redirect:/console/nights";
    }

    @GetMapping("/console/nights")
    String nights(@RequestParam(required = false) String status, @RequestParam(required = false) String from,
                  @RequestParam(required = false) String to, @RequestParam(required = false) Integer page,
                  Model model) {
        BatchStatus chosen = Inputs.choice("status", status, BatchStatus.class);
        JdbcNightRuns.Filter filter = new JdbcNightRuns.Filter(chosen == null ? null : chosen.name(),
                Inputs.date("from", from), Inputs.date("to", to));
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            throw new IllegalArgumentException("from " + filter.from() + " is after to " + filter.to());
        }
        Pager pager = Pager.of(Inputs.page(page), PAGE_SIZE, nights.count(filter));
        List<NightRun> runs = nights.page(filter, pager.offset(), PAGE_SIZE);
        Map<LocalDate, Integer> raised = alerts.raisedOn(runs.stream().map(NightRun::businessDate).toList());
        List<NightRow> rows = runs.stream().map(r -> row(r, raised.getOrDefault(r.businessDate(), 0))).toList();
        List<NightRow> oldestFirst = rows.stream().sorted(Comparator.comparing(NightRow::businessDate)).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("pager", pager);
        model.addAttribute("statuses", BatchStatus.values());
        model.addAttribute("status", chosen == null ? "" : chosen.name());
        model.addAttribute("from", filter.from());
        model.addAttribute("to", filter.to());
        model.addAttribute("rejectsChart", Charts.bars(
                oldestFirst.stream().map(r -> r.businessDate().toString()).toList(),
                oldestFirst.stream().map(NightRow::rejected).toList(), "Rejected records per night on this page"));
        model.addAttribute("defaultReportDir", properties.reportDir());
        return "console/nights";
    }

    @PostMapping("/console/nights")
    String start(@RequestParam String businessDate, @RequestParam String inputDir,
                 @RequestParam(required = false) String reportDir, @RequestParam(required = false) String catalog,
                 @RequestParam(defaultValue = "false") boolean confirm, RedirectAttributes redirect) {
        Inputs.confirmed(confirm, "start the night");
        starter.start(businessDate, inputDir, reportDir, catalog);
        redirect.addFlashAttribute("notice", "The night " + businessDate.trim()
                + " has started; it appears below within a few seconds.");
        return "redirect:/console/nights";
    }

    private NightRow row(NightRun run, int alertsRaised) {
        long read = 0;
        long rejected = 0;
        for (FeedLog.Counts c : feeds.countsOf(run.businessDate()).values()) {
            read += c.read();
            rejected += c.rejected();
        }
        return new NightRow(run.runId(), run.businessDate(), run.status(), run.started(),
                Durations.between(run.started(), run.ended()), read, rejected, alertsRaised, run.runs());
    }
}
