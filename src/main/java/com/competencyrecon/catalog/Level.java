package com.competencyrecon.catalog;

/** A competency level. Declaration order is rank order: {@code NONE < SILVER < GOLD}. */
public enum Level {
    NONE, SILVER, GOLD;

    public boolean atLeast(Level other) {
        return compareTo(other) >= 0;
    }

    public static Level max(Level a, Level b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
