package com.competencyrecon.ingest.internal;

import com.competencyrecon.catalog.Level;
import com.competencyrecon.ingest.Feed;
import com.competencyrecon.ingest.FeedItem;
import com.competencyrecon.ingest.Stored;
import com.competencyrecon.ingest.feeds.MembershipsFeed.Row;
import com.competencyrecon.membership.MembershipOrder;
import com.competencyrecon.membership.MembershipOrders;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

import java.util.Set;
import java.util.HashSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Owns the table {@code membership_order}: the only place its rows are mapped. */
@Repository
public class JdbcMembershipOrders implements MembershipOrders, FeedTable<Row> {

    private static final String OF_ORGS =
            "SELECT order_id, org_id, level, purchased_on FROM membership_order WHERE org_id IN (:orgs)";
    private static final String ALL = "SELECT order_id, org_id, level, purchased_on FROM membership_order";
    private static final String CHANGED = "SELECT DISTINCT org_id FROM membership_order WHERE changed_on = :night";
    private static final String FIND = """
            SELECT order_id, org_id, level, purchased_on, loaded_on, loaded_line FROM membership_order
             WHERE order_id IN (:keys)""";
    private static final String INSERT = """
            INSERT INTO membership_order (order_id, org_id, level, purchased_on, loaded_on, loaded_line, changed_on)
            VALUES (:order_id, :org_id, :level, :purchased_on, :loaded_on, :loaded_line, :loaded_on)""";
    private static final String UPDATE = """
            UPDATE membership_order SET org_id = :org_id, level = :level, purchased_on = :purchased_on,
                   loaded_on = :loaded_on, loaded_line = :loaded_line, changed_on = :loaded_on
             WHERE order_id = :order_id""";
    private static final String TOUCH = """
            UPDATE membership_order SET loaded_on = :loaded_on, loaded_line = :loaded_line
             WHERE order_id = :order_id""";

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcMembershipOrders(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, List<MembershipOrder>> ofOrganizations(Collection<String> orgIds) {
        Map<String, List<MembershipOrder>> byOrg = new HashMap<>();
        if (!orgIds.isEmpty()) {
            jdbc.query(OF_ORGS, new MapSqlParameterSource("orgs", orgIds), into(byOrg));
        }
        return byOrg;
    }

    @Override
    public Map<String, List<MembershipOrder>> all() {
        Map<String, List<MembershipOrder>> byOrg = new TreeMap<>();
        jdbc.query(ALL, new MapSqlParameterSource(), into(byOrg));
        return byOrg;
    }

    /** Organisations with an order applied on the night. */
    public Set<String> changed(LocalDate night) {
        return new HashSet<>(jdbc.queryForList(CHANGED, new MapSqlParameterSource("night", night), String.class));
    }

    @Override
    public String table() {
        return "membership_order";
    }

    @Override
    public Feed feed() {
        return Feed.MEMBERSHIPS;
    }

    @Override
    public List<Stored<Row>> find(Collection<Row> rows) {
        List<String> keys = rows.stream().map(Row::orderId).distinct().toList();
        return keys.isEmpty() ? List.of() : jdbc.query(FIND, new MapSqlParameterSource("keys", keys),
                (rs, i) -> Rows.stored(new Row(rs.getString("order_id"), rs.getString("org_id"),
                        Level.valueOf(rs.getString("level")), rs.getObject("purchased_on", LocalDate.class)), rs));
    }

    @Override
    public void insert(LocalDate night, List<FeedItem<Row>> items) {
        jdbc.batchUpdate(INSERT, Rows.params(night, items, JdbcMembershipOrders::columns));
    }

    @Override
    public void update(LocalDate night, List<FeedItem<Row>> items) {
        jdbc.batchUpdate(UPDATE, Rows.params(night, items, JdbcMembershipOrders::columns));
    }

    @Override
    public void touch(LocalDate night, List<FeedItem<Row>> items) {
        jdbc.batchUpdate(TOUCH, Rows.params(night, items, row -> new MapSqlParameterSource("order_id", row.orderId())));
    }

    private static MapSqlParameterSource columns(Row row) {
        return new MapSqlParameterSource("order_id", row.orderId()).addValue("org_id", row.orgId())
                .addValue("level", row.level().name()).addValue("purchased_on", row.purchasedOn());
    }

    private static RowCallbackHandler into(Map<String, List<MembershipOrder>> byOrg) {
        return rs -> byOrg.computeIfAbsent(rs.getString("org_id"), k -> new ArrayList<>()).add(new MembershipOrder(
                rs.getString("order_id"), Level.valueOf(rs.getString("level")),
                rs.getObject("purchased_on", LocalDate.class)));
    }
}
