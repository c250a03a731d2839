package com.competencyrecon.ingest.internal;

import com.competencyrecon.ingest.Feed;
import com.competencyrecon.ingest.FeedItem;
import com.competencyrecon.ingest.Stored;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * The table a feed's rows are stored in, as its owning adapter writes it: every row carries the night and line
 * that last delivered it ({@code loaded_on}, {@code loaded_line}).
 */
interface FeedTable<R> {

    Feed feed();

    /** The table's name. */
    String table();

    /** The stored rows with the keys of the given rows. */
    List<Stored<R>> find(Collection<R> rows);

    void insert(LocalDate night, List<FeedItem<R>> items);

    /** Replaces the content of stored rows with the items' rows. */
    void update(LocalDate night, List<FeedItem<R>> items);

    /** Marks stored rows as delivered again, by this night and line, without changing their content. */
    void touch(LocalDate night, List<FeedItem<R>> items);
}
