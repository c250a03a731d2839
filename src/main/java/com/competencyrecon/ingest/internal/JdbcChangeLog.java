package com.competencyrecon.ingest.internal;

import com.competencyrecon.plan.ChangeLog;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** What changed in the feed tables between two nights, asked of each table's owner. */
@Component
public class JdbcChangeLog implements ChangeLog {

    private final JdbcOrganizations organizations;
    private final JdbcUserAccounts users;
    private final JdbcLinkEvents links;
    private final JdbcAchievements achievements;
    private final JdbcMetricValues metrics;
    private final JdbcMembershipOrders orders;
    private final JdbcOverrideGrants overrides;

    public JdbcChangeLog(JdbcOrganizations organizations, JdbcUserAccounts users, JdbcLinkEvents links,
                         JdbcAchievements achievements, JdbcMetricValues metrics, JdbcMembershipOrders orders,
                         JdbcOverrideGrants overrides) {
        this.organizations = organizations;
        this.users = users;
        this.links = links;
        this.achievements = achievements;
        this.metrics = metrics;
        this.orders = orders;
        this.overrides = overrides;
    }

    @Override
    public Set<String> msasWithLinkChanges(Window window) {
        Set<String> msas = links.changed(window.date(), window.changedSince(), window.from(), window.to());
        msas.addAll(links.ofUsers(changedUsers(window).keySet()));
        return msas;
    }

    /** Accounts changed tonight or deleted within the window: user id to organisation. */
    private Map<String, String> changedUsers(Window window) {
        return users.changed(window.date(), window.changedSince(), window.from(), window.to());
    }

    @Override
    public Set<String> msasWithAchievementChanges(Window window) {
        return achievements.changed(window.before(), window.date(), window.changedSince(), window.from(),
                window.to());
    }

    @Override
    public Set<String> organisationsWithChanges(Window window) {
        Set<String> orgs = new HashSet<>(organizations.changed(window.date()));
        orgs.addAll(changedUsers(window).values());
        orgs.addAll(metrics.changed(window.date()));
        orgs.addAll(orders.changed(window.date()));
        orgs.addAll(overrides.changed(window.before(), window.date()));
        return orgs;
    }
}
