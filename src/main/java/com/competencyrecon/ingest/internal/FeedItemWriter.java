package com.competencyrecon.ingest.internal;

import com.competencyrecon.ingest.FeedItem;
import com.competencyrecon.ingest.FeedLookups;
import com.competencyrecon.ingest.FeedSpec;
import com.competencyrecon.ingest.FeedStore;
import com.competencyrecon.ingest.Reject;
import com.competencyrecon.ingest.RejectLimitExceededException;
import com.competencyrecon.ingest.RejectReason;
import com.competencyrecon.ingest.Stored;
import com.competencyrecon.system.ReconMetrics;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies one chunk of a feed: judges each parsed row against what is stored (a key repeated in the file, then
 * the feed's reference checks), stores what is applied, records every reject and the night's counts, all in
 * the chunk's transaction. Fails the step when the feed's rejects pass the limit.
 */
public class FeedItemWriter<R> implements ItemWriter<FeedItem<R>> {

    private static final int TOP_REASONS = 5;

    private final FeedSpec<R> spec;
    private final LocalDate businessDate;
    private final FeedStore store;
    private final FeedLookups lookups;
    private final JdbcFeedLog feedLog;
    private final int rejectLimit;
    private final ReconMetrics metrics;
    /** Whether this step's first chunk found the table empty; null until that chunk. */
    private Boolean startedOnEmptyTable;
    /** When it did, the keys the step has stored since: the only ones a look-up can find. */
    private DeliveredKeys delivered;

    public FeedItemWriter(FeedSpec<R> spec, LocalDate businessDate, FeedStore store, FeedLookups lookups,
                          JdbcFeedLog feedLog, int rejectLimit, ReconMetrics metrics) {
        this.spec = spec;
        this.businessDate = businessDate;
        this.store = store;
        this.lookups = lookups;
        this.feedLog = feedLog;
        this.rejectLimit = rejectLimit;
        this.metrics = metrics;
    }

    /**
     * The stored rows of the chunk's keys. A step that began on an empty table (a programme's first load) can
     * find only what it stored itself, so it looks up just the keys it may have stored already, the rare key
     * repeated further down the file, and not every key of every chunk.
     */
    private Map<String, Stored<R>> find(List<R> parsed) {
        if (startedOnEmptyTable == null) {
            startedOnEmptyTable = store.isEmpty(spec);
            delivered = startedOnEmptyTable ? new DeliveredKeys() : null;
        }
        List<R> toFind = delivered == null ? parsed
                : parsed.stream().filter(row -> delivered.mightContain(spec.key(row))).toList();
        return toFind.isEmpty() ? Map.of() : store.find(spec, toFind);
    }

    @Override
    public void write(Chunk<? extends FeedItem<R>> chunk) {
        List<FeedItem<R>> items = new ArrayList<>(chunk.getItems());
        List<R> parsed = items.stream().filter(i -> !i.isRejected()).map(FeedItem::row).toList();
        Map<String, Stored<R>> stored = find(parsed);
        FeedSpec.RowCheck<R> references = spec.check(parsed, lookups);

        List<Reject> rejects = new ArrayList<>();
        List<FeedItem<R>> inserts = new ArrayList<>();
        List<FeedItem<R>> updates = new ArrayList<>();
        List<FeedItem<R>> unchanged = new ArrayList<>();
        Map<String, FeedItem<R>> appliedInChunk = new HashMap<>();
        for (FeedItem<R> item : items) {
            if (item.isRejected()) {
                rejects.add(item.reject());
                continue;
            }
            Stored<R> previous = stored.get(item.key());
            FeedItem<R> earlier = appliedInChunk.get(item.key());
            R earlierRow = earlier != null ? earlier.row()
                    : previous != null && previous.loadedOn().equals(businessDate) && previous.loadedLine() < item.line()
                    ? previous.row() : null;
            if (earlierRow != null) {
                if (!spec.sameContent(earlierRow, item.row())) {
                    long firstLine = earlier != null ? earlier.line() : previous.loadedLine();
                    rejects.add(item.rejectAs(RejectReason.DUPLICATE_KEY_IN_FILE, "key " + item.key()
                            + " already delivered at line " + firstLine + " of this file with different content;"
                            + " the first one is kept"));
                }
                continue;
            }
            Optional<FeedSpec.Rejection> rejection = references.check(item.row(),
                    previous == null ? null : previous.row());
            if (rejection.isPresent()) {
                rejects.add(item.rejectAs(rejection.get().reason(), rejection.get().detail()));
                continue;
            }
            appliedInChunk.put(item.key(), item);
            if (previous == null) {
                inserts.add(item);
            } else if (spec.sameContent(previous.row(), item.row())) {
                unchanged.add(item);
            } else {
                updates.add(item);
            }
        }
        store.save(spec, businessDate, inserts, updates);
        if (delivered != null) {
            inserts.forEach(item -> delivered.add(spec.key(item.row())));
        }
        store.touch(spec, businessDate, unchanged);
        feedLog.record(businessDate, spec.feed(), rejects);
        String feed = spec.feed().fileName();
        metrics.records(feed, "applied", items.size() - rejects.size());
        metrics.records(feed, "rejected", rejects.size());
        rejects.forEach(r -> metrics.reject(feed, r.reason().name()));
        long rejected = feedLog.add(businessDate, spec.feed(), items.size(), items.size() - rejects.size(),
                rejects.size());
        if (rejected > rejectLimit) {
            throw new RejectLimitExceededException(spec.feed(), rejected, rejectLimit,
                    feedLog.topReasons(businessDate, spec.feed(), TOP_REASONS));
        }
    }
}
