package com.competencyrecon.ingest;

import com.competencyrecon.ingest.csv.CsvRecord;

/**
 * Turns a CSV record of a feed into its typed row, or a reject: a malformed record, or what the feed's spec
 * finds wrong with its fields. Checks that need stored records are the writer's.
 */
public final class FeedParser<R> {

    private final FeedSpec<R> spec;

    public FeedParser(FeedSpec<R> spec) {
        this.spec = spec;
    }

    public FeedItem<R> parse(CsvRecord record) {
        if (record.isMalformed()) {
            return FeedItem.rejected(spec.feed(), record.line(), "", RejectReason.MALFORMED_ROW, record.malformed());
        }
        String key = spec.key(record);
        try {
            return FeedItem.accepted(spec.feed(), record.line(), key, spec.parse(record));
        } catch (RejectedRecordException e) {
            return FeedItem.rejected(spec.feed(), record.line(), key, e.reason(), e.getMessage());
        }
    }
}
