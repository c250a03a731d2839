package com.competencyrecon.ingest.feeds;

import com.competencyrecon.catalog.Catalog;
import com.competencyrecon.catalog.Level;
import com.competencyrecon.ingest.Feed;
import com.competencyrecon.ingest.FeedLookups;
import com.competencyrecon.ingest.FeedSpec;
import com.competencyrecon.ingest.RejectReason;
import com.competencyrecon.ingest.RejectedRecordException;
import com.competencyrecon.ingest.csv.CsvRecord;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static com.competencyrecon.ingest.feeds.Fields.date;
import static com.competencyrecon.ingest.feeds.Fields.id;
import static com.competencyrecon.ingest.feeds.Fields.maxLength;
import static com.competencyrecon.ingest.feeds.Fields.memberLevel;
import static com.competencyrecon.ingest.feeds.Fields.optionalDate;

/** {@code overrides.csv}: an operator's grants of a catalogue competency's level to an organisation. */
public final class OverridesFeed implements FeedSpec<OverridesFeed.Row> {

    static final Layout LAYOUT = new Layout(Feed.OVERRIDES,
            List.of("override_id", "org_id", "competency", "level", "valid_from",
                    "valid_until", "reason", "granted_by"),
            Set.of("override_id", "org_id", "competency", "level", "valid_from"), List.of("override_id"));

    public record Row(String overrideId, String orgId, String competency, Level level, LocalDate validFrom,
                      LocalDate validUntil, String reason, String grantedBy) {
    }

    private final Catalog catalog;

    public OverridesFeed(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Without an end an override runs for three months. */
    @Override
    public Layout layout() {
        return LAYOUT;
    }

    @Override
    public Row parse(CsvRecord r) {
        String overrideId = id(r, "override_id");
        String orgId = id(r, "org_id");
        String competency = id(r, "competency");
        Level level = memberLevel(r, "level");
        LocalDate from = date(r, "valid_from");
        LocalDate until = optionalDate(r, "valid_until");
        if (until == null) {
            until = from.plusMonths(3);
        } else if (until.isBefore(from)) {
            throw new RejectedRecordException(RejectReason.BAD_DATE,
                    "valid_until " + until + " is before valid_from " + from);
        }
        Row row = new Row(overrideId, orgId, competency, level, from, until, r.get("reason"), r.get("granted_by"));
        if (catalog.competency(competency).isEmpty()) {
            throw new RejectedRecordException(RejectReason.UNKNOWN_COMPETENCY,
                    "competency " + competency + " is not in the catalogue");
        }
        maxLength("override_id", row.overrideId(), 64);
        maxLength("org_id", row.orgId(), 64);
        maxLength("competency", row.competency(), 64);
        maxLength("reason", row.reason(), 1000);
        maxLength("granted_by", row.grantedBy(), 255);
        return row;
    }

    @Override
    public String key(Row row) {
        return row.overrideId();
    }

    @Override
    public RowCheck<Row> check(List<Row> rows, FeedLookups lookups) {
        return OrgReference.check(rows, Row::orgId, lookups);
    }
}
