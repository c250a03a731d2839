package com.competencyrecon.alerts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares tonight's conditions with the stored alerts: raises an alert the first night its condition holds
 * ({@code NEW}), keeps it while it holds ({@code OPEN}) and resolves it the first night it does not. A key
 * that was ever raised and is no longer among the stored alerts (resolved before tonight) is never raised
 * again. Running a night again gives the same alerts, because the alerts opened or resolved on or after the
 * night are among the stored ones and are simply held again or left as they are.
 */
public final class AlertLedger {

    private AlertLedger() {
    }

    /**
     * What to write for tonight.
     *
     * @param raised   alerts to insert
     * @param held     stored alerts held again: last seen tonight, not resolved, tonight's causes and message
     * @param resolved stored alerts to resolve tonight
     * @param shown    every alert of these organisations the night shows once the changes are written
     */
    public record Changes(List<StoredAlert> raised, List<StoredAlert> held, List<StoredAlert> resolved,
                          List<Alert> shown) {

        public Changes {
            raised = List.copyOf(raised);
            held = List.copyOf(held);
            resolved = List.copyOf(resolved);
            shown = List.copyOf(shown);
        }
    }

    /**
     * @param stored     the stored alerts of the organisations that can change tonight: unresolved, or resolved
     *                   or opened on or after {@code night}
     * @param everRaised the keys among tonight's conditions that have an alert, whenever it was raised
     * @param conditions tonight's conditions of the same organisations; the first one of a key wins
     */
    public static Changes changes(LocalDate night, Collection<StoredAlert> stored, Set<String> everRaised,
                                  List<AlertCondition> conditions) {
        Map<String, StoredAlert> byKey = new LinkedHashMap<>();
        stored.forEach(a -> byKey.put(a.key(), a));
        Map<String, StoredAlert> after = new LinkedHashMap<>(byKey);
        Set<String> holding = new HashSet<>();
        List<StoredAlert> raised = new ArrayList<>();
        List<StoredAlert> held = new ArrayList<>();
        for (AlertCondition c : conditions) {
            if (!holding.add(c.key())) {
                continue;
            }
            StoredAlert existing = byKey.get(c.key());
            if (existing != null) {
                StoredAlert again = existing.heldOn(night, c);
                held.add(again);
                after.put(c.key(), again);
            } else if (!everRaised.contains(c.key())) {
                StoredAlert opened = StoredAlert.opened(c, night);
                raised.add(opened);
                after.put(c.key(), opened);
            }
        }
        List<StoredAlert> resolved = new ArrayList<>();
        for (StoredAlert a : byKey.values()) {
            if (!holding.contains(a.key()) && a.resolvedOn() == null) {
                StoredAlert done = a.resolvedOn(night);
                resolved.add(done);
                after.put(a.key(), done);
            }
        }
        List<Alert> shown = after.values().stream().filter(a -> a.shownOn(night))
                .map(a -> a.asShownOn(night)).toList();
        return new Changes(raised, held, resolved, shown);
    }
}
