package com.competencyrecon.ingest.internal;

import com.competencyrecon.catalog.Market;
import com.competencyrecon.evaluation.OrgRow;
import com.competencyrecon.evaluation.Organizations;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Owns the table {@code organization}: the only place its rows are mapped. */
@Repository
public class JdbcOrganizations implements Organizations {

    private static final String AFTER = """
            SELECT org_id, name, market FROM organization WHERE org_id > :after ORDER BY org_id LIMIT :limit""";
    private static final String NAMES = "SELECT org_id, name FROM organization";

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcOrganizations(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<OrgRow> after(String afterOrgId, int limit) {
        return jdbc.query(AFTER, new MapSqlParameterSource("after", afterOrgId == null ? "" : afterOrgId)
                .addValue("limit", limit), (rs, i) -> new OrgRow(rs.getString("org_id"), rs.getString("name"),
                Market.valueOf(rs.getString("market"))));
    }

    @Override
    public Map<String, String> names() {
        Map<String, String> names = new TreeMap<>();
        jdbc.query(NAMES, new MapSqlParameterSource(), rs -> {
            names.put(rs.getString("org_id"), rs.getString("name"));
        });
        return names;
    }
}
