package com.competencyrecon.ingest;

/** An input record not applied tonight: where it was, its key, why, and a detail a person can act on. */
public record Reject(Feed feed, long line, String recordKey, RejectReason reason, String detail) {
}
