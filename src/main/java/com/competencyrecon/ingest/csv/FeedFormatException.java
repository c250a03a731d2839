package com.competencyrecon.ingest.csv;

/**
 * A feed file that cannot be read as its feed at all, e.g. its header lacks a required column. Unlike a
 * malformed record, which is rejected on its own, this stops the reading of the whole file.
 */
public class FeedFormatException extends RuntimeException {

    public FeedFormatException(String message) {
        super(message);
    }
}
