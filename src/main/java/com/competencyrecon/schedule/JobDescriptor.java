package com.competencyrecon.schedule;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * One scheduled job, as an operator describes it in a file of the {@code jobs/} folder.
 *
 * @param name                   the file's name without {@code .yml}: the schedule's identity
 * @param job                    the batch job it starts ({@code nightlyReconciliation})
 * @param cron                   a Quartz cron expression (seconds first)
 * @param timeZone               the zone the cron expression and the business date are read in
 * @param enabled                a disabled descriptor keeps its file but fires nothing
 * @param businessDateOffsetDays the night a firing reconciles, in days from the day it was due (default -1:
 *                               the day that has just ended)
 * @param parameters             the job's parameters; {@code {businessDate}} in a value is replaced by the date
 * @param catchUp                null for a schedule whose firing runs the night it was due for; else each firing
 *                               runs the earliest night of the range not completed yet (see {@link CatchUp})
 */
public record JobDescriptor(String name, String job, String cron, ZoneId timeZone, boolean enabled,
                            int businessDateOffsetDays, Map<String, String> parameters, CatchUp catchUp) {

    public JobDescriptor {
        parameters = Map.copyOf(parameters);
    }

    public JobDescriptor(String name, String job, String cron, ZoneId timeZone, boolean enabled,
                         int businessDateOffsetDays, Map<String, String> parameters) {
        this(name, job, cron, timeZone, enabled, businessDateOffsetDays, parameters, null);
    }

    /**
     * A catch-up schedule: each firing runs the earliest night from {@code from} to {@code to} that has not
     * completed (a failed or stopped one is restarted), one night a firing, in date order, so a range of nights
     * missed during an outage (or a drill on a copy of the programme) is worked through at the pace of the cron.
     * Once all have completed a firing runs nothing. A night after the one the firing is due for (its day plus
     * {@code businessDateOffsetDays}) is never run early.
     *
     * @param from the first night
     * @param to   the last night; null = up to the night each firing is due for
     */
    public record CatchUp(LocalDate from, LocalDate to) {
    }

    /** A parameter with {@code {businessDate}} filled in; null when the descriptor does not set it. */
    public String parameter(String key, String businessDate) {
        String value = parameters.get(key);
        return value == null ? null : value.replace("{businessDate}", businessDate);
    }
}
