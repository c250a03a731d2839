package com.competencyrecon.operations;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A schedule descriptor as operators see it, with what the job store knows of it.
 *
 * @param state      {@code scheduled}, {@code not registered yet}, {@code no further firing}, {@code disabled}, or
 *                   {@code job store unavailable: ...}
 * @param nextFiring the next firing the job store knows of, null when there is none
 * @param parameters the night's parameters, by name in alphabetical order
 */
public record ScheduleView(String name, String job, String cron, String timeZone, boolean enabled, String state,
                           Instant nextFiring, Map<String, String> parameters) {

    public ScheduleView {
        parameters = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
    }

    /** The schedule on one line, as the command line prints it. */
    public String line() {
        String next = switch (state) {
            case "scheduled" -> "next " + nextFiring;
            default -> state;
        };
        return name + ": " + job + " at '" + cron + "' " + timeZone + (enabled ? ", " + next : ", disabled")
                + ", parameters " + parameters;
    }
}
