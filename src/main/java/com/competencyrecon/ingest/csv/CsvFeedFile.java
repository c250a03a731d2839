package com.competencyrecon.ingest.csv;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads one feed file (FORMATS.md, "Feeds (CSV)") record by record, in constant memory.
 * <p>
 * The file is optional: a missing file reads as no records. It is UTF-8 with an optional byte-order mark,
 * LF or CRLF, RFC 4180 quoting (a quoted field may hold commas, doubled quotes and line breaks; a line
 * break inside a field reads as LF), and a header row whose columns are matched by name in any order.
 * Unknown columns are ignored with one warning; a header lacking a required column fails the open with a
 * {@link FeedFormatException}. Blank lines are skipped. A record that cannot be read properly does not stop
 * the file: it comes back as a {@linkplain CsvRecord#isMalformed() malformed} record for the rejects report.
 * So does a record that is not text as delivered: bytes that are not UTF-8, a NUL, a byte-order mark after the
 * file's start, a quote RFC 4180 does not allow. A file that starts with a UTF-16 byte-order mark fails the open.
 * <p>
 * <b>Quoting errors.</b> In CSV a quote that is never closed turns the rest of the file into one field, so
 * OpenCSV on its own would swallow every later line (and at the end of the file throw
 * {@code CsvMalformedLineException}, after which its {@code CSVReader} is left pending and returns garbage).
 * This reader therefore feeds physical lines to OpenCSV's {@code RFC4180Parser} itself: when a record that
 * spans several lines has the wrong number of fields, reaches the end of the file inside quotes, or runs
 * past {@value #MAX_LINES_PER_RECORD} lines, only its first line is reported malformed and the lines after
 * it are read again as records of their own. That recovers the usual mistake, a missing closing quote,
 * and keeps memory bounded. What cannot be caught is a runaway quote that happens to close on a later
 * line with the right number of fields: that reads as one well-formed record holding the lines between.
 */
public final class CsvFeedFile implements AutoCloseable {

    /**
     * The most physical lines one record may span. Feed fields are identifiers, names, dates and short
     * texts; a quoted field longer than this is taken for a quote that was never closed.
     */
    public static final int MAX_LINES_PER_RECORD = 100;

    private static final Logger log = LoggerFactory.getLogger(CsvFeedFile.class);

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final Path file;
    private final String fileName;
    private final List<String> knownColumns;
    private final Set<String> requiredColumns;

    private BufferedReader input;
    private long fileSize;
    private CsvRecordSplitter records = new CsvRecordSplitter(null);
    private CsvHeader header = CsvHeader.NONE;

    /**
     * @param file            the feed file; it need not exist
     * @param knownColumns    the feed's columns, in the order records should list them
     * @param requiredColumns the columns the header must have, a subset of {@code knownColumns}
     */
    public CsvFeedFile(Path file, List<String> knownColumns, Set<String> requiredColumns) {
        this.file = Objects.requireNonNull(file, "file");
        this.fileName = String.valueOf(file.getFileName());
        this.knownColumns = List.copyOf(knownColumns);
        this.requiredColumns = Set.copyOf(requiredColumns);
        if (!this.knownColumns.containsAll(this.requiredColumns)) {
            throw new IllegalArgumentException("required columns " + this.requiredColumns
                    + " are not all among the known columns " + this.knownColumns);
        }
    }

    /** Opens the file and reads its header. @throws FeedFormatException when the header does not fit the feed */
    public void open() throws IOException {
        open(true);
    }

    /**
     * Opens the file, reads its header and closes it again, logging nothing: the reading proper logs what it
     * finds. @throws FeedFormatException when the header does not fit the feed
     */
    public void checkHeader() throws IOException {
        try {
            open(false);
        }
        finally {
            close();
        }
    }

    private void open(boolean logFindings) throws IOException {
        header = CsvHeader.NONE;
        records = new CsvRecordSplitter(null);
        fileSize = 0;
        if (!Files.exists(file)) {
            if (logFindings) {
                log.info("{}: no file tonight, so no changes from this feed ({})", fileName, file);
            }
            return;
        }
        fileSize = Files.size(file);
        InputStream bytes = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        input = new BufferedReader(new InputStreamReader(bytes, decoder()), 1 << 16);
        try {
            refuseUtf16(bytes);
            skipByteOrderMark();
            records = new CsvRecordSplitter(input);
            CsvRecordSplitter.RawRecord row = records.next();
            if (row == null) {
                if (logFindings) {
                    log.info("{}: empty file, no records", fileName);
                }
                return;
            }
            header = CsvHeader.read(fileName, row, knownColumns, requiredColumns, logFindings);
            records.expectWidth(header.width());
        }
        catch (IOException | RuntimeException ex) {
            close();
            throw ex;
        }
    }

    /** The next record, its values in the feed's column order; null at the end of the file. */
    public CsvRecord read() throws IOException {
        CsvRecordSplitter.RawRecord raw = records.next();
        if (raw == null) {
            return null;
        }
        // In the feed's column order rather than the file's, so records print alike whatever the header.
        Map<String, String> values = new LinkedHashMap<>();
        for (int column = 0; column < header.columns(); column++) {
            int position = header.position(column);
            if (position >= 0 && position < raw.fields().length) {
                values.put(knownColumns.get(column), raw.fields()[position]);
            }
        }
        return new CsvRecord(raw.line(), values, raw.malformed());
    }

    /** Passes over the next record without building its values; false at the end of the file. */
    public boolean skip() throws IOException {
        return records.next() != null;
    }

    /** The share of the file read so far (characters of the lines read over the file's bytes), or -1 if empty. */
    public double progress() {
        return fileSize > 0 ? Math.min(1.0, (double) records.charsRead() / fileSize) : -1;
    }

    public String fileName() {
        return fileName;
    }

    @Override
    public void close() throws IOException {
        records = new CsvRecordSplitter(null);
        if (input != null) {
            try {
                input.close();
            }
            finally {
                input = null;
            }
        }
    }

    /**
     * A UTF-16 file read as UTF-8 is NULs and replacement characters; its byte-order mark says what it is, so the
     * failure can say so rather than call the header unreadable.
     */
    private void refuseUtf16(InputStream bytes) throws IOException {
        bytes.mark(2);
        int first = bytes.read();
        int second = bytes.read();
        bytes.reset();
        if ((first == 0xFF && second == 0xFE) || (first == 0xFE && second == 0xFF)) {
            throw new FeedFormatException("%s is UTF-16 (it starts with the byte-order mark %02X %02X); feeds must be"
                    .formatted(fileName, first, second) + " UTF-8: save it again as UTF-8");
        }
    }

    private void skipByteOrderMark() throws IOException {
        input.mark(1);
        if (input.read() != BYTE_ORDER_MARK) {
            input.reset();
        }
    }

    /**
     * Bytes that are not UTF-8 become U+FFFD rather than an exception, so one badly encoded record is
     * rejected (see {@link CsvRecordSplitter}) instead of failing the whole file at that point, night after night.
     */
    private static CharsetDecoder decoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }
}
