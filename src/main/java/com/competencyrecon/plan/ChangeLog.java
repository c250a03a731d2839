package com.competencyrecon.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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

        /**
         * The earliest night whose records can pass the counting instant within the window. An applied link
         * event, achievement or account change is never dated after its night's cut-off (FUTURE_DATED), and
         * {@code from} is a counting instant, so a record whose instant lies after {@code from} was last changed
         * on a night whose cut-off lies after it too: no earlier than the day before {@code from}. One more day
         * covers any zone. So only recently changed records need their instants compared.
         */
        public LocalDate changedSince() {
            return LocalDate.ofInstant(from, ZoneOffset.UTC).minusDays(2);
        }
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
