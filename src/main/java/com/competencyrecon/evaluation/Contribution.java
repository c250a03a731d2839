package com.competencyrecon.evaluation;

/**
 * What made a met path: a person (subject = MSA id, user and the credentials that counted), a metric
 * (subject = metric code) or an override (subject = override id). Stored per night so that a later night can
 * name what changed.
 */
public record Contribution(Kind kind, String subject, String userId, String detail) {

    public enum Kind {
        PERSON, METRIC, OVERRIDE
    }
}
