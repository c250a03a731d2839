package com.competencyrecon.ownership;

import java.time.Instant;

/**
 * A user account; it belongs to one organisation for life. A {@code DELETED} account was deleted at
 * {@code changedAt}, which ends every link to it from that instant.
 */
public record UserAccount(String userId, String orgId, UserStatus status, Instant changedAt) {

    /** The instant the account was deleted, or null while it is active. */
    public Instant deletedAt() {
        return status == UserStatus.DELETED ? changedAt : null;
    }

    /** Whether the account is deleted at (or before) {@code instant}. */
    public boolean deletedBy(Instant instant) {
        Instant deleted = deletedAt();
        return deleted != null && !deleted.isAfter(instant);
    }
}
