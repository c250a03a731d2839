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
import java.time.YearMonth;
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

    /**
     * A month stored as {@code CHAR(7)} 'YYYY-MM'. Read by hand: evaluation and alerts read every figure of a
     * trailing window, and the formatter behind {@code YearMonth.parse} was the largest cost of those reads.
     */
    static YearMonth month(ResultSet rs, String column) throws SQLException {
        String text = rs.getString(column);
        if (text.length() != 7 || text.charAt(4) != '-') {
            throw new SQLException("the month '" + text + "' in " + column + " is not of the form YYYY-MM");
        }
        return YearMonth.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10));
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
