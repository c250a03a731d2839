package com.competencyrecon.operations;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One run of a night as operators see it: status, timings, per-step counts and why it failed.
 *
 * @param failures the innermost message of each failure, empty when none
 */
public record RunView(long id, String businessDate, String status, String exitCode, LocalDateTime started,
                      LocalDateTime ended, List<StepView> steps, List<String> failures) {

    /** A step of a run: records read, written, skipped and (for a feed) rejected that night. */
    public record StepView(String name, String status, long read, long written, long skipped, Long rejected,
                           LocalDateTime started, LocalDateTime ended) {
    }
}
