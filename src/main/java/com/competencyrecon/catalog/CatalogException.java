package com.competencyrecon.catalog;

/**
 * A catalogue that cannot be used. The message names the source and the place in it (for example
 * {@code competencies[11] (DEVOPS) levels.GOLD paths[0] (DEVOPS_PARTNER) requirements[0]}), so an operator can
 * fix the file without reading code.
 */
public class CatalogException extends RuntimeException {

    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
