package com.competencyrecon.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What parsing a night's feeds depends on: the business date, the cut-off after which nothing may have
 * happened, and the zone an instant without offset is read in.
 */
public record FeedNight(LocalDate businessDate, Instant cutoff, ZoneId zone) {
}
