package com.competencyrecon.ingest.internal;

import com.competencyrecon.catalog.Level;
import com.competencyrecon.evaluation.OverrideGrant;
import com.competencyrecon.ingest.Feed;
import com.competencyrecon.ingest.FeedItem;
import com.competencyrecon.ingest.Stored;
import com.competencyrecon.ingest.feeds.OverridesFeed.Row;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Set;
import java.util.HashSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Owns the table {@code override_grant}: the only place its rows are mapped. */
@Repository
public class JdbcOverrideGrants implements FeedTable<Row> {

    private static final String OF_ORGS = """
            SELECT override_id, org_id, competency, level, valid_from, valid_until FROM override_grant
             WHERE org_id IN (:orgs)""";
    private static final String CHANGED = """
            SELECT DISTINCT org_id FROM override_grant
             WHERE changed_on = :night OR (valid_from > :before AND valid_from <= :night)
                OR (valid_until >= :before AND valid_until < :night)""";
    private static final String FIND = """
            SELECT override_id, org_id, competency, level, valid_from, valid_until, reason, granted_by, loaded_on,
                   loaded_line
              FROM override_grant WHERE override_id IN (:keys)""";
    private static final String INSERT = """
            INSERT INTO override_grant (override_id, org_id, competency, level, valid_from, valid_until, reason,
                                        granted_by, loaded_on, loaded_line, changed_on)
            VALUES (:override_id, :org_id, :competency, :level, :valid_from, :valid_until, :reason, :granted_by,
                    :loaded_on, :loaded_line, :loaded_on)""";
    private static final String UPDATE = """
            UPDATE override_grant SET org_id = :org_id, competency = :competency, level = :level,
                   valid_from = :valid_from, valid_until = :valid_until, reason = :reason, granted_by = :granted_by,
                   loaded_on = :loaded_on, loaded_line = :loaded_line, changed_on = :loaded_on
             WHERE override_id = :override_id""";
    private static final String TOUCH = """
            UPDATE override_grant SET loaded_on = :loaded_on, loaded_line = :loaded_line
             WHERE override_id = :override_id""";

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

    /** Organisations with an override applied on the night, or coming into or out of force since {@code before}. */
    public Set<String> changed(LocalDate before, LocalDate night) {
        return new HashSet<>(jdbc.queryForList(CHANGED, new MapSqlParameterSource("night", night)
                .addValue("before", before), String.class));
    }

    @Override
    public String table() {
        return "override_grant";
    }

    @Override
    public Feed feed() {
        return Feed.OVERRIDES;
    }

    @Override
    public List<Stored<Row>> find(Collection<Row> rows) {
        List<String> keys = rows.stream().map(Row::overrideId).distinct().toList();
        return keys.isEmpty() ? List.of() : jdbc.query(FIND, new MapSqlParameterSource("keys", keys),
                (rs, i) -> Rows.stored(new Row(rs.getString("override_id"), rs.getString("org_id"),
                        rs.getString("competency"), Level.valueOf(rs.getString("level")),
                        rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
                        Rows.optionalText(rs, "reason"), Rows.optionalText(rs, "granted_by")), rs));
    }

    @Override
    public void insert(LocalDate night, List<FeedItem<Row>> items) {
        jdbc.batchUpdate(INSERT, Rows.params(night, items, JdbcOverrideGrants::columns));
    }

    @Override
    public void update(LocalDate night, List<FeedItem<Row>> items) {
        jdbc.batchUpdate(UPDATE, Rows.params(night, items, JdbcOverrideGrants::columns));
    }

    @Override
    public void touch(LocalDate night, List<FeedItem<Row>> items) {
        jdbc.batchUpdate(TOUCH, Rows.params(night, items,
                row -> new MapSqlParameterSource("override_id", row.overrideId())));
    }

    private static MapSqlParameterSource columns(Row row) {
        return new MapSqlParameterSource("override_id", row.overrideId()).addValue("org_id", row.orgId())
                .addValue("competency", row.competency()).addValue("level", row.level().name())
                .addValue("valid_from", row.validFrom()).addValue("valid_until", row.validUntil())
                .addValue("reason", row.reason()).addValue("granted_by", row.grantedBy());
    }
}
