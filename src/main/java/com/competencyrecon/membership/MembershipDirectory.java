package com.competencyrecon.membership;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/** Tells where each organisation's membership stands on a day, from the orders ingest applied. */
public final class MembershipDirectory {

    private final MembershipOrders orders;

    public MembershipDirectory(MembershipOrders orders) {
        this.orders = orders;
    }

    /** Every organisation that ever had a membership, by org id (sorted), with its standing on {@code day}. */
    public Map<String, MembershipStanding> standingsOn(LocalDate day) {
        Map<String, MembershipStanding> standings = new TreeMap<>();
        orders.all().forEach((org, list) -> Memberships.standingOn(list, day).ifPresent(s -> standings.put(org, s)));
        return standings;
    }
}
