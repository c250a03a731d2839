package com.competencyrecon.ingest.internal;

import com.competencyrecon.ingest.FeedLookups;
import com.competencyrecon.membership.MembershipOrder;
import com.competencyrecon.ownership.LinkEvent;
import com.competencyrecon.ownership.UserAccount;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The feeds' reference look-ups, through the adapters that own the tables looked in. */
@Component
public class JdbcFeedLookups implements FeedLookups {

    private final JdbcOrganizations organizations;
    private final JdbcUserAccounts users;
    private final JdbcLinkEvents links;
    private final JdbcMembershipOrders orders;

    public JdbcFeedLookups(JdbcOrganizations organizations, JdbcUserAccounts users, JdbcLinkEvents links,
                           JdbcMembershipOrders orders) {
        this.organizations = organizations;
        this.users = users;
        this.links = links;
        this.orders = orders;
    }

    @Override
    public Set<String> knownOrganizations(Collection<String> orgIds) {
        return organizations.known(orgIds);
    }

    @Override
    public Map<String, UserAccount> users(Collection<String> userIds) {
        return users.users(userIds);
    }

    @Override
    public Map<String, List<LinkEvent>> linkEventsOf(Collection<String> msaIds) {
        return links.ofMsas(msaIds);
    }

    @Override
    public Map<String, List<MembershipOrder>> ordersOf(Collection<String> orgIds) {
        return orders.ofOrganizations(orgIds);
    }
}
