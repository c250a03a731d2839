package com.competencyrecon.membership;

import com.competencyrecon.catalog.Level;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads membership orders and tells where each organisation's membership stands on a day. */
@Component
public class MembershipDirectory {

    private final NamedParameterJdbcTemplate jdbc;

    public MembershipDirectory(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every organisation that ever had a membership, by org id (sorted), with its standing on {@code day}. */
    public Map<String, MembershipStanding> standingsOn(LocalDate day) {
        Map<String, List<MembershipOrder>> orders = new TreeMap<>();
        jdbc.query("SELECT order_id, org_id, level, purchased_on FROM membership_order", new MapSqlParameterSource(),
                rs -> {
                    orders.computeIfAbsent(rs.getString("org_id"), k -> new ArrayList<>()).add(new MembershipOrder(
                            rs.getString("order_id"), Level.valueOf(rs.getString("level")),
                            rs.getObject("purchased_on", LocalDate.class)));
                });
        Map<String, MembershipStanding> standings = new TreeMap<>();
        orders.forEach((org, list) -> {
            Optional<MembershipStanding> standing = Memberships.standingOn(list, day);
            standing.ifPresent(s -> standings.put(org, s));
        });
        return standings;
    }
}
