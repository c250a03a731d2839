package com.competencyrecon.system.jdbc;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.jdbc.JdbcConnection;
import com.mysql.cj.jdbc.JdbcStatement;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Loads rows into MySQL/MariaDB with {@code LOAD DATA LOCAL INFILE} from memory: Connector/J sends the stream
 * handed to the statement when the server asks for the "file", so nothing is written to disk. The stream is in
 * the statement's default format (tab between fields, newline after each row, backslash escapes, {@code \N}
 * for NULL), UTF-8, so the statements say {@code CHARACTER SET utf8mb4} and name their columns.
 * <p>
 * A LOCAL load cannot stop the client mid-stream, so the server skips a row whose key is taken and turns what
 * strict mode would refuse (a truncated text, a bad date) into warnings. Every load is therefore checked: as
 * many rows as were sent, and no warning or note; otherwise it fails, and the chunk's transaction with it.
 * <p>
 * Used by the adapters of the high-volume tables: the bulk feeds (ingest) and the night's results (evaluation).
 */
public final class LocalInfile {

    private static final DateTimeFormatter DATETIME_3 = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS");

    private LocalInfile() {
    }

    /** Whether the data source is MySQL/MariaDB through Connector/J with local infile allowed at both ends. */
    public static boolean supported(JdbcTemplate jdbc) {
        Boolean supported = jdbc.execute((ConnectionCallback<Boolean>) con -> {
            if (!con.isWrapperFor(JdbcConnection.class)) {
                return false;
            }
            boolean client = con.unwrap(JdbcConnection.class).getPropertySet()
                    .getBooleanProperty(PropertyKey.allowLoadLocalInfile).getValue();
            try (Statement s = con.createStatement(); ResultSet rs = s.executeQuery("SELECT @@local_infile")) {
                return client && rs.next() && rs.getBoolean(1);
            }
        });
        return Boolean.TRUE.equals(supported);
    }

    /**
     * Loads one row per element, in the transaction of the calling thread.
     *
     * @param sql     a {@code LOAD DATA LOCAL INFILE} statement naming its table and columns
     * @param columns writes an element's fields, in the statement's column order
     */
    public static <T> void load(JdbcTemplate jdbc, String sql, List<T> elements, BiConsumer<Line, T> columns) {
        if (elements.isEmpty()) {
            return;
        }
        Line line = new Line();
        for (T element : elements) {
            columns.accept(line, element);
            line.end();
        }
        byte[] data = line.text.toString().getBytes(StandardCharsets.UTF_8);
        jdbc.execute((ConnectionCallback<Void>) con -> {
            execute(con, sql, data, elements.size());
            return null;
        });
    }

    /**
     * Loads one row per element into a staging table, applies them with {@code merge} (which must match each
     * staged row once) and empties the staging table again, in the transaction of the calling thread.
     */
    public static <T> void merge(JdbcTemplate jdbc, String load, String merge, String clear, List<T> elements,
                          BiConsumer<Line, T> columns) {
        if (elements.isEmpty()) {
            return;
        }
        load(jdbc, load, elements, columns);
        int merged = jdbc.update(merge);
        jdbc.update(clear);
        if (merged != elements.size()) {
            throw new DataIntegrityViolationException("a bulk merge matched " + merged + " of " + elements.size()
                    + " staged rows");
        }
    }

    private static void execute(Connection con, String sql, byte[] data, int rows) throws SQLException {
        try (Statement statement = con.createStatement()) {
            statement.unwrap(JdbcStatement.class).setLocalInfileInputStream(new ByteArrayInputStream(data));
            long loaded = statement.executeLargeUpdate(sql);
            List<String> warnings = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SHOW WARNINGS LIMIT 5")) {
                while (rs.next()) {
                    warnings.add(rs.getString("Level") + " " + rs.getInt("Code") + ": " + rs.getString("Message"));
                }
            }
            if (loaded != rows || !warnings.isEmpty()) {
                throw new DataIntegrityViolationException("a bulk load stored " + loaded + " of " + rows
                        + " rows" + (warnings.isEmpty() ? "" : "; the server warned " + warnings));
            }
        }
    }

    /** The fields of the rows being written, escaped for the load. */
    public static final class Line {

        private final StringBuilder text = new StringBuilder(1 << 16);
        private boolean first = true;

        public Line text(String value) {
            separate();
            if (value == null) {
                text.append("\\N");
                return this;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> text.append("\\\\");
                    case '\t' -> text.append("\\t");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    case '\0' -> text.append("\\0");
                    default -> text.append(c);
                }
            }
            return this;
        }

        public Line date(LocalDate value) {
            return text(value == null ? null : value.toString());
        }

        /** An instant as the UTC date-time to the millisecond the tables store ({@code DATETIME(3)}). */
        public Line instant(Instant value) {
            return text(value == null ? null : DATETIME_3.format(LocalDateTime.ofInstant(value, ZoneOffset.UTC)));
        }

        /** A decimal at the four places the tables store; one with more places than that is refused, not rounded. */
        public Line decimal(BigDecimal value) {
            return text(value == null ? null : value.setScale(4, RoundingMode.UNNECESSARY).toPlainString());
        }

        public Line number(long value) {
            separate();
            text.append(value);
            return this;
        }

        private void separate() {
            if (!first) {
                text.append('\t');
            }
            first = false;
        }

        private void end() {
            text.append('\n');
            first = true;
        }
    }
}
