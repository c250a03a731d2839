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

    /** The file itself, closed apart from the writer: a writer whose last flush fails leaves it open. */
    private final java.io.OutputStream file;

    private CsvReport(java.io.OutputStream file, List<String> header, Set<String> numericColumns) {
        this.file = file;
        this.out = new BufferedWriter(new java.io.OutputStreamWriter(file, StandardCharsets.UTF_8));
        this.header = header;
        this.numericColumns = numericColumns;
    }

    public static CsvReport create(Path file, List<String> header, Set<String> numericColumns) {
        try {
            CsvReport report = new CsvReport(Files.newOutputStream(file), header, numericColumns);
            try {
                report.writeLine(header, false);
            } catch (RuntimeException e) {
                report.closeQuietly();
                throw e;
            }
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

    /**
     * Flushes and closes the file. The file is closed even when the flush fails (a full disk): the JDK's writer
     * then leaves its stream open, and a deleted file's space is only given back once it is closed.
     */
    @Override
    public void close() {
        try {
            try {
                out.close();
            } finally {
                file.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (UncheckedIOException ignored) {
            // the failure being reported already says what went wrong
        }
    }
}
