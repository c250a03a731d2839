package com.competencyrecon.ingest.internal;

import com.competencyrecon.ingest.FeedItem;

import java.time.LocalDate;
import java.util.List;

/**
 * A feed table its adapter can also write in bulk, on MySQL/MariaDB: new rows are streamed straight into the
 * table with {@code LOAD DATA LOCAL INFILE}; corrected and re-delivered ones into the adapter's staging table,
 * merged from there by one {@code UPDATE … JOIN} and deleted again. All of it runs in the chunk's transaction,
 * so the staging table is empty between chunks and a crash leaves nothing of the chunk behind: the chunk (one
 * staging slice) is what a restart loads again. Same effects as {@link FeedTable}'s batched methods.
 */
interface BulkFeedTable<R> extends FeedTable<R> {

    /** As {@link #insert}, in bulk. */
    void loadInserts(LocalDate night, List<FeedItem<R>> items);

    /** As {@link #update}, in bulk. */
    void loadUpdates(LocalDate night, List<FeedItem<R>> items);

    /** As {@link #touch}, in bulk. */
    void loadTouches(LocalDate night, List<FeedItem<R>> items);
}
