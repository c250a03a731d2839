package com.competencyrecon.ingest.internal;

import com.competencyrecon.catalog.Level;
import com.competencyrecon.evaluation.OverrideGrant;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Owns the table {@code override_grant}: the only place its rows are mapped. */
@Repository
public class JdbcOverrideGrants {

    private static final String OF_ORGS = """
            SELECT override_id, org_id, competency, level, valid_from, valid_until FROM override_grant
             WHERE org_id IN (:orgs)""";

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcOverrideGrants(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every override of the given organisations, by organisation. */
    public Map<String, List<OverrideGrant>> ofOrganizations(Collection<String> orgIds) {
        Map<String, List<OverrideGrant>> byOrg = new HashMap<>();
        if (orgIds.isEmpty()) {
            return byOrg;
        }
        jdbc.query(OF_ORGS, new MapSqlParameterSource("orgs", orgIds), rs -> {
            byOrg.computeIfAbsent(rs.getString("org_id"), k -> new ArrayList<>()).add(new OverrideGrant(
                    rs.getString("override_id"), rs.getString("competency"), Level.valueOf(rs.getString("level")),
                    rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class)));
        });
        return byOrg;
    }
}
