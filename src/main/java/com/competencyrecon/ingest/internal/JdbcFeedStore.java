package com.competencyrecon.ingest.internal;

import com.competencyrecon.ingest.Feed;
import com.competencyrecon.ingest.FeedItem;
import com.competencyrecon.ingest.FeedSpec;
import com.competencyrecon.ingest.FeedStore;
import com.competencyrecon.ingest.Stored;
import com.competencyrecon.system.ReconProperties;
import com.competencyrecon.system.jdbc.BulkLoads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The store for H2 and MySQL: one look-up per chunk, then writes through the adapter owning each table. On
 * MySQL/MariaDB with local infile allowed, the tables that can be loaded in bulk ({@link BulkFeedTable}: the
 * high-volume feeds) are, in larger chunks; the others, and every table on H2, take JDBC batches. Either way
 * the chunk writer judges the rows, so both paths apply, reject and count the same.
 */
@Component
public class JdbcFeedStore implements FeedStore {

    private final Map<Feed, FeedTable<?>> tables = new EnumMap<>(Feed.class);
    private final JdbcTemplate jdbc;
    private final ReconProperties properties;
    private final BulkLoads bulkLoads;

    public JdbcFeedStore(JdbcOrganizations organizations, JdbcUserAccounts users, JdbcLinkEvents links,
                         JdbcAchievements achievements, JdbcMetricValues metrics, JdbcMembershipOrders orders,
                         JdbcOverrideGrants overrides, JdbcTemplate jdbc, ReconProperties properties,
                         BulkLoads bulkLoads) {
        for (FeedTable<?> table : List.of(organizations, users, links, achievements, metrics, orders, overrides)) {
            tables.put(table.feed(), table);
        }
        this.jdbc = jdbc;
        this.properties = properties;
        this.bulkLoads = bulkLoads;
    }

    /** Whether the feed's rows are loaded in bulk on this database. */
    public boolean loadsInBulk(Feed feed) {
        return tables.get(feed) instanceof BulkFeedTable<?> && bulkLoads.enabled();
    }

    /** Records per transaction for the feed: a bulk load takes larger chunks. */
    public int chunkSize(Feed feed) {
        return loadsInBulk(feed) ? properties.bulkChunkSize() : properties.chunkSize();
    }

    @Override
    public <R> boolean isEmpty(FeedSpec<R> spec) {
        return jdbc.queryForList("SELECT 1 FROM " + table(spec).table() + " LIMIT 1").isEmpty();
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
        BulkFeedTable<R> bulkTable = bulk(spec);
        if (!inserts.isEmpty()) {
            if (bulkTable != null) {
                bulkTable.loadInserts(businessDate, inserts);
            } else {
                table(spec).insert(businessDate, inserts);
            }
        }
        if (!updates.isEmpty()) {
            if (bulkTable != null) {
                bulkTable.loadUpdates(businessDate, updates);
            } else {
                table(spec).update(businessDate, updates);
            }
        }
    }

    @Override
    public <R> void touch(FeedSpec<R> spec, LocalDate businessDate, List<FeedItem<R>> unchanged) {
        BulkFeedTable<R> bulkTable = bulk(spec);
        if (unchanged.isEmpty()) {
            return;
        }
        if (bulkTable != null) {
            bulkTable.loadTouches(businessDate, unchanged);
        } else {
            table(spec).touch(businessDate, unchanged);
        }
    }

    /** The table of the spec's feed; each adapter stores the row type of its feed's spec. */
    @SuppressWarnings("unchecked")
    private <R> FeedTable<R> table(FeedSpec<R> spec) {
        return (FeedTable<R>) tables.get(spec.feed());
    }

    /** The spec's table when its rows are loaded in bulk, else null. */
    @SuppressWarnings("unchecked")
    private <R> BulkFeedTable<R> bulk(FeedSpec<R> spec) {
        return loadsInBulk(spec.feed()) ? (BulkFeedTable<R>) table(spec) : null;
    }
}
