package com.competencyrecon.membership;

import com.competencyrecon.catalog.Level;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Membership terms, replayed from an organisation's orders in purchase order.
 *
 * <ul>
 *   <li>An order with no covering term (none yet, or the last one lapsed) starts a term: anniversary = the
 *       order date + 1 year.</li>
 *   <li>A Gold order while a Silver term is active (before its anniversary) is an upgrade: a Gold term from
 *       its own date with its own anniversary.</li>
 *   <li>An order inside the renewal window, or on the anniversary day itself, renews: a new term from the
 *       order date at the order's level, whose anniversary is the old one + 1 year.</li>
 *   <li>Any other order while a term is active (the same or a lower level, before the anniversary) changes
 *       nothing: the product rejects it when it arrives ({@code ORDER_NOT_APPLIED}).</li>
 * </ul>
 */
public final class Memberships {

    private Memberships() {
    }

    /** The terms that orders placed on or before {@code day} make, oldest first. */
    public static List<MembershipTerm> terms(List<MembershipOrder> orders, LocalDate day) {
        List<MembershipOrder> sorted = new ArrayList<>(orders);
        sorted.sort(Comparator.comparing(MembershipOrder::purchasedOn).thenComparing(MembershipOrder::orderId));
        List<MembershipTerm> terms = new ArrayList<>();
        MembershipTerm current = null;
        for (MembershipOrder order : sorted) {
            LocalDate p = order.purchasedOn();
            if (p.isAfter(day)) {
                break;
            }
            MembershipTerm next = null;
            if (current == null || p.isAfter(current.windowCloses())) {
                next = new MembershipTerm(order.orderId(), order.level(), p, p.plusYears(1));
            } else if (p.isBefore(current.anniversary())) {
                if (order.level() == Level.GOLD && current.level() == Level.SILVER) {
                    next = new MembershipTerm(order.orderId(), Level.GOLD, p, p.plusYears(1));
                }
            } else {
                next = new MembershipTerm(order.orderId(), order.level(), p, current.anniversary().plusYears(1));
            }
            if (next != null) {
                terms.add(next);
                current = next;
            }
        }
        return terms;
    }

    /** Where the organisation's latest term stands on {@code day}; empty when it never had one. */
    public static Optional<MembershipStanding> standingOn(List<MembershipOrder> orders, LocalDate day) {
        List<MembershipTerm> terms = terms(orders, day);
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        MembershipTerm term = terms.get(terms.size() - 1);
        MembershipStanding.Phase phase = !day.isAfter(term.anniversary()) ? MembershipStanding.Phase.ACTIVE
                : !day.isAfter(term.windowCloses()) ? MembershipStanding.Phase.IN_WINDOW
                : MembershipStanding.Phase.LAPSED;
        return Optional.of(new MembershipStanding(term, phase, day));
    }
}
