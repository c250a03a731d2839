package com.competencyrecon.ingest;

import java.util.Map;

/**
 * One record of a feed after parsing: either the column values to store (by table column) or why it is
 * rejected.
 */
public record FeedItem(Feed feed, long line, String key, Map<String, Object> values, Reject reject) {

    public static FeedItem accepted(Feed feed, long line, String key, Map<String, Object> values) {
        return new FeedItem(feed, line, key, values, null);
    }

    public static FeedItem rejected(Feed feed, long line, String key, RejectReason reason, String detail) {
        return new FeedItem(feed, line, key, null, new Reject(feed, line, key, reason, detail));
    }

    public boolean isRejected() {
        return reject != null;
    }

    public FeedItem reject(RejectReason reason, String detail) {
        return rejected(feed, line, key, reason, detail);
    }

    public Object get(String column) {
        return values.get(column);
    }
}
