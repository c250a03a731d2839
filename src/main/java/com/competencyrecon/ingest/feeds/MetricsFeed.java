package com.competencyrecon.ingest.feeds;

import com.competencyrecon.catalog.Association;
import com.competencyrecon.ingest.Feed;
import com.competencyrecon.ingest.FeedLookups;
import com.competencyrecon.ingest.FeedNight;
import com.competencyrecon.ingest.FeedSpec;
import com.competencyrecon.ingest.RejectReason;
import com.competencyrecon.ingest.RejectedRecordException;
import com.competencyrecon.ingest.csv.CsvRecord;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static com.competencyrecon.ingest.feeds.Fields.decimal;
import static com.competencyrecon.ingest.feeds.Fields.enumValue;
import static com.competencyrecon.ingest.feeds.Fields.id;
import static com.competencyrecon.ingest.feeds.Fields.maxLength;
import static com.competencyrecon.ingest.feeds.Fields.month;

/** {@code metrics.csv}: an organisation's monthly figures, by organisation, metric, month and association. */
public final class MetricsFeed implements FeedSpec<MetricsFeed.Row> {

    static final Layout LAYOUT = new Layout(Feed.METRICS,
            List.of("org_id", "metric", "month", "value", "association"),
            Set.of("org_id", "metric", "month", "value"), List.of("org_id", "metric", "month", "association"));

    public record Row(String orgId, String metric, YearMonth month, Association association, BigDecimal amount) {

        /** The month as it is stored and keyed: {@code YYYY-MM}. */
        public String monthText() {
            return month.format(Fields.MONTH);
        }
    }

    private final Fields fields;

    public MetricsFeed(FeedNight night) {
        this.fields = new Fields(night);
    }

    @Override
    public Layout layout() {
        return LAYOUT;
    }

    @Override
    public Row parse(CsvRecord r) {
        String orgId = id(r, "org_id");
        String metric = id(r, "metric");
        YearMonth month = month(r, "month");
        Association association = enumValue(r, "association", Association.class, Association.TRANSACTING);
        BigDecimal value = decimal(r, "value");
        if (value.signum() < 0) {
            throw new RejectedRecordException(RejectReason.NEGATIVE_METRIC,
                    "value " + r.get("value") + " is negative; metrics are figures of at least 0");
        }
        if (month.isAfter(YearMonth.from(fields.businessDate()))) {
            throw new RejectedRecordException(RejectReason.FUTURE_DATED,
                    "month " + month + " is after the business date " + fields.businessDate());
        }
        maxLength("org_id", orgId, 64);
        maxLength("metric", metric, 64);
        return new Row(orgId, metric, month, association, value);
    }

    /** A record without an association (or with only spaces there) is a transacting one, and is keyed so. */
    @Override
    public String key(CsvRecord record) {
        return keyColumns().stream().map(column -> {
            String value = record.get(column);
            if ((value == null || value.isBlank()) && column.equals("association")) {
                return Association.TRANSACTING.name();
            }
            return value == null ? "" : value.strip();
        }).collect(Collectors.joining("|"));
    }

    @Override
    public String key(Row row) {
        return row.orgId() + "|" + row.metric() + "|" + row.monthText() + "|" + row.association().name();
    }

    /** The same figure however it is written: 1250 and 1250.00 are one amount. */
    @Override
    public boolean sameContent(Row stored, Row parsed) {
        return stored.amount().compareTo(parsed.amount()) == 0;
    }

    @Override
    public RowCheck<Row> check(List<Row> rows, FeedLookups lookups) {
        return OrgReference.check(rows, Row::orgId, lookups);
    }
}
