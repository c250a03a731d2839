package com.competencyrecon.guarantees;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a programme's nights leave behind: every row of every product table (as text, sorted, so the order
 * the rows were written in does not count) and the bytes of every published CSV report. The summary page
 * carries the run's own timings and is compared for presence only.
 */
record Snapshot(Map<String, List<String>> tables, Map<String, byte[]> reports) {

    static final List<String> PRODUCT_TABLES = List.of("organization", "user_account", "msa_link_event",
            "achievement", "metric_value", "membership_order", "override_grant", "feed_reject", "feed_count",
            "effective_link", "competency_result", "held_level", "level_met", "level_met_contribution", "alert",
            "night_plan", "night_msa", "night_org");

    static Snapshot of(Connection c, Path reportDir) throws SQLException, IOException {
        Map<String, List<String>> tables = new TreeMap<>();
        for (String table : PRODUCT_TABLES) {
            List<String> rows = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.append(i > 1 ? " | " : "").append(meta.getColumnLabel(i)).append('=')
                                .append(Objects.toString(rs.getObject(i)));
                    }
                    rows.add(row.toString());
                }
            }
            rows.sort(null);
            tables.put(table, rows);
        }
        Map<String, byte[]> reports = new TreeMap<>();
        if (Files.isDirectory(reportDir)) {
            try (Stream<Path> files = Files.walk(reportDir)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    reports.put(reportDir.relativize(file).toString(), Files.readAllBytes(file));
                }
            }
        }
        return new Snapshot(tables, reports);
    }

    /** Fails naming the first table row or report that differs. */
    void assertSameAs(Snapshot expected) {
        for (String table : PRODUCT_TABLES) {
            List<String> mine = tables.get(table);
            List<String> theirs = expected.tables.get(table);
            assertThat(mine).as("rows of %s (%d here, %d uninterrupted); first difference: %s", table, mine.size(),
                    theirs.size(), firstDifference(mine, theirs)).isEqualTo(theirs);
        }
        assertThat(reports.keySet()).as("published report files").isEqualTo(expected.reports.keySet());
        expected.reports.forEach((name, bytes) -> {
            if (name.endsWith(".csv")) {
                assertThat(new String(reports.get(name), StandardCharsets.UTF_8)).as(name)
                        .isEqualTo(new String(bytes, StandardCharsets.UTF_8));
            }
        });
    }

    /** A query's rows, each its columns joined by spaces, in the order the query gives. */
    static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? " " : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static String firstDifference(List<String> mine, List<String> theirs) {
        for (int i = 0; i < Math.max(mine.size(), theirs.size()); i++) {
            String a = i < mine.size() ? mine.get(i) : "(none)";
            String b = i < theirs.size() ? theirs.get(i) : "(none)";
            if (!a.equals(b)) {
                return "here " + a + "; uninterrupted " + b;
            }
        }
        return "none";
    }
}
