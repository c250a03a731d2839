package com.competencyrecon.console;

import com.competencyrecon.operations.OperatorService;
import com.competencyrecon.schedule.JobDescriptor;
import com.competencyrecon.schedule.JobDescriptors;
import com.competencyrecon.system.ReconProperties;
import org.quartz.CronExpression;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.nio.file.Path;
import java.text.ParseException;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.TreeMap;

/** The schedules: each descriptor of the jobs folder, whether it is enabled, and when it fires next. */
@Controller
class SchedulesController {

    static final int NEXT_FIRINGS = 5;
    static final int LATEST_FIRINGS = 20;

    /** A descriptor as the page shows it; the next firings are in the descriptor's time zone. */
    record ScheduleRow(String name, String job, String cron, String timeZone, boolean enabled,
                       int businessDateOffsetDays, TreeMap<String, String> parameters, List<Firing> nextFirings,
                       JobDescriptor.CatchUp catchUp) {
    }

    /** A firing: when, in the descriptor's zone, and the night it reconciles (the day due plus the offset). */
    record Firing(ZonedDateTime at, LocalDate night) {

        public String when() {
            return at.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx"));
        }
    }

    private final ReconProperties properties;
    private final OperatorService operations;

    SchedulesController(ReconProperties properties, OperatorService operations) {
        this.properties = properties;
        this.operations = operations;
    }

    @GetMapping("/console/schedules")
    String schedules(Model model) {
        List<ScheduleRow> rows = new ArrayList<>();
        for (JobDescriptor d : JobDescriptors.read(Path.of(properties.jobsDir()))) {
            rows.add(new ScheduleRow(d.name(), d.job(), d.cron(), d.timeZone().getId(), d.enabled(),
                    d.businessDateOffsetDays(), new TreeMap<>(d.parameters()),
                    d.enabled() ? nextFirings(d) : List.of(), d.catchUp()));
        }
        model.addAttribute("schedules", rows);
        model.addAttribute("firings", operations.firings(LATEST_FIRINGS));
        model.addAttribute("jobsDir", properties.jobsDir());
        return "console/schedules";
    }

    /** The cron's next firings from now, as the scheduler will fire them. */
    static List<Firing> nextFirings(JobDescriptor d) {
        CronExpression cron;
        try {
            cron = new CronExpression(d.cron());
        } catch (ParseException e) {
            throw new IllegalStateException("jobs/" + d.name() + ": cron '" + d.cron() + "' does not parse", e);
        }
        cron.setTimeZone(TimeZone.getTimeZone(d.timeZone()));
        List<Firing> firings = new ArrayList<>();
        Date next = new Date();
        for (int i = 0; i < NEXT_FIRINGS; i++) {
            next = cron.getNextValidTimeAfter(next);
            if (next == null) {
                break;
            }
            ZonedDateTime at = ZonedDateTime.ofInstant(next.toInstant(), d.timeZone());
            firings.add(new Firing(at, at.toLocalDate().plusDays(d.businessDateOffsetDays())));
        }
        return firings;
    }
}
