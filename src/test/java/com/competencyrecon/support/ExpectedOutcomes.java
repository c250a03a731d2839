package com.competencyrecon.support;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The tables of {@code sample-data/EXPECTED.md}, by night and report, matched against a report's rows.
 * A cell {@code -} or one saying "not asserted" matches anything; a column the report does not have (such as
 * the alert's term) and the informative reject detail are not compared.
 */
public final class ExpectedOutcomes {

    private final Map<String, Map<String, List<Map<String, String>>>> tables;

    private ExpectedOutcomes(Map<String, Map<String, List<Map<String, String>>>> tables) {
        this.tables = tables;
    }

    public static ExpectedOutcomes read(Path markdown) {
        List<String> lines;
        try {
            lines = Files.readAllLines(markdown);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Map<String, List<Map<String, String>>>> tables = new HashMap<>();
        String night = null;
        String section = null;
        List<String> header = null;
        for (String line : lines) {
            if (line.startsWith("## Night ")) {
                night = line.substring("## Night ".length()).strip();
                section = null;
            } else if (line.startsWith("## ")) {
                night = null;
            } else if (line.startsWith("### ") && night != null) {
                section = line.substring(4).strip().split(" ")[0];
                header = null;
                tables.computeIfAbsent(night, k -> new HashMap<>()).put(section, new ArrayList<>());
            } else if (line.startsWith("|") && night != null && section != null) {
                List<String> cells = cells(line);
                if (header == null) {
                    header = cells;
                } else if (!line.startsWith("|---")) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 0; i < header.size(); i++) {
                        row.put(header.get(i), cells.get(i));
                    }
                    tables.get(night).get(section).add(row);
                }
            }
        }
        return new ExpectedOutcomes(tables);
    }

    private static List<String> cells(String line) {
        String body = line.strip();
        body = body.substring(1, body.length() - 1);
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length() && body.charAt(i + 1) == '|') {
                cell.append('|');
                i++;
            } else if (c == '|') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        return cells;
    }

    /** Asserts that the report's rows and the expected table match one to one. */
    public void assertMatches(String night, String section, List<String> reportLines) {
        List<Map<String, String>> expectedRows = tables.getOrDefault(night, Map.of()).getOrDefault(section, List.of());
        List<Map<String, String>> actualRows = Reports.rows(reportLines);
        List<Map<String, String>> unmatched = new ArrayList<>(actualRows);
        for (Map<String, String> expected : expectedRows) {
            Map<String, String> match = unmatched.stream().filter(actual -> matches(expected, actual)).findFirst()
                    .orElse(null);
            if (match == null) {
                fail("%s %s: no report row matches the expected %s%nreport rows: %s", night, section, expected,
                        actualRows);
            }
            unmatched.remove(match);
        }
        assertThat(unmatched).as(night + " " + section + ": report rows not in the expected table").isEmpty();
    }

    private static boolean matches(Map<String, String> expected, Map<String, String> actual) {
        for (Map.Entry<String, String> cell : expected.entrySet()) {
            String column = cell.getKey();
            String value = cell.getValue();
            if (column.startsWith("detail")) {
                if (actual.getOrDefault("detail", "").isBlank()) {
                    return false;
                }
                continue;
            }
            if (!actual.containsKey(column) || value.equals("-") || value.contains("not asserted")) {
                continue;
            }
            if (!value.equals(actual.get(column))) {
                return false;
            }
        }
        return true;
    }
}
