package com.competencyrecon.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * The moment an evaluation speaks of.
 *
 * @param businessDate the night's business date D
 * @param countableAt  links and achievements count only at or before this instant (cut-off minus latency)
 * @param validOn      the day on which achievements must not have expired and credentials must be accepted
 * @param ttmEnd       the last month of the trailing twelve months summed for metrics
 */
public record AsOf(LocalDate businessDate, Instant countableAt, LocalDate validOn, YearMonth ttmEnd) {

    /** The cut-off of D is the start of D+1 in {@code zone}; things count once {@code latency} old at the cut-off. */
    public static AsOf night(LocalDate businessDate, ZoneId zone, Duration latency) {
        Instant cutoff = cutoff(businessDate, zone);
        return new AsOf(businessDate, cutoff.minus(latency), businessDate, YearMonth.from(businessDate));
    }

    public static Instant cutoff(LocalDate businessDate, ZoneId zone) {
        return businessDate.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /**
     * The same night, projected to {@code day}: achievements that will have expired and credentials that will
     * no longer be accepted by then are left out; links and metrics stay as they are tonight.
     */
    public AsOf projectedTo(LocalDate day) {
        return new AsOf(businessDate, countableAt, day, ttmEnd);
    }

    public YearMonth ttmStart() {
        return ttmEnd.minusMonths(11);
    }
}
