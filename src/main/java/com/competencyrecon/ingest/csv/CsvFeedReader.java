package com.competencyrecon.ingest.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.opencsv.ICSVParser;
import com.opencsv.RFC4180ParserBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads one feed file (FORMATS.md, "Feeds (CSV)") record by record, in constant memory, and resumes at the
 * right record and line after a restart.
 * <p>
 * The file is optional: a missing file reads as no records. It is UTF-8 with an optional byte-order mark,
 * LF or CRLF, RFC 4180 quoting (a quoted field may hold commas, doubled quotes and line breaks; a line
 * break inside a field reads as LF), and a header row whose columns are matched by name in any order.
 * Unknown columns are ignored with one warning; a header lacking a required column fails the open with a
 * {@link FeedFormatException}. Blank lines are skipped. A record that cannot be read properly does not stop
 * the file: it comes back as a {@linkplain CsvRecord#isMalformed() malformed} record for the rejects report.
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
 * <p>
 * The restart state is the base class's read count, saved under the feed name, so a restart re-parses the
 * records already read (without building their values) and goes on from the next one. That assumes the
 * file is the same as in the failed run.
 * <p>
 * Long because: the recovery from quoting errors above needs the line reader, the parser and the restart count
 * to share one position in the file; they are kept in one class so that position has one owner.
 */
public class CsvFeedReader extends AbstractItemCountingItemStreamItemReader<CsvRecord> {

    /**
     * The most physical lines one record may span. Feed fields are identifiers, names, dates and short
     * texts; a quoted field longer than this is taken for a quote that was never closed.
     */
    static final int MAX_LINES_PER_RECORD = 100;

    private static final Logger log = LoggerFactory.getLogger(CsvFeedReader.class);

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /** What the UTF-8 decoder puts where the bytes are not UTF-8 (see {@link #decoder()}). */
    private static final char REPLACEMENT_CHARACTER = '\uFFFD';

    private final Path file;
    private final String fileName;
    private final List<String> knownColumns;
    private final Set<String> requiredColumns;

    /** Key under which {@link #update} leaves the share of the file read so far, for progress lines. */
    public static final String PROGRESS_KEY = "progress.fraction";

    private BufferedReader input;
    private long fileSize;
    private long charsRead;

    private ICSVParser parser;
    private final Deque<Line> linesToReadAgain = new ArrayDeque<>();
    private long linesRead;
    private int headerWidth;
    /** For each known column, its position in the header, or -1 where the header lacks it. */
    private int[] headerPosition;

    /**
     * @param file            the feed file; it need not exist
     * @param feedName        the name the restart state is saved under (unique within the step)
     * @param knownColumns    the feed's columns, in the order records should list them
     * @param requiredColumns the columns the header must have, a subset of {@code knownColumns}
     */
    public CsvFeedReader(Path file, String feedName, List<String> knownColumns, Set<String> requiredColumns) {
        this.file = Objects.requireNonNull(file, "file");
        this.fileName = String.valueOf(file.getFileName());
        this.knownColumns = List.copyOf(knownColumns);
        this.requiredColumns = Set.copyOf(requiredColumns);
        if (!this.knownColumns.containsAll(this.requiredColumns)) {
            throw new IllegalArgumentException("required columns " + this.requiredColumns
                    + " are not all among the known columns " + this.knownColumns);
        }
        setName(Objects.requireNonNull(feedName, "feedName"));
        setSaveState(true);
    }

    /**
     * As the base class, but a {@link FeedFormatException} from the header check is thrown as is rather
     * than wrapped, so the job's failure names the file and the problem.
     */
    @Override
    public void open(ExecutionContext executionContext) throws ItemStreamException {
        try {
            super.open(executionContext);
        }
        catch (ItemStreamException ex) {
            if (ex.getCause() instanceof FeedFormatException feedFormat) {
                throw feedFormat;
            }
            throw ex;
        }
    }

    @Override
    protected void doOpen() throws IOException {
        linesToReadAgain.clear();
        linesRead = 0;
        headerWidth = 0;
        headerPosition = new int[0];
        parser = newParser();
        if (!Files.exists(file)) {
            log.info("{}: no file tonight, so no changes from this feed ({})", fileName, file);
            return;
        }
        fileSize = Files.size(file);
        charsRead = 0;
        input = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder()), 1 << 16);
        try {
            skipByteOrderMark();
            readHeader();
        }
        catch (IOException | RuntimeException ex) {
            closeInput();
            throw ex;
        }
    }

    @Override
    protected CsvRecord doRead() throws IOException {
        RawRecord raw = nextRecord();
        if (raw == null) {
            return null;
        }
        // In the feed's column order rather than the file's, so records print alike whatever the header.
        Map<String, String> values = new LinkedHashMap<>();
        for (int column = 0; column < headerPosition.length; column++) {
            int position = headerPosition[column];
            if (position >= 0 && position < raw.fields().length) {
                values.put(knownColumns.get(column), raw.fields()[position]);
            }
        }
        return new CsvRecord(raw.line(), values, raw.malformed());
    }

    /** Skips the records a failed run already read by parsing them, without building their values. */
    @Override
    protected void jumpToItem(int itemIndex) throws IOException {
        int skipped = 0;
        while (skipped < itemIndex && nextRecord() != null) {
            skipped++;
        }
        log.info("{}: restart skipped the {} record(s) read before", fileName, skipped);
    }

    /** Also records how far into the file reading has got (characters of the lines read over the file's bytes). */
    @Override
    public void update(ExecutionContext executionContext) throws ItemStreamException {
        super.update(executionContext);
        if (fileSize > 0) {
            executionContext.putDouble(PROGRESS_KEY, Math.min(1.0, (double) charsRead / fileSize));
        }
    }

    @Override
    protected void doClose() throws IOException {
        linesToReadAgain.clear();
        closeInput();
    }

    private void readHeader() throws IOException {
        RawRecord header = nextRecord();
        if (header == null) {
            log.info("{}: empty file, no records", fileName);
            return;
        }
        if (header.malformed() != null) {
            throw new FeedFormatException("%s: header row on line %d cannot be read: %s"
                    .formatted(fileName, header.line(), header.malformed()));
        }
        String[] names = header.fields();
        Map<String, Integer> positionOf = new HashMap<>();
        Set<String> repeated = new LinkedHashSet<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (int position = 0; position < names.length; position++) {
            String name = names[position].trim();
            if (!knownColumns.contains(name)) {
                unknown.add(name);
            }
            else if (positionOf.putIfAbsent(name, position) != null) {
                repeated.add(name);
            }
        }
        List<String> missing = knownColumns.stream()
                .filter(requiredColumns::contains)
                .filter(column -> !positionOf.containsKey(column))
                .toList();
        if (!missing.isEmpty()) {
            throw new FeedFormatException("%s: header lacks required column(s) %s"
                    .formatted(fileName, String.join(", ", missing)));
        }
        if (!repeated.isEmpty()) {
            // Which of the two would be the value? Guessing could apply the wrong one silently.
            throw new FeedFormatException("%s: header repeats column(s) %s"
                    .formatted(fileName, String.join(", ", repeated)));
        }
        headerWidth = names.length;
        headerPosition = knownColumns.stream().mapToInt(column -> positionOf.getOrDefault(column, -1)).toArray();
        if (!unknown.isEmpty()) {
            log.warn("{}: ignoring unknown column(s) {}", fileName,
                    unknown.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", ")));
        }
    }

    /**
     * The next record that is not a blank line, or null at the end of the file.
     */
    private RawRecord nextRecord() throws IOException {
        Line first;
        while ((first = nextLine()) != null) {
            String[] fields = parser.parseLineMulti(first.text());
            if (!parser.isPending()) {
                if (fields.length == 1 && fields[0].isBlank()) {
                    continue;
                }
                return checked(first.number(), fields);
            }
            return continueQuotedField(first, fields);
        }
        return null;
    }

    /** Reads on while a quoted field that {@code first} opened is still open. */
    private RawRecord continueQuotedField(Line first, String[] fieldsSoFar) throws IOException {
        List<Line> lines = new ArrayList<>();
        lines.add(first);
        String[] fields = fieldsSoFar;
        while (parser.isPending()) {
            if (lines.size() >= MAX_LINES_PER_RECORD) {
                return readAgainAfterFirst(lines, "unterminated quoted field (no closing quote within %d lines)"
                        .formatted(MAX_LINES_PER_RECORD));
            }
            Line next = nextLine();
            if (next == null) {
                return readAgainAfterFirst(lines, "unterminated quoted field (no closing quote before the end of the file)");
            }
            lines.add(next);
            fields = concat(fields, parser.parseLineMulti(next.text()));
        }
        if (headerWidth > 0 && fields.length != headerWidth) {
            long last = lines.get(lines.size() - 1).number();
            return readAgainAfterFirst(lines, ("expected %d fields, found %d in a record spanning lines %d-%d"
                    + " (a quote not closed?); the lines after this one are read again on their own")
                    .formatted(headerWidth, fields.length, first.number(), last));
        }
        return checked(first.number(), fields);
    }

    /**
     * Reports only the first of {@code lines} as malformed and queues the others to be read again, so a
     * quote left open on one line costs that line rather than the rest of the file.
     */
    private RawRecord readAgainAfterFirst(List<Line> lines, String detail) {
        parser = newParser(); // the old one still holds the open field
        for (int i = lines.size() - 1; i >= 1; i--) {
            linesToReadAgain.addFirst(lines.get(i));
        }
        return new RawRecord(lines.get(0).number(), new String[0], detail);
    }

    private RawRecord checked(long line, String[] fields) {
        if (headerWidth > 0 && fields.length != headerWidth) {
            return new RawRecord(line, fields, "expected %d fields, found %d".formatted(headerWidth, fields.length));
        }
        for (String field : fields) {
            if (field.indexOf(REPLACEMENT_CHARACTER) >= 0) {
                return new RawRecord(line, fields, "not valid UTF-8 (is the file saved in another encoding?)");
            }
        }
        return new RawRecord(line, fields, null);
    }

    private Line nextLine() throws IOException {
        if (!linesToReadAgain.isEmpty()) {
            return linesToReadAgain.pollFirst();
        }
        if (input == null) {
            return null;
        }
        // readLine ends a line at LF, CRLF or CR and drops the terminator; the parser joins a quoted
        // field's lines with LF.
        String text = input.readLine();
        if (text == null) {
            return null;
        }
        charsRead += text.length() + 1L;
        return new Line(++linesRead, text);
    }

    private void skipByteOrderMark() throws IOException {
        input.mark(1);
        if (input.read() != BYTE_ORDER_MARK) {
            input.reset();
        }
    }

    private void closeInput() throws IOException {
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
     * Bytes that are not UTF-8 become U+FFFD rather than an exception, so one badly encoded record is
     * rejected (see {@link #checked}) instead of failing the whole file at that point, night after night.
     */
    private static CharsetDecoder decoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    private static ICSVParser newParser() {
        return new RFC4180ParserBuilder().build();
    }

    private static String[] concat(String[] first, String[] second) {
        if (second.length == 0) {
            return first;
        }
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private record Line(long number, String text) {
    }

    private record RawRecord(long line, String[] fields, String malformed) {
    }
}
