package com.competencyrecon.ownership;

import java.time.Instant;

/** The link of an MSA to a user account (and so to that account's organisation) in force at some instant. */
public record EffectiveLink(String msaId, String userId, String orgId, Instant since) {
}
