package com.competencyrecon.operations.api;

import com.competencyrecon.system.ReconProperties;
import com.competencyrecon.night.NightRunner;
import com.competencyrecon.night.Refusal;
import com.competencyrecon.night.NightlyJobConfig;
import com.competencyrecon.operations.OperatorService;
import com.competencyrecon.operations.RunView;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
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
    private final NightRunner runner;
    private final ReconProperties properties;
    private final SimpleAsyncTaskExecutor nights = new SimpleAsyncTaskExecutor("night-");

    public OperationsController(OperatorService operations, NightRunner runner, ReconProperties properties) {
        this.operations = operations;
        this.runner = runner;
        this.properties = properties;
    }

    @GetMapping("/jobs")
    public Map<String, Object> jobs() {
        return Map.of("jobs", List.of(NightlyJobConfig.JOB_NAME), "schedules", operations.schedules());
    }

    @GetMapping("/runs")
    public List<RunView> runs(@RequestParam(required = false) String businessDate) {
        return operations.runs(businessDate);
    }

    @GetMapping("/runs/{id}")
    public ResponseEntity<RunView> run(@PathVariable long id) {
        return ResponseEntity.of(operations.run(id));
    }

    /**
     * Starts the night, or restarts it when its last run failed or stopped. The checks that refuse a call are
     * made before answering (400 with the reason); the night then runs in the background: follow it with
     * {@code GET /api/runs?businessDate=...}.
     */
    @PostMapping("/nights/{businessDate}")
    public ResponseEntity<Map<String, String>> start(@PathVariable String businessDate,
                                                     @RequestParam String inputDir,
                                                     @RequestParam(required = false) String reportDir,
                                                     @RequestParam(required = false) String catalog) {
        String reports = reportDir == null ? properties.reportDir() : reportDir;
        Refusal refusal = runner.refusal(businessDate, inputDir, reports, catalog);
        if (refusal != null) {
            throw new IllegalArgumentException(refusal.message());
        }
        nights.execute(() -> runner.run(businessDate, inputDir, reports, catalog));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("businessDate", businessDate,
                "runs", "/api/runs?businessDate=" + businessDate));
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
