package com.competencyrecon.support;

/** The header rows of the seven feeds, as FORMATS.md lists their columns. */
public final class FeedHeaders {

    public static final String ORGS = "org_id,name,market,country";
    public static final String USERS = "user_id,org_id,email,status,changed_at";
    public static final String LINKS = "event_id,msa_id,user_id,action,occurred_at";
    public static final String ACHIEVEMENTS = "record_id,msa_id,credential,earned_at,expires_on,status,source";
    public static final String METRICS = "org_id,metric,month,value,association";
    public static final String MEMBERSHIPS = "order_id,org_id,level,purchased_on";
    public static final String OVERRIDES = "override_id,org_id,competency,level,valid_from,valid_until,reason,granted_by";

    private FeedHeaders() {
    }
}
