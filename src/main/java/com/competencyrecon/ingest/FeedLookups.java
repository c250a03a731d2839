package com.competencyrecon.ingest;

import com.competencyrecon.membership.MembershipOrder;
import com.competencyrecon.ownership.LinkEvent;
import com.competencyrecon.ownership.UserAccount;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the feeds' reference checks read of the rows already stored. */
public interface FeedLookups {

    /** Which of the given organisations are stored. */
    Set<String> knownOrganizations(Collection<String> orgIds);

    /** The accounts with the given ids, by id. */
    Map<String, UserAccount> users(Collection<String> userIds);

    /** Every stored link event of the given MSAs, by MSA. */
    Map<String, List<LinkEvent>> linkEventsOf(Collection<String> msaIds);

    /** The stored membership orders of the given organisations, by organisation. */
    Map<String, List<MembershipOrder>> ordersOf(Collection<String> orgIds);
}
