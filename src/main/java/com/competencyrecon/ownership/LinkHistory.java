package com.competencyrecon.ownership;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The accepted link events and user accounts, as ingest stored them: what the link replay reads. Implemented
 * by the adapter that owns those tables.
 */
public interface LinkHistory {

    /** Up to {@code limit} MSAs after {@code after} (in id order) with an event at or before {@code at}. */
    List<String> msasAfter(String after, Instant at, int limit);

    /**
     * Every event of the given MSAs at or before {@code at}, with the account it names, in replay order per MSA
     * (MSA, then occurred_at, then event id).
     */
    void eventsOf(List<String> msaIds, Instant at, BiConsumer<LinkEvent, UserAccount> each);

    /** The accounts with the given ids, by id. */
    Map<String, UserAccount> users(Collection<String> userIds);
}
