package com.competencyrecon.ingest;

import java.time.LocalDate;
import java.util.Map;

/** A record as stored, with the night and line that last applied it. */
public record StoredRecord(Map<String, Object> values, LocalDate loadedOn, long loadedLine) {
}
