package com.competencyrecon.ingest;

/**
 * The seven feeds of a night, in the order they are applied: the file each is delivered as and the step that
 * ingests it. What a feed's records hold and how they are checked is its {@code FeedSpec}.
 */
public enum Feed {
    ORGANIZATIONS("organizations.csv", "ingestOrganizations"),
    USERS("users.csv", "ingestUsers"),
    MSA_LINKS("msa-links.csv", "ingestMsaLinks"),
    ACHIEVEMENTS("achievements.csv", "ingestAchievements"),
    METRICS("metrics.csv", "ingestMetrics"),
    MEMBERSHIPS("memberships.csv", "ingestMemberships"),
    OVERRIDES("overrides.csv", "ingestOverrides");

    private final String fileName;
    private final String stepName;

    Feed(String fileName, String stepName) {
        this.fileName = fileName;
        this.stepName = stepName;
    }

    public String fileName() {
        return fileName;
    }

    public String stepName() {
        return stepName;
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
