package com.competencyrecon.catalog;

/** The market of an organisation; some metric thresholds differ by market. */
public enum Market {
    DEVELOPED, DEVELOPING
}
