package com.competencyrecon.reports;

import com.competencyrecon.alerts.Alert;
import com.competencyrecon.evaluation.LevelChange;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@code summary.html} shows of a night, as rows.
 *
 * @param files        the night's other report files, relative to the summary's folder, to link to
 * @param comparedWith the earlier night the level changes compare with, if any
 * @param changes      the level changes shown (at most {@link SummaryPage#MAX_CHANGES_SHOWN})
 * @param totalChanges how many levels changed in all
 * @param steps        the steps of the night that had finished when the page was written
 * @param writtenBy    the run and step writing the reports (still going while it writes this page)
 */
public record Summary(LocalDate night, List<String> files, List<FeedLine> feeds, Optional<LocalDate> comparedWith,
                      List<Change> changes, int totalChanges, List<Alert> alerts, List<LevelCount> levels,
                      List<StepLine> steps, Writer writtenBy) {

    /** A feed's counts; {@code delivered} false when no file came. */
    public record FeedLine(String file, boolean delivered, long read, long applied, long rejected,
                           List<String> topReasons) {
    }

    /** A level gained or lost, with the organisation's and the competency's names. */
    public record Change(LevelChange change, String orgName, String competencyName) {
    }

    /** How many organisations with progress stand at each level of a competency. */
    public record LevelCount(String code, String name, int gold, int silver, int started) {
    }

    /** A finished step of the night: its latest execution and how it ended. */
    public record StepLine(String name, String status, long read, long written, long millis) {
    }

    /** The run (job execution id) and step that write the night's reports. */
    public record Writer(long runId, String step) {
    }
}
