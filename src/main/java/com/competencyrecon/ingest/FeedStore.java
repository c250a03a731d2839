package com.competencyrecon.ingest;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Stores validated feed rows. Validation decides what is applied; a store only finds and writes, so a bulk
 * implementation can replace the batched one without touching validation.
 */
public interface FeedStore {

    /** Whether the feed's table holds no row at all. */
    <R> boolean isEmpty(FeedSpec<R> spec);

    /** The stored rows with the keys of the given rows, by {@link FeedSpec#key(Object) key}. */
    <R> Map<String, Stored<R>> find(FeedSpec<R> spec, Collection<R> rows);

    /** Inserts new rows and replaces stored ones, marking each as applied by this night and line. */
    <R> void save(FeedSpec<R> spec, LocalDate businessDate, List<FeedItem<R>> inserts, List<FeedItem<R>> updates);

    /** Records this night and line as the last delivery of rows whose content is unchanged. */
    <R> void touch(FeedSpec<R> spec, LocalDate businessDate, List<FeedItem<R>> unchanged);
}
