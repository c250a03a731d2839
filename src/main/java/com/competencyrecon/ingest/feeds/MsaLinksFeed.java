package com.competencyrecon.ingest.feeds;

import com.competencyrecon.ingest.Feed;
import com.competencyrecon.ingest.FeedLookups;
import com.competencyrecon.ingest.FeedNight;
import com.competencyrecon.ingest.FeedSpec;
import com.competencyrecon.ingest.RejectReason;
import com.competencyrecon.ingest.csv.CsvRecord;
import com.competencyrecon.ownership.LinkAction;
import com.competencyrecon.ownership.LinkEvent;
import com.competencyrecon.ownership.LinkRejection;
import com.competencyrecon.ownership.LinkReplay;
import com.competencyrecon.ownership.OwnershipRules;
import com.competencyrecon.ownership.UserAccount;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.competencyrecon.ingest.feeds.Fields.enumValue;
import static com.competencyrecon.ingest.feeds.Fields.id;
import static com.competencyrecon.ingest.feeds.Fields.maxLength;

/** {@code msa-links.csv}: links and unlinks of MSAs to user accounts, judged by the ownership rules. */
public final class MsaLinksFeed implements FeedSpec<MsaLinksFeed.Row> {

    static final Layout LAYOUT = new Layout(Feed.MSA_LINKS,
            List.of("event_id", "msa_id", "user_id", "action", "occurred_at"),
            Set.of("event_id", "msa_id", "user_id", "action", "occurred_at"), List.of("event_id"));

    public record Row(String eventId, String msaId, String userId, LinkAction action, Instant occurredAt) {

        public LinkEvent event() {
            return new LinkEvent(eventId, msaId, userId, action, occurredAt);
        }
    }

    private final Fields fields;

    public MsaLinksFeed(FeedNight night) {
        this.fields = new Fields(night);
    }

    @Override
    public Layout layout() {
        return LAYOUT;
    }

    @Override
    public Row parse(CsvRecord r) {
        Row row = new Row(id(r, "event_id"), id(r, "msa_id"), id(r, "user_id"),
                enumValue(r, "action", LinkAction.class, null), fields.instantByCutoff(r, "occurred_at"));
        maxLength("event_id", row.eventId(), 64);
        maxLength("msa_id", row.msaId(), 64);
        maxLength("user_id", row.userId(), 64);
        return row;
    }

    @Override
    public String key(Row row) {
        return row.eventId();
    }

    /**
     * The user must be known, and a link must keep the MSA's history within the ownership rules, judged against
     * the stored events and those accepted earlier in the chunk.
     */
    @Override
    public RowCheck<Row> check(List<Row> rows, FeedLookups lookups) {
        Map<String, List<LinkEvent>> accepted = new HashMap<>();
        lookups.linkEventsOf(rows.stream().map(Row::msaId).distinct().toList())
                .forEach((msa, events) -> accepted.put(msa, new ArrayList<>(events)));
        Set<String> userIds = new HashSet<>();
        rows.forEach(row -> userIds.add(row.userId()));
        accepted.values().forEach(events -> events.forEach(e -> userIds.add(e.userId())));
        Map<String, UserAccount> users = rows.isEmpty() ? Map.of() : lookups.users(userIds);
        return (row, stored) -> {
            if (!users.containsKey(row.userId())) {
                return Optional.of(new Rejection(RejectReason.UNKNOWN_USER, "user " + row.userId() + " is not known"));
            }
            LinkEvent event = row.event();
            List<LinkEvent> history = accepted.computeIfAbsent(event.msaId(), k -> new ArrayList<>());
            Optional<LinkRejection> rejection = LinkReplay.judge(event, history, users, OwnershipRules.PROGRAMME);
            if (rejection.isPresent()) {
                return Optional.of(new Rejection(reason(rejection.get().code()), rejection.get().detail()));
            }
            history.removeIf(e -> e.eventId().equals(event.eventId()));
            history.add(event);
            return Optional.empty();
        };
    }

    static RejectReason reason(LinkRejection.Code code) {
        return switch (code) {
            case LINK_TO_DELETED_USER -> RejectReason.LINK_TO_DELETED_USER;
            case LINK_LIMIT -> RejectReason.LINK_LIMIT;
            case LINK_COOL_OFF -> RejectReason.LINK_COOL_OFF;
        };
    }
}
