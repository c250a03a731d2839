package com.competencyrecon.operations.api;

import com.competencyrecon.night.Refusal;
import com.competencyrecon.operations.Backfill;
import com.competencyrecon.system.ReconProperties;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Backfills over HTTP: the nights of a range run in the background, in date order, one at a time, exactly as
 * the {@code backfill} command runs them. Backfills asked for while one runs wait for it, in the order asked.
 */
@RestController
@RequestMapping("/api")
public class BackfillController {

    private static final Logger log = LoggerFactory.getLogger(BackfillController.class);

    private final Backfill backfill;
    private final ReconProperties properties;
    // One thread: nights build on each other, so two backfills never interleave their nights.
    private final ExecutorService backfills = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "backfill");
        thread.setDaemon(true);
        return thread;
    });

    public BackfillController(Backfill backfill, ReconProperties properties) {
        this.backfill = backfill;
        this.properties = properties;
    }

    /**
     * Starts a backfill: 202 with the nights it will run and those it skips as completed, or 400 with the
     * reason when the range is malformed or its first night to run would be refused. Follow it with
     * {@code GET /api/runs}.
     */
    @PostMapping("/backfills")
    public ResponseEntity<Map<String, Object>> start(@RequestParam String from, @RequestParam String to,
                                                     @RequestParam String inputRoot,
                                                     @RequestParam(required = false) String reportDir,
                                                     @RequestParam(required = false) String catalog) {
        List<Backfill.Night> nights = Backfill.range(from, to, inputRoot);
        String reports = reportDir == null ? properties.reportDir() : reportDir;
        Refusal refusal = backfill.refusal(nights, reports, catalog);
        if (refusal != null) {
            throw new IllegalArgumentException(refusal.message());
        }
        List<LocalDate> pending = backfill.pending(nights);
        backfills.execute(() -> {
            Backfill.Result result = backfill.run(nights, reports, catalog);
            log.info("Backfill {} to {} ended with exit code {}", from, to, result.exitCode());
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", nights.get(0).businessDate());
        body.put("to", nights.get(nights.size() - 1).businessDate());
        body.put("willRun", pending);
        body.put("alreadyCompleted", nights.stream().map(Backfill.Night::businessDate)
                .filter(d -> !pending.contains(d)).toList());
        body.put("runs", "/api/runs");
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
    }

    @PreDestroy
    void stop() {
        backfills.shutdownNow();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<Map<String, String>> refused(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }
}
