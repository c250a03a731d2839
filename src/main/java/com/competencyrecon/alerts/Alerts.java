package com.competencyrecon.alerts;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** The stored alerts, as the reports read them. */
public interface Alerts {

    /** The alerts a night shows: those held that night and those resolved that night, in alert id order. */
    List<Alert> shownOn(LocalDate night);

    /** The alerts of the given organisations that held on {@code from} hold on {@code to} too, unchanged. */
    void carryForward(LocalDate from, LocalDate to, Collection<String> orgIds);
}
