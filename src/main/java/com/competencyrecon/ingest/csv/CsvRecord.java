package com.competencyrecon.ingest.csv;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One record of a feed file, as read, before any field is interpreted.
 *
 * @param line      the physical line on which the record starts (the header is line 1), as a person
 *                  opening the file in an editor would count it
 * @param values    the record's fields by header column name, only for the columns the feed knows, kept
 *                  exactly as delivered (no trimming). For a malformed record this is a best-effort,
 *                  by-position reading that may be shifted or empty: use it only as a hint, for example
 *                  to name the record in the rejects report
 * @param malformed null for a well-formed record, otherwise what is wrong with it, for a person to act on
 *                  (e.g. {@code expected 5 fields, found 4})
 */
public record CsvRecord(long line, Map<String, String> values, String malformed) {

    public CsvRecord {
        // A copy that keeps the header's column order, so the record prints the way the file reads.
        values = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(values, "values")));
    }

    /**
     * The field of the named column, or null when the feed has no such column or the field is empty
     * (FORMATS.md: an empty field means absent).
     */
    public String get(String column) {
        String value = values.get(column);
        return value == null || value.isEmpty() ? null : value;
    }

    public boolean isMalformed() {
        return malformed != null;
    }
}
