package com.competencyrecon.catalog;

import java.time.LocalDate;

/**
 * A credential of the catalogue. {@code acceptedUntil} is the last day it is accepted (defaults to
 * {@code retiredOn}); with neither, it is always accepted.
 */
public record Credential(String code, CredentialType type, String name, LocalDate retiredOn, LocalDate acceptedUntil) {

    public LocalDate lastAcceptedDay() {
        return acceptedUntil != null ? acceptedUntil : retiredOn;
    }

    public boolean acceptedOn(LocalDate day) {
        LocalDate last = lastAcceptedDay();
        return last == null || !day.isAfter(last);
    }
}
