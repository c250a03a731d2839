package com.competencyrecon.ingest.feeds;

import com.competencyrecon.catalog.Level;
import com.competencyrecon.ingest.Feed;
import com.competencyrecon.ingest.FeedLookups;
import com.competencyrecon.ingest.FeedNight;
import com.competencyrecon.ingest.FeedSpec;
import com.competencyrecon.ingest.RejectReason;
import com.competencyrecon.ingest.RejectedRecordException;
import com.competencyrecon.ingest.csv.CsvRecord;
import com.competencyrecon.membership.MembershipOrder;
import com.competencyrecon.membership.MembershipTerm;
import com.competencyrecon.membership.Memberships;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.competencyrecon.ingest.feeds.Fields.date;
import static com.competencyrecon.ingest.feeds.Fields.id;
import static com.competencyrecon.ingest.feeds.Fields.maxLength;
import static com.competencyrecon.ingest.feeds.Fields.memberLevel;

/** {@code memberships.csv}: orders of the Silver or Gold benefit pack; each must start, renew or upgrade a term. */
public final class MembershipsFeed implements FeedSpec<MembershipsFeed.Row> {

    static final Layout LAYOUT = new Layout(Feed.MEMBERSHIPS,
            List.of("order_id", "org_id", "level", "purchased_on"),
            Set.of("order_id", "org_id", "level", "purchased_on"), List.of("order_id"));

    public record Row(String orderId, String orgId, Level level, LocalDate purchasedOn) {

        public MembershipOrder order() {
            return new MembershipOrder(orderId, level, purchasedOn);
        }
    }

    private final Fields fields;

    public MembershipsFeed(FeedNight night) {
        this.fields = new Fields(night);
    }

    @Override
    public Layout layout() {
        return LAYOUT;
    }

    @Override
    public Row parse(CsvRecord r) {
        String orderId = id(r, "order_id");
        String orgId = id(r, "org_id");
        Level level = memberLevel(r, "level");
        LocalDate purchased = date(r, "purchased_on");
        if (purchased.isAfter(fields.businessDate())) {
            throw new RejectedRecordException(RejectReason.FUTURE_DATED,
                    "purchased_on " + purchased + " is after the business date " + fields.businessDate());
        }
        maxLength("order_id", orderId, 64);
        maxLength("org_id", orgId, 64);
        return new Row(orderId, orgId, level, purchased);
    }

    @Override
    public String key(Row row) {
        return row.orderId();
    }

    /** The organisation must be known, and an order that would change nothing is reported, not kept. */
    @Override
    public RowCheck<Row> check(List<Row> rows, FeedLookups lookups) {
        RowCheck<Row> known = OrgReference.check(rows, Row::orgId, lookups);
        Map<String, List<MembershipOrder>> orders = new HashMap<>();
        if (!rows.isEmpty()) {
            lookups.ordersOf(rows.stream().map(Row::orgId).distinct().toList())
                    .forEach((org, list) -> orders.put(org, new ArrayList<>(list)));
        }
        return (row, stored) -> known.check(row, stored).or(() -> applies(row, orders));
    }

    private Optional<Rejection> applies(Row row, Map<String, List<MembershipOrder>> orders) {
        MembershipOrder order = row.order();
        List<MembershipOrder> list = orders.computeIfAbsent(row.orgId(), k -> new ArrayList<>());
        List<MembershipOrder> with = new ArrayList<>(list);
        with.removeIf(o -> o.orderId().equals(order.orderId()));
        with.add(order);
        List<MembershipTerm> terms = Memberships.terms(with, fields.businessDate());
        if (terms.stream().noneMatch(t -> t.termId().equals(order.orderId()))) {
            MembershipTerm covering = terms.stream().filter(t -> t.coversDay(order.purchasedOn()))
                    .reduce((a, b) -> b).orElse(null);
            return Optional.of(new Rejection(RejectReason.ORDER_NOT_APPLIED, "a " + order.level() + " order on "
                    + order.purchasedOn() + " changes nothing" + (covering == null ? "" : ": the "
                    + covering.level() + " membership runs to its anniversary " + covering.anniversary()
                    + "; it can be renewed from then until " + covering.windowCloses()
                    + (covering.level() == Level.SILVER ? ", or upgraded by a Gold order before it" : ""))));
        }
        list.removeIf(o -> o.orderId().equals(order.orderId()));
        list.add(order);
        return Optional.empty();
    }
}
