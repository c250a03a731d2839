package com.competencyrecon.membership;

/** Where an organisation stands with one competency on a night. */
public enum CompetencyStatus {
    /** No progress on any requirement. */
    NONE,
    /** Progress, but no level met. */
    STARTED,
    /** A level met, and no active membership displays it. */
    QUALIFIED,
    /** Displayed and still met at the displayed level. */
    ACTIVE,
    /** Displayed, but no longer met at the displayed level. */
    AT_RISK
}
