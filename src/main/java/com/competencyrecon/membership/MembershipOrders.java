package com.competencyrecon.membership;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The membership orders ingest applied. */
public interface MembershipOrders {

    /** The orders of the given organisations, by organisation. */
    Map<String, List<MembershipOrder>> ofOrganizations(Collection<String> orgIds);

    /** Every organisation's orders, organisations in id order. */
    Map<String, List<MembershipOrder>> all();
}
