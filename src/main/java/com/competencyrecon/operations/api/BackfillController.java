package com.competencyrecon.operations.api;

import com.competencyrecon.operations.Backfill;
import com.competencyrecon.system.ReconProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Backfills over HTTP: the nights of a range run in the background, in date order, one at a time, exactly as
 * the {@code backfill} command runs them. Backfills asked for while one runs wait for it, in the order asked.
 */
@RestController
@RequestMapping("/api")
public class BackfillController {

    private final Backfill backfill;
    private final ReconProperties properties;

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
        Backfill.Started started = backfill.start(nights, reportDir == null ? properties.reportDir() : reportDir,
                catalog);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", started.from());
        body.put("to", started.to());
        body.put("willRun", started.willRun());
        body.put("alreadyCompleted", started.alreadyCompleted());
        body.put("runs", "/api/runs");
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<Map<String, String>> refused(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }
}
