package com.competencyrecon.ingest;

/** One record of a feed after parsing: either the typed row to store or why it is rejected. */
public record FeedItem<R>(Feed feed, long line, String key, R row, Reject reject) {

    public static <R> FeedItem<R> accepted(Feed feed, long line, String key, R row) {
        return new FeedItem<>(feed, line, key, row, null);
    }

    public static <R> FeedItem<R> rejected(Feed feed, long line, String key, RejectReason reason, String detail) {
        return new FeedItem<>(feed, line, key, null, new Reject(feed, line, key, reason, detail));
    }

    public boolean isRejected() {
        return reject != null;
    }

    /** This record rejected for a reason found after parsing. */
    public Reject rejectAs(RejectReason reason, String detail) {
        return new Reject(feed, line, key, reason, detail);
    }
}
