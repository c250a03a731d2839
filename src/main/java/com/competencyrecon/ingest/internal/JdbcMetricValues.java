package com.competencyrecon.ingest.internal;

import com.competencyrecon.catalog.Association;
import com.competencyrecon.evaluation.MetricValue;
import com.competencyrecon.ingest.Feed;
import com.competencyrecon.ingest.FeedItem;
import com.competencyrecon.ingest.Stored;
import com.competencyrecon.ingest.feeds.MetricsFeed.Row;
import com.competencyrecon.system.jdbc.LocalInfile;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Set;
import java.util.HashSet;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Owns the table {@code metric_value}: the only place its rows are mapped. The month is stored as 'YYYY-MM'. */
@Repository
public class JdbcMetricValues implements BulkFeedTable<Row> {

    // The month is stored as CHAR(7) 'YYYY-MM', so comparing the text compares the months.
    private static final String OF_ORGS = """
            SELECT org_id, metric, month, association, amount FROM metric_value
             WHERE org_id IN (:orgs) AND month >= :from AND month <= :to""";
    private static final String CHANGED = "SELECT DISTINCT org_id FROM metric_value WHERE changed_on = :night";
    private static final String FIND = """
            SELECT org_id, metric, month, association, amount, loaded_on, loaded_line FROM metric_value
             WHERE (org_id, metric, month, association) IN (:keys)""";
    private static final String INSERT = """
            INSERT INTO metric_value (org_id, metric, month, association, amount, loaded_on, loaded_line, changed_on)
            VALUES (:org_id, :metric, :month, :association, :amount, :loaded_on, :loaded_line, :loaded_on)""";
    private static final String UPDATE = """
            UPDATE metric_value SET amount = :amount, loaded_on = :loaded_on, loaded_line = :loaded_line, changed_on = :loaded_on
             WHERE org_id = :org_id AND metric = :metric AND month = :month AND association = :association""";
    private static final String TOUCH = """
            UPDATE metric_value SET loaded_on = :loaded_on, loaded_line = :loaded_line
             WHERE org_id = :org_id AND metric = :metric AND month = :month AND association = :association""";
    // The bulk path (MySQL/MariaDB): see BulkFeedTable. changed_on is the night, as INSERT and UPDATE set it.
    private static final String LOAD_NEW = """
            LOAD DATA LOCAL INFILE 'metric_value.tsv' INTO TABLE metric_value CHARACTER SET utf8mb4
            (org_id, metric, month, association, amount, loaded_on, loaded_line, changed_on)""";
    private static final String LOAD_STAGED = """
            LOAD DATA LOCAL INFILE 'metric_value_load.tsv' INTO TABLE metric_value_load CHARACTER SET utf8mb4
            (org_id, metric, month, association, amount, loaded_on, loaded_line)""";
    private static final String MERGE_UPDATES = """
            UPDATE metric_value m JOIN metric_value_load s ON s.org_id = m.org_id AND s.metric = m.metric
                   AND s.month = m.month AND s.association = m.association
               SET m.amount = s.amount, m.loaded_on = s.loaded_on, m.loaded_line = s.loaded_line,
                   m.changed_on = s.loaded_on""";
    private static final String MERGE_TOUCHES = """
            UPDATE metric_value m JOIN metric_value_load s ON s.org_id = m.org_id AND s.metric = m.metric
                   AND s.month = m.month AND s.association = m.association
               SET m.loaded_on = s.loaded_on, m.loaded_line = s.loaded_line""";
    private static final String CLEAR_STAGED = "DELETE FROM metric_value_load";

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
                    rs.getString("metric"), Rows.month(rs, "month"),
                    Association.valueOf(rs.getString("association")), rs.getBigDecimal("amount")));
        });
        return byOrg;
    }

    /** Organisations with a figure applied on the night. */
    public Set<String> changed(LocalDate night) {
        return new HashSet<>(jdbc.queryForList(CHANGED, new MapSqlParameterSource("night", night), String.class));
    }

    @Override
    public String table() {
        return "metric_value";
    }

    @Override
    public Feed feed() {
        return Feed.METRICS;
    }

    @Override
    public List<Stored<Row>> find(Collection<Row> rows) {
        List<List<Object>> keys = rows.stream().map(row -> List.<Object>of(row.orgId(), row.metric(),
                row.monthText(), row.association().name())).distinct().toList();
        return keys.isEmpty() ? List.of() : jdbc.query(FIND,
                new MapSqlParameterSource("keys", keys.stream().map(List::toArray).toList()),
                (rs, i) -> Rows.stored(new Row(rs.getString("org_id"), rs.getString("metric"),
                        Rows.month(rs, "month"), Association.valueOf(rs.getString("association")),
                        rs.getBigDecimal("amount")), rs));
    }

    @Override
    public void insert(LocalDate night, List<FeedItem<Row>> items) {
        jdbc.batchUpdate(INSERT, Rows.params(night, items, row -> key(row).addValue("amount", row.amount())));
    }

    @Override
    public void update(LocalDate night, List<FeedItem<Row>> items) {
        jdbc.batchUpdate(UPDATE, Rows.params(night, items, row -> key(row).addValue("amount", row.amount())));
    }

    @Override
    public void touch(LocalDate night, List<FeedItem<Row>> items) {
        jdbc.batchUpdate(TOUCH, Rows.params(night, items, JdbcMetricValues::key));
    }

    @Override
    public void loadInserts(LocalDate night, List<FeedItem<Row>> items) {
        LocalInfile.load(jdbc.getJdbcTemplate(), LOAD_NEW, items, (line, item) -> key(line, item.row())
                .decimal(item.row().amount()).date(night).number(item.line()).date(night));
    }

    @Override
    public void loadUpdates(LocalDate night, List<FeedItem<Row>> items) {
        LocalInfile.merge(jdbc.getJdbcTemplate(), LOAD_STAGED, MERGE_UPDATES, CLEAR_STAGED, items,
                (line, item) -> key(line, item.row()).decimal(item.row().amount()).date(night).number(item.line()));
    }

    /** Staged with their stored amount unknown (NULL): the merge sets only the night and line. */
    @Override
    public void loadTouches(LocalDate night, List<FeedItem<Row>> items) {
        LocalInfile.merge(jdbc.getJdbcTemplate(), LOAD_STAGED, MERGE_TOUCHES, CLEAR_STAGED, items,
                (line, item) -> key(line, item.row()).decimal(null).date(night).number(item.line()));
    }

    private static LocalInfile.Line key(LocalInfile.Line line, Row row) {
        return line.text(row.orgId()).text(row.metric()).text(row.monthText()).text(row.association().name());
    }

    private static MapSqlParameterSource key(Row row) {
        return new MapSqlParameterSource("org_id", row.orgId()).addValue("metric", row.metric())
                .addValue("month", row.monthText()).addValue("association", row.association().name());
    }
}
