package com.competencyrecon.ingest.csv;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A feed file's header: where each of the feed's columns is, checked against the columns the feed requires. */
final class CsvHeader {

    // Under the file reader's name: what reading a feed file logs goes to one logger.
    private static final Logger log = LoggerFactory.getLogger(CsvFeedFile.class);

    /** How many unknown columns the warning names. */
    private static final int NAMED_UNKNOWN = 20;

    /** A file with no header row: no records. */
    static final CsvHeader NONE = new CsvHeader(0, new int[0]);

    private final int width;
    /** For each known column, its position in the header, or -1 where the header lacks it. */
    private final int[] positions;

    private CsvHeader(int width, int[] positions) {
        this.width = width;
        this.positions = positions;
    }

    /**
     * Matches the header's names with the feed's columns, in any order; unknown columns are ignored with one
     * warning. @throws FeedFormatException when the row is malformed, lacks a required column or repeats one
     */
    static CsvHeader read(String fileName, CsvRecordSplitter.RawRecord header, List<String> knownColumns,
                          Set<String> requiredColumns, boolean warnOfUnknown) {
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
            throw new FeedFormatException("%s: header lacks required column(s) %s%s"
                    .formatted(fileName, String.join(", ", missing), delimiterHint(names)));
        }
        if (!repeated.isEmpty()) {
            // Which of the two would be the value? Guessing could apply the wrong one silently.
            throw new FeedFormatException("%s: header repeats column(s) %s"
                    .formatted(fileName, String.join(", ", repeated)));
        }
        if (!unknown.isEmpty() && warnOfUnknown) {
            // Named up to a few: a header of 10,000 columns makes one readable line, not a 100 kB one.
            log.warn("{}: ignoring unknown column(s) {}{}", fileName,
                    unknown.stream().limit(NAMED_UNKNOWN).map(name -> "'" + name + "'").collect(Collectors.joining(", ")),
                    unknown.size() > NAMED_UNKNOWN ? " and " + (unknown.size() - NAMED_UNKNOWN) + " more" : "");
        }
        return new CsvHeader(names.length,
                knownColumns.stream().mapToInt(column -> positionOf.getOrDefault(column, -1)).toArray());
    }

    /** When the header is one field that another separator would split, says which one. */
    private static String delimiterHint(String[] names) {
        if (names.length != 1) {
            return "";
        }
        for (String[] separator : new String[][] {{";", "';'"}, {"\t", "tabs"}, {"|", "'|'"}}) {
            if (names[0].contains(separator[0])) {
                return " (the header is one field: is the file separated by %s rather than commas?)"
                        .formatted(separator[1]);
            }
        }
        return "";
    }

    /** How many fields each record must have; 0 for no header. */
    int width() {
        return width;
    }

    /** The position in a record of the {@code column}-th known column, or -1 where the header lacks it. */
    int position(int column) {
        return positions[column];
    }

    /** How many known columns the header was matched with (0 for no header). */
    int columns() {
        return positions.length;
    }
}
