package com.competencyrecon.ingest;

import java.util.List;
import java.util.Set;

/** The seven feeds of a night, in the order they are applied. */
public enum Feed {
    ORGANIZATIONS("organizations.csv", "ingestOrganizations",
            List.of("org_id", "name", "market", "country"),
            Set.of("org_id", "name", "market"), List.of("org_id")),
    USERS("users.csv", "ingestUsers",
            List.of("user_id", "org_id", "email", "status", "changed_at"),
            Set.of("user_id", "org_id", "status", "changed_at"), List.of("user_id")),
    MSA_LINKS("msa-links.csv", "ingestMsaLinks",
            List.of("event_id", "msa_id", "user_id", "action", "occurred_at"),
            Set.of("event_id", "msa_id", "user_id", "action", "occurred_at"), List.of("event_id")),
    ACHIEVEMENTS("achievements.csv", "ingestAchievements",
            List.of("record_id", "msa_id", "credential", "earned_at", "expires_on", "status", "source"),
            Set.of("record_id", "msa_id", "credential", "earned_at"), List.of("record_id")),
    METRICS("metrics.csv", "ingestMetrics",
            List.of("org_id", "metric", "month", "value", "association"),
            Set.of("org_id", "metric", "month", "value"), List.of("org_id", "metric", "month", "association")),
    MEMBERSHIPS("memberships.csv", "ingestMemberships",
            List.of("order_id", "org_id", "level", "purchased_on"),
            Set.of("order_id", "org_id", "level", "purchased_on"), List.of("order_id")),
    OVERRIDES("overrides.csv", "ingestOverrides",
            List.of("override_id", "org_id", "competency", "level", "valid_from", "valid_until", "reason",
                    "granted_by"),
            Set.of("override_id", "org_id", "competency", "level", "valid_from"), List.of("override_id"));

    private final String fileName;
    private final String stepName;
    private final List<String> columns;
    private final Set<String> required;
    private final List<String> keyColumns;

    Feed(String fileName, String stepName, List<String> columns, Set<String> required, List<String> keyColumns) {
        this.fileName = fileName;
        this.stepName = stepName;
        this.columns = columns;
        this.required = required;
        this.keyColumns = keyColumns;
    }

    public String fileName() {
        return fileName;
    }

    public String stepName() {
        return stepName;
    }

    public List<String> columns() {
        return columns;
    }

    public Set<String> required() {
        return required;
    }

    public List<String> keyColumns() {
        return keyColumns;
    }

    public static Feed byFileName(String fileName) {
        for (Feed feed : values()) {
            if (feed.fileName.equals(fileName)) {
                return feed;
            }
        }
        throw new IllegalArgumentException("no feed is delivered as " + fileName);
    }

    public static Feed byStepName(String stepName) {
        for (Feed feed : values()) {
            if (feed.stepName.equals(stepName)) {
                return feed;
            }
        }
        throw new IllegalArgumentException("no feed is ingested by step " + stepName);
    }
}
