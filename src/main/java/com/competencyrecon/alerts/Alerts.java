package com.competencyrecon.alerts;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The stored alerts, as the reports read them. */
public interface Alerts {

    /** The alerts a night shows: those held that night and those resolved that night, in alert id order. */
    List<Alert> shownOn(LocalDate night);

    /**
     * The alerts of the given organisations that held on {@code from} hold on {@code to} too, unchanged.
     *
     * @return how many were carried, by type (they are all {@link AlertState#OPEN} on {@code to})
     */
    Map<AlertType, Integer> carryForward(LocalDate from, LocalDate to, Collection<String> orgIds);
}
