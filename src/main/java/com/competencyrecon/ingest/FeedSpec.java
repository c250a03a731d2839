package com.competencyrecon.ingest;

import com.competencyrecon.ingest.csv.CsvRecord;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything one feed is: its columns, how a CSV record becomes a typed row (or why it is rejected), the row's
 * key, and the checks that need what is stored. Plain Java: storing rows is the feed table adapter's.
 *
 * @param <R> the feed's row record
 */
public interface FeedSpec<R> {

    /**
     * A feed's file: which feed it is, the columns of its header in order, those a header must have, and the
     * columns whose values, joined with {@code |}, are a record's key.
     */
    record Layout(Feed feed, List<String> columns, Set<String> required, List<String> keyColumns) {
    }

    Layout layout();

    default Feed feed() {
        return layout().feed();
    }

    default List<String> columns() {
        return layout().columns();
    }

    default Set<String> required() {
        return layout().required();
    }

    default List<String> keyColumns() {
        return layout().keyColumns();
    }

    /** Parses a well-formed record. @throws RejectedRecordException when it cannot be applied */
    R parse(CsvRecord record);

    /** The key of a record as delivered, also for one that cannot be parsed (to name it in the rejects). */
    default String key(CsvRecord record) {
        return keyColumns().stream().map(column -> {
            String value = record.get(column);
            return value == null ? "" : value.strip();
        }).collect(Collectors.joining("|"));
    }

    /** The key of a row, as {@link #key(CsvRecord)} gives it for the record the row was parsed from. */
    String key(R row);

    /** Whether a stored row and a parsed one of the same key hold the same content. */
    default boolean sameContent(R stored, R parsed) {
        return stored.equals(parsed);
    }

    /**
     * The reference checks for one chunk's parsed rows, looking up what they need once. The check is called
     * in file order for each row that would be applied, and may remember the rows it accepted.
     */
    default RowCheck<R> check(List<R> rows, FeedLookups lookups) {
        return (row, stored) -> Optional.empty();
    }

    /** Judges a row against what is stored and what the chunk accepted before it. */
    interface RowCheck<R> {
        /** Empty when the row is accepted. @param stored the stored row of the same key, or null */
        Optional<Rejection> check(R row, R stored);
    }

    /** Why a parsed row is not applied. */
    record Rejection(RejectReason reason, String detail) {
    }
}
