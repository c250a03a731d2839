package com.competencyrecon.ingest.feeds;

import com.competencyrecon.ingest.Feed;
import com.competencyrecon.ingest.FeedLookups;
import com.competencyrecon.ingest.FeedNight;
import com.competencyrecon.ingest.FeedSpec;
import com.competencyrecon.ingest.RejectReason;
import com.competencyrecon.ingest.csv.CsvRecord;
import com.competencyrecon.ownership.UserStatus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static com.competencyrecon.ingest.feeds.Fields.enumValue;
import static com.competencyrecon.ingest.feeds.Fields.id;
import static com.competencyrecon.ingest.feeds.Fields.maxLength;

/** {@code users.csv}: user accounts, each of one organisation for life. */
public final class UsersFeed implements FeedSpec<UsersFeed.Row> {

    static final Layout LAYOUT = new Layout(Feed.USERS,
            List.of("user_id", "org_id", "email", "status", "changed_at"),
            Set.of("user_id", "org_id", "status", "changed_at"), List.of("user_id"));

    public record Row(String userId, String orgId, String email, UserStatus status, Instant changedAt) {
    }

    private final Fields fields;

    public UsersFeed(FeedNight night) {
        this.fields = new Fields(night);
    }

    @Override
    public Layout layout() {
        return LAYOUT;
    }

    @Override
    public Row parse(CsvRecord r) {
        Row row = new Row(id(r, "user_id"), id(r, "org_id"), r.get("email"),
                enumValue(r, "status", UserStatus.class, null), fields.instantByCutoff(r, "changed_at"));
        maxLength("user_id", row.userId(), 64);
        maxLength("org_id", row.orgId(), 64);
        maxLength("email", row.email(), 320);
        return row;
    }

    @Override
    public String key(Row row) {
        return row.userId();
    }

    /** An account keeps its organisation, which must be known. */
    @Override
    public RowCheck<Row> check(List<Row> rows, FeedLookups lookups) {
        Set<String> orgs = lookups.knownOrganizations(rows.stream().map(Row::orgId).distinct().toList());
        return (row, stored) -> {
            if (stored != null && !stored.orgId().equals(row.orgId())) {
                return Optional.of(new Rejection(RejectReason.USER_ORG_CHANGED, "user " + row.userId()
                        + " belongs to " + stored.orgId() + " and cannot move to " + row.orgId()
                        + "; an account belongs to one organisation for life"));
            }
            if (!orgs.contains(row.orgId())) {
                return Optional.of(OrgReference.unknown(row.orgId()));
            }
            return Optional.empty();
        };
    }
}
