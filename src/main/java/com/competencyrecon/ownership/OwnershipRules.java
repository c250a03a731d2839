package com.competencyrecon.ownership;

import java.time.Duration;

/**
 * The anti-abuse limits on org moves: at most {@code maxMoves} moves in any {@code window}, at least
 * {@code coolOff} apart.
 */
public record OwnershipRules(int maxMoves, Duration window, Duration coolOff) {

    public static final OwnershipRules PROGRAMME = new OwnershipRules(3, Duration.ofDays(365), Duration.ofDays(30));
}
