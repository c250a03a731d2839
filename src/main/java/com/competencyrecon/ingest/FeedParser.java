package com.competencyrecon.ingest;

import com.competencyrecon.ingest.csv.CsvRecord;

/**
 * Turns a CSV record of a feed into its typed row, or a reject: a malformed record, or what the feed's spec
 * finds wrong with its fields. Checks that need stored records are the writer's.
 */
public final class FeedParser<R> {

    /** The longest record key a reject names; a longer one is no key the feed tables could hold. */
    static final int MAX_KEY = 512;

    private final FeedSpec<R> spec;

    public FeedParser(FeedSpec<R> spec) {
        this.spec = spec;
    }

    public FeedItem<R> parse(CsvRecord record) {
        if (record.isMalformed()) {
            return FeedItem.rejected(spec.feed(), record.line(), "", RejectReason.MALFORMED_ROW, record.malformed());
        }
        String key = spec.key(record);
        if (key.length() > MAX_KEY) {
            // Longer than any key the store takes (ids have at most 64 characters): the record is not
            // identified by it, and the report says so with an empty key (the detail says why).
            key = "";
        }
        try {
            return FeedItem.accepted(spec.feed(), record.line(), key, spec.parse(record));
        } catch (RejectedRecordException e) {
            return FeedItem.rejected(spec.feed(), record.line(), key, e.reason(), e.getMessage());
        }
    }
}
