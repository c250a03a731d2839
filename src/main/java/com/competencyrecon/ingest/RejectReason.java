package com.competencyrecon.ingest;

/** Why an input record was not applied. */
public enum RejectReason {
    MALFORMED_ROW, MISSING_FIELD, BAD_DATE, BAD_TIMESTAMP, BAD_NUMBER, BAD_ENUM, DUPLICATE_KEY_IN_FILE,
    UNKNOWN_ORG, UNKNOWN_USER, UNKNOWN_COMPETENCY, USER_ORG_CHANGED, LINK_TO_DELETED_USER, LINK_LIMIT,
    LINK_COOL_OFF, NEGATIVE_METRIC, FUTURE_DATED,
    /** A field longer than the product stores (added to the programme's codes). */
    FIELD_TOO_LONG,
    /** A membership order that starts, renews or upgrades no term (added to the programme's codes). */
    ORDER_NOT_APPLIED
}
