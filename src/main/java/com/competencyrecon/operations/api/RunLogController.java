package com.competencyrecon.operations.api;

import com.competencyrecon.operations.RunHistory;
import com.competencyrecon.operations.RunView;
import com.competencyrecon.system.ReconProperties;
import com.competencyrecon.system.RunLogContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A run's own log file, the lines written while it ran, for operators (see {@link ApiSecurity}). */
@RestController
@RequestMapping("/api")
public class RunLogController {

    private final RunHistory history;
    private final ReconProperties properties;

    public RunLogController(RunHistory history, ReconProperties properties) {
        this.history = history;
        this.properties = properties;
    }

    /** The run's log as plain text; 404 when there is no such run or its log is not (or no longer) on disk. */
    @GetMapping("/runs/{id}/log")
    public ResponseEntity<byte[]> log(@PathVariable long id) throws IOException {
        Optional<RunView> run = history.run(id);
        if (run.isEmpty() || run.get().businessDate() == null) {
            return ResponseEntity.notFound().build();
        }
        Path file = Path.of(properties.logDir()).resolve(RunLogContext.fileName(run.get().businessDate(), id));
        if (!Files.isRegularFile(file)) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .body(Files.readAllBytes(file));
    }
}
