package com.competencyrecon.ingest;

import java.util.Map;

/** A feed had more rejects in one night than the limit allows: the night fails and can be restarted. */
public class RejectLimitExceededException extends RuntimeException {

    public RejectLimitExceededException(Feed feed, long rejected, int limit, Map<String, Long> topReasons) {
        super(feed.fileName() + ": " + rejected + " records rejected, more than the limit of " + limit
                + " for one feed in one night; top reasons: " + FeedItemWriter.describe(topReasons)
                + ". Fix the file and run the night again: it restarts from the last committed chunk.");
    }
}
