package com.competencyrecon.ingest;

import java.util.List;

/** Where a feed's records are stored: the table, its key columns and the columns a record sets. */
public record FeedTable(String table, List<String> keyColumns, List<String> valueColumns) {

    public static FeedTable of(Feed feed) {
        return switch (feed) {
            case ORGANIZATIONS -> new FeedTable("organization", List.of("org_id"), List.of("name", "market", "country"));
            case USERS -> new FeedTable("user_account", List.of("user_id"),
                    List.of("org_id", "email", "status", "changed_at"));
            case MSA_LINKS -> new FeedTable("msa_link_event", List.of("event_id"),
                    List.of("msa_id", "user_id", "action", "occurred_at"));
            case ACHIEVEMENTS -> new FeedTable("achievement", List.of("record_id"),
                    List.of("msa_id", "credential", "earned_at", "expires_on", "status", "source"));
            case METRICS -> new FeedTable("metric_value", List.of("org_id", "metric", "month", "association"),
                    List.of("amount"));
            case MEMBERSHIPS -> new FeedTable("membership_order", List.of("order_id"),
                    List.of("org_id", "level", "purchased_on"));
            case OVERRIDES -> new FeedTable("override_grant", List.of("override_id"),
                    List.of("org_id", "competency", "level", "valid_from", "valid_until", "reason", "granted_by"));
        };
    }
}
