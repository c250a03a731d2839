package com.competencyrecon.alerts;

import java.time.LocalDate;
import java.util.List;

/** An alert as a night shows it: held that night (new or open) or resolved that night. */
public record Alert(String alertId, String orgId, AlertType type, String competency, String level, AlertState state,
                    LocalDate openedOn, List<String> causes, String message) {

    public Alert {
        causes = List.copyOf(causes);
    }
}
