package com.competencyrecon.membership;

import com.competencyrecon.catalog.Level;

import java.time.LocalDate;

/**
 * One term of membership, started by the order {@code termId}: member at {@code level} from {@code startedOn}
 * to its {@code anniversary}, then a renewal window of {@link #WINDOW_DAYS} days.
 *
 * @param purchasedOn the date of the order that started the term (the first purchase is also the start)
 */
public record MembershipTerm(String termId, Level level, LocalDate purchasedOn, LocalDate anniversary) {

    public static final int WINDOW_DAYS = 30;

    /** The last day of the renewal window. */
    public LocalDate windowCloses() {
        return anniversary.plusDays(WINDOW_DAYS);
    }

    /** Member (benefits and display) from the purchase to the close of the renewal window, both inclusive. */
    public boolean coversDay(LocalDate day) {
        return !day.isBefore(purchasedOn) && !day.isAfter(windowCloses());
    }

    public boolean inWindowOn(LocalDate day) {
        return day.isAfter(anniversary) && !day.isAfter(windowCloses());
    }
}
