package com.competencyrecon.evaluation;

import com.competencyrecon.catalog.Level;

import java.time.LocalDate;

/** An operator's grant of a competency level, valid from {@code validFrom} to {@code validUntil} inclusive. */
public record OverrideGrant(String overrideId, String competency, Level level, LocalDate validFrom,
                            LocalDate validUntil) {

    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }
}
