package com.competencyrecon.ingest;

import java.time.LocalDate;

/** A feed row as stored, with the night and line that last applied it. */
public record Stored<R>(R row, LocalDate loadedOn, long loadedLine) {
}
