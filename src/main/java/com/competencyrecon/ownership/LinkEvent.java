package com.competencyrecon.ownership;

import java.time.Instant;
import java.util.Comparator;

/** A {@code LINK} or {@code UNLINK} of an MSA to a user account, at an instant. */
public record LinkEvent(String eventId, String msaId, String userId, LinkAction action, Instant occurredAt) {

    /** Replay order: {@code occurred_at}, ties by {@code event_id}. */
    public static final Comparator<LinkEvent> REPLAY_ORDER =
            Comparator.comparing(LinkEvent::occurredAt).thenComparing(LinkEvent::eventId);
}
