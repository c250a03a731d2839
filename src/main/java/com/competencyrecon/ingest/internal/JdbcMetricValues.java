package com.competencyrecon.ingest.internal;

import com.competencyrecon.catalog.Association;
import com.competencyrecon.evaluation.MetricValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Owns the table {@code metric_value}: the only place its rows are mapped. */
@Repository
public class JdbcMetricValues {

    // The month is stored as CHAR(7) 'YYYY-MM', so comparing the text compares the months.
    private static final String OF_ORGS = """
            SELECT org_id, metric, month, association, amount FROM metric_value
             WHERE org_id IN (:orgs) AND month >= :from AND month <= :to""";

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcMetricValues(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The figures of the given organisations from {@code from} to {@code to} inclusive, by organisation. */
    public Map<String, List<MetricValue>> ofOrganizations(Collection<String> orgIds, YearMonth from, YearMonth to) {
        Map<String, List<MetricValue>> byOrg = new HashMap<>();
        if (orgIds.isEmpty()) {
            return byOrg;
        }
        jdbc.query(OF_ORGS, new MapSqlParameterSource("orgs", orgIds).addValue("from", from.toString())
                .addValue("to", to.toString()), rs -> {
            byOrg.computeIfAbsent(rs.getString("org_id"), k -> new ArrayList<>()).add(new MetricValue(
                    rs.getString("metric"), YearMonth.parse(rs.getString("month")),
                    Association.valueOf(rs.getString("association")), rs.getBigDecimal("amount")));
        });
        return byOrg;
    }
}
