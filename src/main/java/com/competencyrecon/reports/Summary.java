package com.competencyrecon.reports;

import com.competencyrecon.alerts.Alert;
import com.competencyrecon.evaluation.LevelChange;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@code summary.html} shows of a night, as rows.
 *
 * @param comparedWith the earlier night the level changes compare with, if any
 * @param changes      the level changes shown (at most {@link SummaryPage#MAX_CHANGES_SHOWN})
 * @param totalChanges how many levels changed in all
 */
public record Summary(LocalDate night, List<FeedLine> feeds, Optional<LocalDate> comparedWith,
                      List<Change> changes, int totalChanges, List<Alert> alerts, List<LevelCount> levels,
                      List<StepLine> steps) {

    /** A feed's counts; {@code delivered} false when no file came. */
    public record FeedLine(String file, boolean delivered, long read, long applied, long rejected,
                           List<String> topReasons) {
    }

    /** A level gained or lost, with the competency's name. */
    public record Change(LevelChange change, String competencyName) {
    }

    /** How many organisations with progress stand at each level of a competency. */
    public record LevelCount(String code, String name, int gold, int silver, int started) {
    }

    /** A step of the night: its latest execution. {@code status} is "running" while it has not ended. */
    public record StepLine(String name, String status, long read, long written, long millis) {
    }
}
