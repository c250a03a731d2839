package com.competencyrecon.membership;

import com.competencyrecon.catalog.Level;

import java.time.LocalDate;

/** An organisation's latest membership term and where it stands on a day. */
public record MembershipStanding(MembershipTerm term, Phase phase, LocalDate on) {

    public enum Phase {
        /** Before or on the anniversary. */
        ACTIVE,
        /** In the renewal window: benefits and display continue. */
        IN_WINDOW,
        /** The window closed without renewal. */
        LAPSED
    }

    /** Whether the term covers the day: active or in its window. */
    public boolean covers() {
        return phase != Phase.LAPSED;
    }

    /** The level of the membership on the day, NONE when it has lapsed. */
    public Level level() {
        return covers() ? term.level() : Level.NONE;
    }
}
