package com.competencyrecon.alerts;

import java.time.LocalDate;
import java.util.List;

/** The stored alerts, as the reports read them. */
public interface Alerts {

    /** The alerts a night shows: those held that night and those resolved that night, in alert id order. */
    List<Alert> shownOn(LocalDate night);
}
