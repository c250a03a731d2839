package com.competencyrecon.ingest.feeds;

import com.competencyrecon.catalog.Market;
import com.competencyrecon.ingest.Feed;
import com.competencyrecon.ingest.FeedSpec;
import com.competencyrecon.ingest.csv.CsvRecord;

import java.util.List;
import java.util.Set;

import static com.competencyrecon.ingest.feeds.Fields.enumValue;
import static com.competencyrecon.ingest.feeds.Fields.id;
import static com.competencyrecon.ingest.feeds.Fields.maxLength;
import static com.competencyrecon.ingest.feeds.Fields.text;

/** {@code organizations.csv}: the programme's organisations, by org id. */
public final class OrganizationsFeed implements FeedSpec<OrganizationsFeed.Row> {

    static final Layout LAYOUT = new Layout(Feed.ORGANIZATIONS,
            List.of("org_id", "name", "market", "country"),
            Set.of("org_id", "name", "market"), List.of("org_id"));

    public record Row(String orgId, String name, Market market, String country) {
    }

    @Override
    public Layout layout() {
        return LAYOUT;
    }

    @Override
    public Row parse(CsvRecord r) {
        Row row = new Row(id(r, "org_id"), text(r, "name"), enumValue(r, "market", Market.class, null),
                r.get("country"));
        maxLength("org_id", row.orgId(), 64);
        maxLength("name", row.name(), 255);
        maxLength("country", row.country(), 64);
        return row;
    }

    @Override
    public String key(Row row) {
        return row.orgId();
    }
}
