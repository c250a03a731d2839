package com.competencyrecon.alerts;

/** The alerts of the programme. The first three speak of a whole membership, the rest of one competency. */
public enum AlertType {
    RENEWAL_DUE, RENEWAL_WINDOW_CLOSING, MEMBERSHIP_LAPSED,
    RENEWAL_AT_RISK, PROJECTED_AT_RISK, UPGRADE_AVAILABLE, QUALIFIED_NOT_MEMBER, OVERRIDE_EXPIRED
}
