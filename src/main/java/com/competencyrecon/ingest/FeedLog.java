package com.competencyrecon.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What ingest recorded of a night's feeds: every reject, and per feed how many records were read, applied and
 * rejected.
 */
public interface FeedLog {

    /** The night's rejects of every feed, in (feed file name, line) order. */
    void rejectsOf(LocalDate night, Consumer<Reject> each);

    /** The counts of every feed delivered that night; a feed not delivered has none. */
    Map<Feed, Counts> countsOf(LocalDate night);

    /** Per feed (in file name order), the night's reject reasons, most frequent first, ties by reason. */
    Map<Feed, List<ReasonCount>> reasonsOf(LocalDate night);

    /** Records the feed as delivered that night with 0 read, 0 applied, 0 rejected, unless it has counts already. */
    void markDelivered(LocalDate night, Feed feed);

    /** How many records of a feed a night read, applied and rejected. */
    record Counts(long read, long applied, long rejected) {
    }

    /** How many of a feed's records a night rejected for one reason. */
    record ReasonCount(RejectReason reason, long count) {
    }
}
