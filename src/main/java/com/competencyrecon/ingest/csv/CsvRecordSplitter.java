package com.competencyrecon.ingest.csv;

import com.opencsv.ICSVParser;
import com.opencsv.RFC4180ParserBuilder;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Cuts a feed file's lines into records: feeds physical lines to OpenCSV's {@code RFC4180Parser} itself, so a
 * quote left open costs its first line rather than the rest of the file (see {@link CsvFeedFile}).
 */
final class CsvRecordSplitter {

    /** What the UTF-8 decoder puts where the bytes are not UTF-8 (see {@link CsvFeedFile}). */
    private static final char REPLACEMENT_CHARACTER = '\uFFFD';

    /** Allowed only as the file's first character (skipped by {@link CsvFeedFile}). */
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final BufferedReader input;
    private final Deque<Line> linesToReadAgain = new ArrayDeque<>();
    private ICSVParser parser = newParser();
    private long linesRead;
    private long charsRead;
    private int width;

    /** @param input the file after its byte-order mark; null for a file that is not there */
    CsvRecordSplitter(BufferedReader input) {
        this.input = input;
    }

    /** From now on a record must have this many fields (the header's); 0 while reading the header. */
    void expectWidth(int width) {
        this.width = width;
    }

    /** The characters of the lines read so far, terminators counted as one. */
    long charsRead() {
        return charsRead;
    }

    /** The next record that is not a blank line, or null at the end of the file. */
    RawRecord next() throws IOException {
        Line first;
        while ((first = nextLine()) != null) {
            String[] fields = parser.parseLineMulti(first.text());
            if (!parser.isPending()) {
                if (fields.length == 1 && fields[0].isBlank()) {
                    continue;
                }
                return checked(first.number(), fields, first.text());
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
            if (lines.size() >= CsvFeedFile.MAX_LINES_PER_RECORD) {
                return readAgainAfterFirst(lines, "unterminated quoted field (no closing quote within %d lines)"
                        .formatted(CsvFeedFile.MAX_LINES_PER_RECORD));
            }
            Line next = nextLine();
            if (next == null) {
                return readAgainAfterFirst(lines, "unterminated quoted field (no closing quote before the end of the file)");
            }
            lines.add(next);
            fields = concat(fields, parser.parseLineMulti(next.text()));
        }
        if (width > 0 && fields.length != width) {
            long last = lines.get(lines.size() - 1).number();
            return readAgainAfterFirst(lines, ("expected %d fields, found %d in a record spanning lines %d-%d"
                    + " (a quote not closed?); the lines after this one are read again on their own")
                    .formatted(width, fields.length, first.number(), last));
        }
        return checked(first.number(), fields,
                String.join("\n", lines.stream().map(Line::text).toList()));
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

    /**
     * A record whose text cannot be taken as delivered is malformed: characters that are no text (NUL), a
     * byte-order mark inside the file (it would make an invisible, different key), or quoting RFC 4180 does not
     * allow (OpenCSV would read it leniently, and the field would hold what the sender did not mean).
     */
    private RawRecord checked(long line, String[] fields, String text) {
        if (width > 0 && fields.length != width) {
            return new RawRecord(line, fields, "expected %d fields, found %d".formatted(width, fields.length));
        }
        if (text.indexOf(REPLACEMENT_CHARACTER) >= 0) {
            return new RawRecord(line, fields, "not valid UTF-8 (is the file saved in another encoding?)");
        }
        if (text.indexOf('\0') >= 0) {
            return new RawRecord(line, fields, "holds a NUL character (is the file UTF-16 or binary?)");
        }
        if (text.indexOf(BYTE_ORDER_MARK) >= 0) {
            return new RawRecord(line, fields, "holds a byte-order mark (U+FEFF) inside the file (two files joined"
                    + " into one?)");
        }
        if (text.indexOf('"') >= 0 && !quotedAsRfc4180Asks(text)) {
            return new RawRecord(line, fields, "a quote inside an unquoted field, or text after a closing quote"
                    + " (quote the whole field and double the quotes inside it)");
        }
        return new RawRecord(line, fields, null);
    }

    /** True when every quote of the record's text opens a field, closes it, or is doubled inside a quoted one. */
    static boolean quotedAsRfc4180Asks(String text) {
        boolean fieldStart = true;
        boolean quoted = false;
        boolean closed = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        i++;
                    } else {
                        quoted = false;
                        closed = true;
                    }
                }
            } else if (c == ',') {
                fieldStart = true;
                closed = false;
            } else if (closed) {
                return false;
            } else if (c == '"') {
                if (!fieldStart) {
                    return false;
                }
                quoted = true;
                fieldStart = false;
            } else {
                fieldStart = false;
            }
        }
        return true;
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

    /** A record's fields as the file has them, with the line it starts on; malformed is null when well formed. */
    record RawRecord(long line, String[] fields, String malformed) {
    }
}
