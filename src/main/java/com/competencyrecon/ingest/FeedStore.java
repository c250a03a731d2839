package com.competencyrecon.ingest;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Stores validated feed records. Validation decides what is applied; a store only finds and writes, so a
 * bulk implementation can replace the batched one without touching validation.
 */
public interface FeedStore {

    /** The stored records with the given keys, by key. */
    Map<String, StoredRecord> find(Feed feed, Collection<FeedItem> items);

    /** Inserts new records and replaces stored ones, marking each as applied by this night and line. */
    void save(Feed feed, LocalDate businessDate, List<FeedItem> inserts, List<FeedItem> updates);

    /** Records this night and line as the last delivery of records whose content is unchanged. */
    void touch(Feed feed, LocalDate businessDate, List<FeedItem> unchanged);
}
