package com.competencyrecon.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * What changed between two nights in the stored feeds: records applied tonight (new or corrected, not those
 * delivered again unchanged) and records that time alone brings into or out of force. Implemented by the
 * adapters that own the feed tables.
 *
 * @see Planner
 */
public interface ChangeLog {

    /** The window between two nights: instants in {@code (from, to]}, days in {@code (before, date]}. */
    record Window(LocalDate before, LocalDate date, Instant from, Instant to) {
    }

    /**
     * MSAs whose link can have changed: a link event applied tonight or reaching the counting instant, or an
     * event naming an account changed tonight or deleted within the window.
     */
    Set<String> msasWithLinkChanges(Window window);

    /** MSAs with an achievement applied tonight, reaching the counting instant, or expiring within the window. */
    Set<String> msasWithAchievementChanges(Window window);

    /**
     * Organisations changed tonight, with an account, metric, membership order or override applied tonight, an
     * account deleted within the window, or an override starting or ending within it.
     */
    Set<String> organisationsWithChanges(Window window);
}
