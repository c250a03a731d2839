package com.competencyrecon.console;

import com.competencyrecon.night.NightParameters;
import com.competencyrecon.operations.OperatorService;
import com.competencyrecon.operations.RunHistory;
import com.competencyrecon.operations.RunView;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run: every step's counts and timing, why it failed, its live progress while it runs, and for an
 * operator the actions its state allows (stop or recover a running run, restart a failed or stopped one).
 */
@Controller
class RunController {

    private static final Set<String> RUNNING = Set.of("STARTING", "STARTED", "STOPPING");
    private static final Set<String> RESTARTABLE = Set.of("FAILED", "STOPPED");

    /** A step as the page shows it. */
    record StepRow(String name, String status, long read, long written, long skipped, Long rejected,
                   String started, String duration) {
    }

    private final OperatorService operations;
    private final RunHistory history;
    private final JobRepository jobRepository;
    private final NightStarter starter;

    RunController(OperatorService operations, RunHistory history, JobRepository jobRepository, NightStarter starter) {
        this.operations = operations;
        this.history = history;
        this.jobRepository = jobRepository;
        this.starter = starter;
    }

    @GetMapping("/console/runs/{id}")
    String run(@PathVariable long id, Model model) {
        RunView run = find(id);
        JobExecution execution = jobRepository.getJobExecution(id);
        JobExecution latest = jobRepository.getLastJobExecution(execution.getJobInstance());
        boolean isLatest = latest != null && latest.getId() == id;
        model.addAttribute("run", run);
        model.addAttribute("steps", steps(run));
        model.addAttribute("duration", Durations.between(run.started(), run.ended()));
        model.addAttribute("running", RUNNING.contains(run.status()));
        model.addAttribute("restartable", isLatest && RESTARTABLE.contains(run.status()));
        model.addAttribute("latestRunId", latest == null ? id : latest.getId());
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String name : List.of(NightParameters.INPUT_DIR, NightParameters.REPORT_DIR, NightParameters.CATALOG)) {
            String value = execution.getJobParameters().getString(name);
            if (value != null) {
                parameters.put(name, value);
            }
        }
        model.addAttribute("parameters", parameters);
        return "console/run";
    }

    /** What the run page polls while the run is running. */
    @GetMapping(value = "/console/runs/{id}/progress", produces = "application/json")
    @ResponseBody
    Map<String, Object> progress(@PathVariable long id) {
        RunView run = find(id);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", run.id());
        body.put("status", run.status());
        body.put("running", RUNNING.contains(run.status()));
        body.put("duration", Durations.between(run.started(), run.ended()));
        body.put("steps", steps(run));
        return body;
    }

    @PostMapping("/console/runs/{id}/stop")
    String stop(@PathVariable long id, @RequestParam(defaultValue = "false") boolean confirm,
                RedirectAttributes redirect) {
        Inputs.confirmed(confirm, "stop run " + id);
        find(id);
        redirect.addFlashAttribute("notice", operations.stop(id));
        return "redirect:/console/runs/" + id;
    }

    @PostMapping("/console/runs/{id}/recover")
    String recover(@PathVariable long id, @RequestParam(defaultValue = "false") boolean confirm,
                   RedirectAttributes redirect) {
        Inputs.confirmed(confirm, "recover run " + id);
        find(id);
        redirect.addFlashAttribute("notice", operations.recover(id));
        return "redirect:/console/runs/" + id;
    }

    @PostMapping("/console/runs/{id}/restart")
    String restart(@PathVariable long id, @RequestParam(defaultValue = "false") boolean confirm,
                   RedirectAttributes redirect) {
        Inputs.confirmed(confirm, "restart run " + id);
        find(id);
        String date = starter.restart(id);
        redirect.addFlashAttribute("notice", "The night " + date + " is restarting from where run " + id
                + " stopped; its new run appears in the list within a few seconds.");
        return "redirect:/console/nights?from=" + date + "&to=" + date;
    }

    private RunView find(long id) {
        return history.run(id).orElseThrow(() -> new ConsoleAdvice.NotFound("no run " + id));
    }

    private static List<StepRow> steps(RunView run) {
        return run.steps().stream().map(s -> new StepRow(s.name(), s.status(), s.read(), s.written(), s.skipped(),
                s.rejected(), Durations.time(s.started()),
                Durations.between(s.started(), s.ended()))).toList();
    }
}
