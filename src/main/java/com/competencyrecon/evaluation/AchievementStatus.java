package com.competencyrecon.evaluation;

public enum AchievementStatus {
    ACTIVE, REVOKED
}
