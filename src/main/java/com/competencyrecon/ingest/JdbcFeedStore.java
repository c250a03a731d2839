package com.competencyrecon.ingest;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The store for H2 and MySQL: one look-up per chunk, then JDBC batches. */
@Component
public class JdbcFeedStore implements FeedStore {

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcFeedStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, StoredRecord> find(Feed feed, Collection<FeedItem> items) {
        FeedTable table = FeedTable.of(feed);
        List<List<Object>> keys = items.stream().map(item -> table.keyColumns().stream().map(item::get).toList())
                .distinct().toList();
        Map<String, StoredRecord> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        String columns = Stream.of(table.keyColumns(), table.valueColumns(), List.of("loaded_on", "loaded_line"))
                .flatMap(List::stream).collect(Collectors.joining(", "));
        String sql;
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (table.keyColumns().size() == 1) {
            sql = "SELECT " + columns + " FROM " + table.table() + " WHERE " + table.keyColumns().get(0) + " IN (:keys)";
            params.addValue("keys", keys.stream().map(k -> k.get(0)).toList());
        } else {
            sql = "SELECT " + columns + " FROM " + table.table() + " WHERE (" + String.join(", ", table.keyColumns())
                    + ") IN (:keys)";
            params.addValue("keys", keys.stream().map(List::toArray).toList());
        }
        jdbc.query(sql, params, rs -> {
            Map<String, Object> values = new LinkedHashMap<>();
            for (String column : table.keyColumns()) {
                values.put(column, normalize(rs.getObject(column)));
            }
            for (String column : table.valueColumns()) {
                values.put(column, normalize(rs.getObject(column)));
            }
            String key = table.keyColumns().stream().map(c -> String.valueOf(values.get(c)))
                    .collect(Collectors.joining("|"));
            found.put(key, new StoredRecord(values, rs.getDate("loaded_on").toLocalDate(), rs.getLong("loaded_line")));
        });
        return found;
    }

    @Override
    public void save(Feed feed, LocalDate businessDate, List<FeedItem> inserts, List<FeedItem> updates) {
        FeedTable table = FeedTable.of(feed);
        if (!inserts.isEmpty()) {
            List<String> columns = Stream.of(table.keyColumns(), table.valueColumns(), List.of("loaded_on", "loaded_line"))
                    .flatMap(List::stream).toList();
            String sql = "INSERT INTO " + table.table() + " (" + String.join(", ", columns) + ") VALUES ("
                    + columns.stream().map(c -> ":" + c).collect(Collectors.joining(", ")) + ")";
            jdbc.batchUpdate(sql, params(table, businessDate, inserts));
        }
        if (!updates.isEmpty()) {
            String sql = "UPDATE " + table.table() + " SET "
                    + Stream.concat(table.valueColumns().stream(), Stream.of("loaded_on", "loaded_line"))
                    .map(c -> c + " = :" + c).collect(Collectors.joining(", "))
                    + " WHERE " + keyCondition(table);
            jdbc.batchUpdate(sql, params(table, businessDate, updates));
        }
    }

    @Override
    public void touch(Feed feed, LocalDate businessDate, List<FeedItem> unchanged) {
        if (unchanged.isEmpty()) {
            return;
        }
        FeedTable table = FeedTable.of(feed);
        String sql = "UPDATE " + table.table() + " SET loaded_on = :loaded_on, loaded_line = :loaded_line WHERE "
                + keyCondition(table);
        jdbc.batchUpdate(sql, params(table, businessDate, unchanged));
    }

    private static String keyCondition(FeedTable table) {
        return table.keyColumns().stream().map(c -> c + " = :" + c).collect(Collectors.joining(" AND "));
    }

    private static SqlParameterSource[] params(FeedTable table, LocalDate businessDate, List<FeedItem> items) {
        List<SqlParameterSource> all = new ArrayList<>(items.size());
        for (FeedItem item : items) {
            MapSqlParameterSource p = new MapSqlParameterSource();
            table.keyColumns().forEach(c -> p.addValue(c, item.get(c)));
            table.valueColumns().forEach(c -> p.addValue(c, item.get(c)));
            p.addValue("loaded_on", businessDate);
            p.addValue("loaded_line", item.line());
            all.add(p);
        }
        return all.toArray(SqlParameterSource[]::new);
    }

    /** Brings a stored value and a parsed one to the same form, so that unchanged content compares equal. */
    public static Object normalize(Object value) {
        if (value instanceof Date d) {
            return d.toLocalDate();
        }
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime().truncatedTo(ChronoUnit.MILLIS);
        }
        if (value instanceof LocalDateTime t) {
            return t.truncatedTo(ChronoUnit.MILLIS);
        }
        if (value instanceof BigDecimal b) {
            return b.signum() == 0 ? BigDecimal.ZERO : b.stripTrailingZeros();
        }
        if (value instanceof String s) {
            return s.isEmpty() ? null : s;
        }
        return value;
    }
}
