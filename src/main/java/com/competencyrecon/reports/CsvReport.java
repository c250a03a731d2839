package com.competencyrecon.reports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Writes a report CSV: UTF-8, LF, a header row, RFC 4180 quoting, and text cells that a spreadsheet would run
 * as a formula prefixed with {@code '}. Numeric columns are written as they are.
 */
public final class CsvReport implements AutoCloseable {

    private final BufferedWriter out;
    private final List<String> header;
    private final Set<String> numericColumns;

    private CsvReport(BufferedWriter out, List<String> header, Set<String> numericColumns) {
        this.out = out;
        this.header = header;
        this.numericColumns = numericColumns;
    }

    public static CsvReport create(Path file, List<String> header, Set<String> numericColumns) {
        try {
            CsvReport report = new CsvReport(Files.newBufferedWriter(file, StandardCharsets.UTF_8), header, numericColumns);
            report.writeLine(header, false);
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public void row(List<?> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException("expected " + header.size() + " cells, got " + cells.size());
        }
        writeLine(cells, true);
    }

    private void writeLine(List<?> cells, boolean neutralise) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                Object cell = cells.get(i);
                String text = cell == null ? "" : cell.toString();
                if (neutralise && !numericColumns.contains(header.get(i))) {
                    text = neutralise(text);
                }
                out.write(quote(text));
            }
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prefixes a cell a spreadsheet would run as a formula. */
    public static String neutralise(String text) {
        if (!text.isEmpty()) {
            char first = text.charAt(0);
            if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
                return "'" + text;
            }
        }
        return text;
    }

    /** RFC 4180: quote a field holding a comma, quote, CR or LF, doubling its quotes. */
    public static String quote(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
