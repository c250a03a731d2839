package com.competencyrecon.catalog;

/**
 * A catalogue with a fingerprint of the bytes it was read from, so a night can tell whether the catalogue it
 * evaluates against is the one the previous night used.
 */
public record LoadedCatalog(Catalog catalog, String fingerprint) {
}
