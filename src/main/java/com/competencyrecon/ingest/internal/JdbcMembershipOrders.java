package com.competencyrecon.ingest.internal;

import com.competencyrecon.catalog.Level;
import com.competencyrecon.membership.MembershipOrder;
import com.competencyrecon.membership.MembershipOrders;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Owns the table {@code membership_order}: the only place its rows are mapped. */
@Repository
public class JdbcMembershipOrders implements MembershipOrders {

    private static final String OF_ORGS =
            "SELECT order_id, org_id, level, purchased_on FROM membership_order WHERE org_id IN (:orgs)";
    private static final String ALL = "SELECT order_id, org_id, level, purchased_on FROM membership_order";

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

    private static RowCallbackHandler into(Map<String, List<MembershipOrder>> byOrg) {
        return rs -> byOrg.computeIfAbsent(rs.getString("org_id"), k -> new ArrayList<>()).add(new MembershipOrder(
                rs.getString("order_id"), Level.valueOf(rs.getString("level")),
                rs.getObject("purchased_on", LocalDate.class)));
    }
}
