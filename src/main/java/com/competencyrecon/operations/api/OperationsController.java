package com.competencyrecon.operations.api;

import com.competencyrecon.system.ReconProperties;
import com.competencyrecon.night.NightRunner;
import com.competencyrecon.night.NightlyJobConfig;
import com.competencyrecon.operations.OperatorService;
import com.competencyrecon.operations.RunHistory;
import com.competencyrecon.operations.RunView;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The operator interface over HTTP, the same operations as the command line: jobs and schedules, starting
 * (or restarting) a night, stopping and recovering runs, runs with their per-step counts and failures, and a
 * night's reports.
 */
@RestController
@RequestMapping("/api")
public class OperationsController {

    private final OperatorService operations;
    private final RunHistory history;
    private final NightRunner runner;
    private final ReconProperties properties;

    public OperationsController(OperatorService operations, RunHistory history, NightRunner runner,
                                ReconProperties properties) {
        this.operations = operations;
        this.history = history;
        this.runner = runner;
        this.properties = properties;
    }

    @GetMapping("/jobs")
    public Map<String, Object> jobs() {
        return Map.of("jobs", List.of(NightlyJobConfig.JOB_NAME), "schedules", operations.schedules(),
                "firings", operations.firings(20));
    }

    /**
     * The runs of a page of nights, newest first (the body stays a plain list of runs); {@code X-Total-Count} says
     * how many nights there are and a {@code Link} header with {@code rel="next"} names the next page, if any.
     */
    @GetMapping("/runs")
    public ResponseEntity<List<RunView>> runs(@RequestParam(required = false) String businessDate,
                                              @RequestParam(defaultValue = "0") int page,
                                              @RequestParam(defaultValue = "20") int size) {
        RunHistory.Page runs = history.page(businessDate, page, size);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
                .header("X-Total-Count", String.valueOf(runs.totalNights()));
        if (runs.hasNext()) {
            answer.header(HttpHeaders.LINK, "</api/runs?page=" + (page + 1) + "&size=" + size + ">; rel=\"next\"");
        }
        return answer.body(runs.runs());
    }

    @GetMapping("/runs/{id}")
    public ResponseEntity<RunView> run(@PathVariable long id) {
        return ResponseEntity.of(history.run(id));
    }

    /**
     * Starts the night, or restarts it when its last run failed or stopped, and answers 202 as soon as its run
     * exists: the body and {@code Location} name the run ({@code GET /api/runs/{id}}) to follow it. Every refusal
     * (bad parameters, a night completed or out of order, another night running) is decided before answering:
     * 400 with the reason and its code.
     */
    @PostMapping("/nights/{businessDate}")
    public ResponseEntity<Map<String, Object>> start(@PathVariable String businessDate,
                                                     @RequestParam String inputDir,
                                                     @RequestParam(required = false) String reportDir,
                                                     @RequestParam(required = false) String catalog) {
        String reports = reportDir == null ? properties.reportDir() : reportDir;
        NightRunner.Outcome outcome = runner.launch(businessDate, inputDir, reports, catalog);
        if (outcome.refusal() != null) {
            return ResponseEntity.badRequest().body(Map.of("error", outcome.refusal().message(),
                    "refusal", outcome.refusal().reason().name()));
        }
        long id = outcome.execution().getId();
        String run = "/api/runs/" + id;
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(run))
                .body(Map.of("id", id, "businessDate", businessDate, "status", outcome.execution().getStatus().name(),
                        "run", run));
    }

    @PostMapping("/runs/{id}/stop")
    public Map<String, String> stop(@PathVariable long id) {
        return Map.of("result", operations.stop(id));
    }

    @PostMapping("/runs/{id}/recover")
    public Map<String, String> recover(@PathVariable long id) {
        return Map.of("result", operations.recover(id));
    }

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    @GetMapping("/reports/{businessDate}")
    public List<String> reports(@PathVariable String businessDate) {
        return operations.reports(Path.of(properties.reportDir()), date(businessDate)).stream()
                .map(p -> p.getFileName().toString()).toList();
    }

    @GetMapping("/reports/{businessDate}/{file}")
    public ResponseEntity<byte[]> report(@PathVariable String businessDate, @PathVariable String file) throws IOException {
        Path chosen = operations.reports(Path.of(properties.reportDir()), date(businessDate)).stream()
                .filter(p -> p.getFileName().toString().equals(file)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no report " + file + " for " + businessDate));
        if (file.endsWith(".xlsx")) {
            // A workbook is binary: no charset, and saved under its own name rather than shown.
            return ResponseEntity.ok().contentType(XLSX)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                    .body(Files.readAllBytes(chosen));
        }
        MediaType type = file.endsWith(".html") ? MediaType.TEXT_HTML : new MediaType("text", "csv");
        return ResponseEntity.ok().contentType(new MediaType(type, java.nio.charset.StandardCharsets.UTF_8))
                .body(Files.readAllBytes(chosen));
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date of the form YYYY-MM-DD");
        }
    }

    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<Map<String, String>> refused(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }
}
