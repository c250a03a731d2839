package com.competencyrecon.ingest;

import java.util.Map;
import java.util.stream.Collectors;

/** A feed had more rejects in one night than the limit allows: the night fails and can be restarted. */
public class RejectLimitExceededException extends RuntimeException {

    public RejectLimitExceededException(Feed feed, long rejected, int limit, Map<RejectReason, Long> topReasons) {
        super(feed.fileName() + ": " + rejected + " records rejected, more than the limit of " + limit
                + " for one feed in one night; top reasons: " + describe(topReasons)
                + ". Fix the file and run the night again: it restarts from the last committed chunk.");
    }

    private static String describe(Map<RejectReason, Long> reasons) {
        return reasons.entrySet().stream().map(e -> e.getKey().name() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
