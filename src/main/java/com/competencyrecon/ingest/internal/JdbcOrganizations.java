package com.competencyrecon.ingest.internal;

import com.competencyrecon.catalog.Market;
import com.competencyrecon.evaluation.OrgRow;
import com.competencyrecon.evaluation.Organizations;
import com.competencyrecon.ingest.Feed;
import com.competencyrecon.ingest.FeedItem;
import com.competencyrecon.ingest.Stored;
import com.competencyrecon.ingest.feeds.OrganizationsFeed.Row;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Owns the table {@code organization}: the only place its rows are mapped. */
@Repository
public class JdbcOrganizations implements Organizations, FeedTable<Row> {

    private static final String CHANGED = "SELECT org_id FROM organization WHERE changed_on = :night";
    private static final String FIND = """
            SELECT org_id, name, market, country, loaded_on, loaded_line FROM organization WHERE org_id IN (:keys)""";
    private static final String INSERT = """
            INSERT INTO organization (org_id, name, market, country, loaded_on, loaded_line, changed_on)
            VALUES (:org_id, :name, :market, :country, :loaded_on, :loaded_line, :loaded_on)""";
    private static final String UPDATE = """
            UPDATE organization SET name = :name, market = :market, country = :country, loaded_on = :loaded_on,
                   loaded_line = :loaded_line, changed_on = :loaded_on
             WHERE org_id = :org_id""";
    private static final String TOUCH =
            "UPDATE organization SET loaded_on = :loaded_on, loaded_line = :loaded_line WHERE org_id = :org_id";
    private static final String KNOWN = "SELECT org_id FROM organization WHERE org_id IN (:ids)";
    private static final String AFTER = """
            SELECT org_id, name, market FROM organization WHERE org_id > :after ORDER BY org_id LIMIT :limit""";
    private static final String NAMES = "SELECT org_id, name FROM organization";
    private static final String WITH_IDS =
            "SELECT org_id, name, market FROM organization WHERE org_id IN (:ids) ORDER BY org_id";

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
    public List<OrgRow> withIds(Collection<String> orgIds) {
        return orgIds.isEmpty() ? List.of() : jdbc.query(WITH_IDS, new MapSqlParameterSource("ids", orgIds),
                (rs, i) -> new OrgRow(rs.getString("org_id"), rs.getString("name"),
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

    /**
     * Up to {@code limit} organisations whose id is the text or starts with it, or whose name contains it (any
     * case), in id order.
     */
    public List<OrgRow> search(String text, int limit) {
        String lowered = text.toLowerCase(java.util.Locale.ROOT);
        return jdbc.query("""
                SELECT org_id, name, market FROM organization
                 WHERE org_id LIKE :prefix ESCAPE '!' OR LOWER(name) LIKE :part ESCAPE '!'
                 ORDER BY CASE WHEN org_id = :text THEN 0 ELSE 1 END, org_id LIMIT :limit""",
                new MapSqlParameterSource("text", text).addValue("prefix", like(text) + "%")
                        .addValue("part", "%" + like(lowered) + "%").addValue("limit", limit),
                (rs, i) -> new OrgRow(rs.getString("org_id"), rs.getString("name"),
                        Market.valueOf(rs.getString("market"))));
    }

    /** The text with LIKE's wildcards taken literally ({@code !} is the escape). */
    private static String like(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** Which of the given organisations are stored. */
    public Set<String> known(Collection<String> orgIds) {
        return orgIds.isEmpty() ? new HashSet<>()
                : new HashSet<>(jdbc.queryForList(KNOWN, new MapSqlParameterSource("ids", orgIds), String.class));
    }

    /** Organisations applied on the night. */
    public Set<String> changed(LocalDate night) {
        return new HashSet<>(jdbc.queryForList(CHANGED, new MapSqlParameterSource("night", night), String.class));
    }

    @Override
    public String table() {
        return "organization";
    }

    @Override
    public Feed feed() {
        return Feed.ORGANIZATIONS;
    }

    @Override
    public List<Stored<Row>> find(Collection<Row> rows) {
        List<String> keys = rows.stream().map(Row::orgId).distinct().toList();
        return keys.isEmpty() ? List.of() : jdbc.query(FIND, new MapSqlParameterSource("keys", keys),
                (rs, i) -> Rows.stored(new Row(rs.getString("org_id"), rs.getString("name"),
                        Market.valueOf(rs.getString("market")), Rows.optionalText(rs, "country")), rs));
    }

    @Override
    public void insert(LocalDate night, List<FeedItem<Row>> items) {
        jdbc.batchUpdate(INSERT, Rows.params(night, items, JdbcOrganizations::columns));
    }

    @Override
    public void update(LocalDate night, List<FeedItem<Row>> items) {
        jdbc.batchUpdate(UPDATE, Rows.params(night, items, JdbcOrganizations::columns));
    }

    @Override
    public void touch(LocalDate night, List<FeedItem<Row>> items) {
        jdbc.batchUpdate(TOUCH, Rows.params(night, items, row -> new MapSqlParameterSource("org_id", row.orgId())));
    }

    private static MapSqlParameterSource columns(Row row) {
        return new MapSqlParameterSource("org_id", row.orgId()).addValue("name", row.name())
                .addValue("market", row.market().name()).addValue("country", row.country());
    }
}
