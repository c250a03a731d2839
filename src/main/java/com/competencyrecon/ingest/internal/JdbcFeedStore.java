package com.competencyrecon.ingest.internal;

import com.competencyrecon.ingest.Feed;
import com.competencyrecon.ingest.FeedItem;
import com.competencyrecon.ingest.FeedSpec;
import com.competencyrecon.ingest.FeedStore;
import com.competencyrecon.ingest.Stored;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The store for H2 and MySQL: one look-up per chunk, then JDBC batches, through the adapter owning each table. */
@Component
public class JdbcFeedStore implements FeedStore {

    private final Map<Feed, FeedTable<?>> tables = new EnumMap<>(Feed.class);

    public JdbcFeedStore(JdbcOrganizations organizations, JdbcUserAccounts users, JdbcLinkEvents links,
                         JdbcAchievements achievements, JdbcMetricValues metrics, JdbcMembershipOrders orders,
                         JdbcOverrideGrants overrides) {
        for (FeedTable<?> table : List.of(organizations, users, links, achievements, metrics, orders, overrides)) {
            tables.put(table.feed(), table);
        }
    }

    @Override
    public <R> Map<String, Stored<R>> find(FeedSpec<R> spec, Collection<R> rows) {
        Map<String, Stored<R>> found = new HashMap<>();
        for (Stored<R> stored : table(spec).find(rows)) {
            found.put(spec.key(stored.row()), stored);
        }
        return found;
    }

    @Override
    public <R> void save(FeedSpec<R> spec, LocalDate businessDate, List<FeedItem<R>> inserts,
                         List<FeedItem<R>> updates) {
        if (!inserts.isEmpty()) {
            table(spec).insert(businessDate, inserts);
        }
        if (!updates.isEmpty()) {
            table(spec).update(businessDate, updates);
        }
    }

    @Override
    public <R> void touch(FeedSpec<R> spec, LocalDate businessDate, List<FeedItem<R>> unchanged) {
        if (!unchanged.isEmpty()) {
            table(spec).touch(businessDate, unchanged);
        }
    }

    /** The table of the spec's feed; each adapter stores the row type of its feed's spec. */
    @SuppressWarnings("unchecked")
    private <R> FeedTable<R> table(FeedSpec<R> spec) {
        return (FeedTable<R>) tables.get(spec.feed());
    }
}
