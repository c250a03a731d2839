package com.competencyrecon.schedule;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One firing of a schedule, as the firing ledger records it.
 *
 * @param schedule     the descriptor's name
 * @param scheduledAt  when the firing was due (its identity, with the schedule)
 * @param firedAt      when a node took it
 * @param node         the scheduler instance (node of the cluster) that took it
 * @param businessDate the night it ran, null when it ran none (nothing left to catch up, or refused before)
 * @param runId        the run of that night, null when none started
 * @param outcome      how it ended
 * @param message      why, when it did not complete
 * @param endedAt      when it ended, null while it runs
 */
public record Firing(String schedule, Instant scheduledAt, Instant firedAt, String node, LocalDate businessDate,
                     Long runId, Outcome outcome, String message, Instant endedAt) {

    /** How a firing ended. */
    public enum Outcome {
        /** Taken by a node, its night not ended yet (or the node died: see the run). */
        RUNNING,
        COMPLETED,
        FAILED,
        STOPPED,
        /** The night was refused (out of order, another night running, ...): nothing ran. */
        REFUSED,
        /** A catch-up schedule whose nights have all completed: nothing to run. */
        UP_TO_DATE
    }

    /** The firing on one line, as the command line prints it. */
    public String line() {
        return "  " + scheduledAt + " on " + node + ": " + (businessDate == null ? "no night" : "night " + businessDate)
                + (runId == null ? "" : " run " + runId) + " " + outcome + (message == null ? "" : " (" + message + ")");
    }
}
