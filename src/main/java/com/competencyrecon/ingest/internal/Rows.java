package com.competencyrecon.ingest.internal;

import com.competencyrecon.ingest.FeedItem;
import com.competencyrecon.ingest.Stored;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

/** What the feed table adapters share: instants stored as UTC date-times, and the loaded_on / loaded_line pair. */
final class Rows {

    private Rows() {
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }

    /** A text that may be absent; stored empty it reads as absent, as a parsed empty field does. */
    static String optionalText(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null || value.isEmpty() ? null : value;
    }

    static <R> Stored<R> stored(R row, ResultSet rs) throws SQLException {
        return new Stored<>(row, rs.getObject("loaded_on", LocalDate.class), rs.getLong("loaded_line"));
    }

    /** One parameter set per item: the row's columns and the night and line delivering it. */
    static <R> SqlParameterSource[] params(LocalDate night, List<FeedItem<R>> items,
                                           Function<R, MapSqlParameterSource> columns) {
        return items.stream().map(item -> columns.apply(item.row()).addValue("loaded_on", night)
                .addValue("loaded_line", item.line())).toArray(SqlParameterSource[]::new);
    }
}
