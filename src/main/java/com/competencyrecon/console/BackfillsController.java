package com.competencyrecon.console;

import com.competencyrecon.operations.Backfill;
import com.competencyrecon.system.ReconProperties;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Starting a backfill from the console, an operator's action: the nights of a range in date order, through the
 * same {@link Backfill} the API and the command line use (completed nights skipped, the series stopping at the
 * first night that fails). Checked while the operator waits, so a refusal is shown; then it runs in the
 * background and the nights page follows it.
 */
@Controller
class BackfillsController {

    private final Backfill backfill;
    private final ReconProperties properties;

    BackfillsController(Backfill backfill, ReconProperties properties) {
        this.backfill = backfill;
        this.properties = properties;
    }

    @PostMapping("/console/backfills")
    String start(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                 @RequestParam(required = false) String inputRoot, @RequestParam(required = false) String reportDir,
                 @RequestParam(required = false) String catalog,
                 @RequestParam(defaultValue = "false") boolean confirm, RedirectAttributes redirect) {
        Inputs.confirmed(confirm, "start the backfill");
        List<Backfill.Night> nights = Backfill.range(Inputs.optional(from), Inputs.optional(to),
                Inputs.optional(inputRoot));
        String reports = Inputs.optional(reportDir) == null ? properties.reportDir() : reportDir.trim();
        Backfill.Started started = backfill.start(nights, reports, Inputs.optional(catalog));
        redirect.addFlashAttribute("notice", notice(started));
        return "redirect:/console/nights";
    }

    static String notice(Backfill.Started started) {
        String range = "The backfill " + started.from() + " to " + started.to();
        String skipped = started.alreadyCompleted().isEmpty() ? ""
                : " Already completed, skipped: " + dates(started.alreadyCompleted()) + ".";
        if (started.willRun().isEmpty()) {
            return range + " has nothing to run: every night of it has completed.";
        }
        return range + " has started: it runs " + dates(started.willRun()) + " in date order, one at a time, and"
                + " stops at the first night that fails; they appear below as they run." + skipped;
    }

    private static String dates(List<LocalDate> dates) {
        return dates.stream().map(LocalDate::toString).collect(Collectors.joining(", "));
    }
}
