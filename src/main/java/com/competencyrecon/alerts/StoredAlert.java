package com.competencyrecon.alerts;

import java.time.LocalDate;
import java.util.List;

/**
 * An alert as it is stored: its key parts, the night it opened, the last night its condition held, the night
 * it was resolved (null while it holds), and the causes and message of the last night it held.
 */
public record StoredAlert(String alertId, String orgId, AlertType type, String competency, String level,
                          String termId, LocalDate openedOn, LocalDate lastSeenOn, LocalDate resolvedOn,
                          List<String> causes, String message) {

    public StoredAlert {
        causes = List.copyOf(causes);
    }

    /** The alert a condition opens on {@code night}. */
    public static StoredAlert opened(AlertCondition c, LocalDate night) {
        return new StoredAlert(c.alertId(night), c.orgId(), c.type(), c.competency(), c.level(), c.termId(), night,
                night, null, c.causes(), c.message());
    }

    /** The same key as {@link AlertCondition#key()}. */
    public String key() {
        return String.join("|", orgId, type.name(), competency, level, termId);
    }

    /** Held again on {@code night}: seen that night, no longer resolved, with tonight's causes and message. */
    public StoredAlert heldOn(LocalDate night, AlertCondition c) {
        return new StoredAlert(alertId, orgId, type, competency, level, termId, openedOn, night, null, c.causes(),
                c.message());
    }

    public StoredAlert resolvedOn(LocalDate night) {
        return new StoredAlert(alertId, orgId, type, competency, level, termId, openedOn, lastSeenOn, night, causes,
                message);
    }

    /** Whether a night shows it: held that night, or resolved that night. */
    public boolean shownOn(LocalDate night) {
        return resolvedOn == null ? lastSeenOn.equals(night) : resolvedOn.equals(night);
    }

    /** As the night shows it, in the state {@link AlertState#on} gives. */
    public Alert asShownOn(LocalDate night) {
        return new Alert(alertId, orgId, type, competency, level, AlertState.on(night, openedOn, resolvedOn),
                openedOn, causes, message);
    }
}
