package com.competencyrecon.console;

import java.time.Duration;
import java.time.LocalDateTime;

/** How long something took, as people read it: {@code 2h 03m}, {@code 4m 07s}, {@code 12s}, {@code 0.35s}. */
final class Durations {

    private Durations() {
    }

    /** From start to end, or to now while it runs; empty when it never started. */
    static String between(LocalDateTime start, LocalDateTime end) {
        if (start == null) {
            return "";
        }
        return of(Duration.between(start, end == null ? LocalDateTime.now() : end));
    }

    /** An instant of a run to the second, as the pages show it. */
    static String time(LocalDateTime t) {
        return t == null ? "" : t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace('T', ' ');
    }

    static String of(Duration d) {
        if (d.toHours() > 0) {
            return String.format("%dh %02dm", d.toHours(), d.toMinutesPart());
        }
        if (d.toMinutes() > 0) {
            return String.format("%dm %02ds", d.toMinutes(), d.toSecondsPart());
        }
        if (d.getSeconds() >= 10) {
            return d.getSeconds() + "s";
        }
        return String.format(java.util.Locale.ROOT, "%.2fs", d.toMillis() / 1000.0);
    }
}
