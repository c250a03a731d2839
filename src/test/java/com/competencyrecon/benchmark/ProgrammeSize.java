package com.competencyrecon.benchmark;

import java.util.Locale;

/**
 * How large a generated programme is. Organisations are drawn with about 20 people each, 2.5 achievements a
 * person and 60 metric rows an organisation, so {@code medium} is about 200k people, 500k achievements and
 * 600k metric rows and {@code programme} ten times that.
 */
public enum ProgrammeSize {
    TINY(50), SMALL(1_000), MEDIUM(10_000), PROGRAMME(100_000);

    private final int organizations;

    ProgrammeSize(int organizations) {
        this.organizations = organizations;
    }

    public int organizations() {
        return organizations;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ProgrammeSize of(String label) {
        return valueOf(label.strip().toUpperCase(Locale.ROOT));
    }
}
