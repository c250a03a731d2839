package com.competencyrecon.ingest;

import com.competencyrecon.ownership.LinkAction;
import com.competencyrecon.ownership.LinkEvent;
import com.competencyrecon.ownership.LinkRejection;
import com.competencyrecon.ownership.LinkReplay;
import com.competencyrecon.ownership.OwnershipRules;
import com.competencyrecon.ownership.UserAccount;
import com.competencyrecon.ownership.UserStatus;
import com.competencyrecon.catalog.Level;
import com.competencyrecon.membership.MembershipOrder;
import com.competencyrecon.membership.MembershipTerm;
import com.competencyrecon.membership.Memberships;
import com.competencyrecon.system.ReconMetrics;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies one chunk of a feed: judges each parsed record against what is stored (a key repeated in the file,
 * unknown organisations and users, a user changing organisation, link limits), stores what is applied,
 * records every reject and the night's counts, all in the chunk's transaction. Fails the step when the
 * feed's rejects pass the limit.
 */
public class FeedItemWriter implements ItemWriter<FeedItem> {


    private final Feed feed;
    private final LocalDate businessDate;
    private final FeedStore store;
    private final NamedParameterJdbcTemplate jdbc;
    private final int rejectLimit;
    private final ReconMetrics metrics;

    public FeedItemWriter(Feed feed, LocalDate businessDate, FeedStore store, NamedParameterJdbcTemplate jdbc,
                          int rejectLimit, ReconMetrics metrics) {
        this.metrics = metrics;
        this.feed = feed;
        this.businessDate = businessDate;
        this.store = store;
        this.jdbc = jdbc;
        this.rejectLimit = rejectLimit;
    }

    @Override
    public void write(Chunk<? extends FeedItem> chunk) {
        List<FeedItem> items = new ArrayList<>(chunk.getItems());
        List<FeedItem> parsed = items.stream().filter(i -> !i.isRejected()).toList();
        Map<String, StoredRecord> stored = store.find(feed, parsed);
        References refs = new References(parsed);

        List<Reject> rejects = new ArrayList<>();
        List<FeedItem> inserts = new ArrayList<>();
        List<FeedItem> updates = new ArrayList<>();
        List<FeedItem> unchanged = new ArrayList<>();
        Map<String, FeedItem> appliedInChunk = new HashMap<>();
        for (FeedItem item : items) {
            if (item.isRejected()) {
                rejects.add(item.reject());
                continue;
            }
            StoredRecord previous = stored.get(item.key());
            FeedItem earlier = appliedInChunk.get(item.key());
            Map<String, Object> earlierValues = earlier != null ? normalized(earlier.values())
                    : previous != null && previous.loadedOn().equals(businessDate) && previous.loadedLine() < item.line()
                    ? previous.values() : null;
            if (earlierValues != null) {
                if (!sameContent(earlierValues, item)) {
                    long firstLine = earlier != null ? earlier.line() : previous.loadedLine();
                    rejects.add(item.reject(RejectReason.DUPLICATE_KEY_IN_FILE, "key " + item.key()
                            + " already delivered at line " + firstLine + " of this file with different content;"
                            + " the first one is kept").reject());
                }
                continue;
            }
            FeedItem judged = refs.check(item, previous);
            if (judged.isRejected()) {
                rejects.add(judged.reject());
                continue;
            }
            appliedInChunk.put(item.key(), item);
            if (earlier != null) {
                continue;
            }
            if (previous == null) {
                inserts.add(item);
            } else if (sameContent(previous.values(), item)) {
                unchanged.add(item);
            } else {
                updates.add(item);
            }
        }
        store.save(feed, businessDate, inserts, updates);
        store.touch(feed, businessDate, unchanged);
        saveRejects(rejects);
        metrics.records(feed.fileName(), "applied", items.size() - rejects.size());
        metrics.records(feed.fileName(), "rejected", rejects.size());
        rejects.forEach(r -> metrics.reject(feed.fileName(), r.reason().name()));
        long rejected = count(items.size(), items.size() - rejects.size(), rejects.size());
        if (rejected > rejectLimit) {
            throw new RejectLimitExceededException(feed, rejected, rejectLimit, topReasons());
        }
    }

    private boolean sameContent(Map<String, Object> stored, FeedItem item) {
        Map<String, Object> parsed = normalized(item.values());
        for (String column : FeedTable.of(feed).valueColumns()) {
            if (!Objects.equals(stored.get(column), parsed.get(column))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> normalized(Map<String, Object> values) {
        Map<String, Object> copy = new HashMap<>();
        values.forEach((k, v) -> copy.put(k, JdbcFeedStore.normalize(v)));
        return copy;
    }

    private void saveRejects(List<Reject> rejects) {
        if (rejects.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("DELETE FROM feed_reject WHERE business_date = :date AND feed = :feed AND line = :line",
                rejects.stream().map(r -> new MapSqlParameterSource().addValue("date", businessDate)
                        .addValue("feed", feed.fileName()).addValue("line", r.line())).toArray(MapSqlParameterSource[]::new));
        jdbc.batchUpdate("""
                        INSERT INTO feed_reject (business_date, feed, line, record_key, reason, detail)
                        VALUES (:date, :feed, :line, :key, :reason, :detail)""",
                rejects.stream().map(r -> new MapSqlParameterSource().addValue("date", businessDate)
                        .addValue("feed", feed.fileName()).addValue("line", r.line())
                        .addValue("key", truncate(r.recordKey(), 512)).addValue("reason", r.reason().name())
                        .addValue("detail", truncate(r.detail(), 2000))).toArray(MapSqlParameterSource[]::new));
    }

    /** Adds this chunk to the night's counts for the feed and returns the feed's rejects so far. */
    private long count(int read, int applied, int rejected) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("date", businessDate)
                .addValue("feed", feed.fileName()).addValue("read", read).addValue("applied", applied)
                .addValue("rejected", rejected);
        int updated = jdbc.update("""
                UPDATE feed_count SET read_count = read_count + :read, applied_count = applied_count + :applied,
                       rejected_count = rejected_count + :rejected
                 WHERE business_date = :date AND feed = :feed""", p);
        if (updated == 0) {
            jdbc.update("""
                    INSERT INTO feed_count (business_date, feed, read_count, applied_count, rejected_count)
                    VALUES (:date, :feed, :read, :applied, :rejected)""", p);
        }
        return jdbc.queryForObject("SELECT rejected_count FROM feed_count WHERE business_date = :date AND feed = :feed",
                p, Long.class);
    }

    private Map<String, Long> topReasons() {
        Map<String, Long> reasons = new LinkedHashMap<>();
        jdbc.query("""
                SELECT reason, COUNT(*) AS n FROM feed_reject WHERE business_date = :date AND feed = :feed
                 GROUP BY reason ORDER BY n DESC, reason""",
                new MapSqlParameterSource().addValue("date", businessDate).addValue("feed", feed.fileName()),
                rs -> {
                    if (reasons.size() < 5) {
                        reasons.put(rs.getString("reason"), rs.getLong("n"));
                    }
                });
        return reasons;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** Reference checks that need stored organisations, users and link events, looked up once per chunk. */
    private final class References {

        private final Set<String> orgs = new HashSet<>();
        private final Map<String, UserAccount> users = new HashMap<>();
        private final Map<String, List<LinkEvent>> acceptedLinks = new HashMap<>();
        private final Map<String, List<MembershipOrder>> orders = new HashMap<>();

        References(List<FeedItem> items) {
            switch (feed) {
                case USERS, METRICS, OVERRIDES -> loadOrgs(items);
                case MEMBERSHIPS -> {
                    loadOrgs(items);
                    loadOrders(items);
                }
                case MSA_LINKS -> loadLinkState(items);
                default -> {
                }
            }
        }

        FeedItem check(FeedItem item, StoredRecord previous) {
            return switch (feed) {
                case USERS -> checkUser(item, previous);
                case METRICS, OVERRIDES -> orgs.contains((String) item.get("org_id")) ? item
                        : item.reject(RejectReason.UNKNOWN_ORG, "organisation " + item.get("org_id") + " is not known");
                case MEMBERSHIPS -> orgs.contains((String) item.get("org_id")) ? checkOrder(item)
                        : item.reject(RejectReason.UNKNOWN_ORG, "organisation " + item.get("org_id") + " is not known");
                case MSA_LINKS -> checkLink(item);
                default -> item;
            };
        }

        private FeedItem checkUser(FeedItem item, StoredRecord previous) {
            String org = (String) item.get("org_id");
            if (previous != null && !Objects.equals(previous.values().get("org_id"), org)) {
                return item.reject(RejectReason.USER_ORG_CHANGED, "user " + item.get("user_id") + " belongs to "
                        + previous.values().get("org_id") + " and cannot move to " + org
                        + "; an account belongs to one organisation for life");
            }
            if (!orgs.contains(org)) {
                return item.reject(RejectReason.UNKNOWN_ORG, "organisation " + org + " is not known");
            }
            return item;
        }

        private FeedItem checkLink(FeedItem item) {
            String userId = (String) item.get("user_id");
            UserAccount user = users.get(userId);
            if (user == null) {
                return item.reject(RejectReason.UNKNOWN_USER, "user " + userId + " is not known");
            }
            LinkEvent event = toEvent(item);
            List<LinkEvent> accepted = acceptedLinks.computeIfAbsent(event.msaId(), k -> new ArrayList<>());
            LinkRejection rejection = LinkReplay.judge(event, accepted, users, OwnershipRules.PROGRAMME).orElse(null);
            if (rejection != null) {
                return item.reject(RejectReason.valueOf(rejection.code()), rejection.detail());
            }
            accepted.removeIf(e -> e.eventId().equals(event.eventId()));
            accepted.add(event);
            return item;
        }

        /** An order must start, renew or upgrade a term; one that would change nothing is reported, not kept. */
        private FeedItem checkOrder(FeedItem item) {
            MembershipOrder order = new MembershipOrder((String) item.get("order_id"),
                    Level.valueOf((String) item.get("level")), (LocalDate) item.get("purchased_on"));
            List<MembershipOrder> list = orders.computeIfAbsent((String) item.get("org_id"), k -> new ArrayList<>());
            List<MembershipOrder> with = new ArrayList<>(list);
            with.removeIf(o -> o.orderId().equals(order.orderId()));
            with.add(order);
            List<MembershipTerm> terms = Memberships.terms(with, businessDate);
            if (terms.stream().noneMatch(t -> t.termId().equals(order.orderId()))) {
                MembershipTerm covering = terms.stream().filter(t -> t.coversDay(order.purchasedOn()))
                        .reduce((a, b) -> b).orElse(null);
                return item.reject(RejectReason.ORDER_NOT_APPLIED, "a " + order.level() + " order on "
                        + order.purchasedOn() + " changes nothing" + (covering == null ? "" : ": the "
                        + covering.level() + " membership runs to its anniversary " + covering.anniversary()
                        + "; it can be renewed from then until " + covering.windowCloses()
                        + (covering.level() == Level.SILVER ? ", or upgraded by a Gold order before it" : "")));
            }
            list.removeIf(o -> o.orderId().equals(order.orderId()));
            list.add(order);
            return item;
        }

        private void loadOrders(List<FeedItem> items) {
            List<Object> ids = items.stream().map(i -> i.get("org_id")).distinct().toList();
            if (!ids.isEmpty()) {
                jdbc.query("SELECT order_id, org_id, level, purchased_on FROM membership_order WHERE org_id IN (:ids)",
                        new MapSqlParameterSource("ids", ids), rs -> {
                            orders.computeIfAbsent(rs.getString("org_id"), k -> new ArrayList<>()).add(
                                    new MembershipOrder(rs.getString("order_id"), Level.valueOf(rs.getString("level")),
                                            rs.getObject("purchased_on", LocalDate.class)));
                        });
            }
        }

        private void loadOrgs(List<FeedItem> items) {
            List<Object> ids = items.stream().map(i -> i.get("org_id")).distinct().toList();
            if (!ids.isEmpty()) {
                orgs.addAll(jdbc.queryForList("SELECT org_id FROM organization WHERE org_id IN (:ids)",
                        new MapSqlParameterSource("ids", ids), String.class));
            }
        }

        private void loadLinkState(List<FeedItem> items) {
            List<Object> msas = items.stream().map(i -> i.get("msa_id")).distinct().toList();
            if (msas.isEmpty()) {
                return;
            }
            jdbc.query("""
                    SELECT event_id, msa_id, user_id, action, occurred_at FROM msa_link_event
                     WHERE msa_id IN (:msas)""", new MapSqlParameterSource("msas", msas), rs -> {
                LinkEvent e = new LinkEvent(rs.getString("event_id"), rs.getString("msa_id"), rs.getString("user_id"),
                        LinkAction.valueOf(rs.getString("action")),
                        rs.getObject("occurred_at", LocalDateTime.class).toInstant(ZoneOffset.UTC));
                acceptedLinks.computeIfAbsent(e.msaId(), k -> new ArrayList<>()).add(e);
            });
            Set<Object> userIds = new HashSet<>();
            items.forEach(i -> userIds.add(i.get("user_id")));
            acceptedLinks.values().forEach(list -> list.forEach(e -> userIds.add(e.userId())));
            jdbc.query("SELECT user_id, org_id, status, changed_at FROM user_account WHERE user_id IN (:ids)",
                    new MapSqlParameterSource("ids", userIds), rs -> {
                        users.put(rs.getString("user_id"), new UserAccount(rs.getString("user_id"),
                                rs.getString("org_id"), UserStatus.valueOf(rs.getString("status")),
                                rs.getObject("changed_at", LocalDateTime.class).toInstant(ZoneOffset.UTC)));
                    });
        }

        private LinkEvent toEvent(FeedItem item) {
            return new LinkEvent((String) item.get("event_id"), (String) item.get("msa_id"),
                    (String) item.get("user_id"), LinkAction.valueOf((String) item.get("action")),
                    ((LocalDateTime) item.get("occurred_at")).toInstant(ZoneOffset.UTC));
        }
    }

    static String describe(Map<String, Long> reasons) {
        return reasons.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
