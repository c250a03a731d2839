package com.competencyrecon.schedule;

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
 */
public record JobDescriptor(String name, String job, String cron, ZoneId timeZone, boolean enabled,
                            int businessDateOffsetDays, Map<String, String> parameters) {

    public JobDescriptor {
        parameters = Map.copyOf(parameters);
    }

    /** A parameter with {@code {businessDate}} filled in; null when the descriptor does not set it. */
    public String parameter(String key, String businessDate) {
        String value = parameters.get(key);
        return value == null ? null : value.replace("{businessDate}", businessDate);
    }
}
