package com.competencyrecon.catalog;

import java.util.EnumSet;
import java.util.Set;

/** How a performance figure is associated with the partner. {@code TRIAL} never counts unless a requirement names it. */
public enum Association {
    DPOR, TRANSACTING, DELEGATED_ADMIN, FASTTRACK, TRIAL;

    /** The associations a metric requirement counts when it names none: all but {@code TRIAL}. */
    public static Set<Association> defaultQualifying() {
        return EnumSet.complementOf(EnumSet.of(TRIAL));
    }
}
