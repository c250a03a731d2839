package com.competencyrecon.alerts;

import java.time.LocalDate;

/** How an alert stands on a night: raised that night, still holding, or resolved that night. */
public enum AlertState {
    NEW, OPEN, RESOLVED;

    /**
     * The one rule for an alert shown on {@code night}: resolved when it has a resolution date, new when it
     * opened that night, open otherwise.
     */
    public static AlertState on(LocalDate night, LocalDate openedOn, LocalDate resolvedOn) {
        if (resolvedOn != null) {
            return RESOLVED;
        }
        return openedOn.equals(night) ? NEW : OPEN;
    }
}
