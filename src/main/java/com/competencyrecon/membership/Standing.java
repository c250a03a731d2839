package com.competencyrecon.membership;

import com.competencyrecon.catalog.Level;

import java.util.Optional;

/**
 * The held, displayed and status columns of one organisation × competency on a night.
 *
 * @param heldLevel      the highest level attained on any night of the covering term (NONE outside a term)
 * @param displayedLevel what the marketing profile shows
 */
public record Standing(Level heldLevel, Level displayedLevel, CompetencyStatus status) {

    /**
     * @param attained       the level attained tonight
     * @param storedHeld     the level held so far in the covering term, before tonight
     * @param membership     the organisation's standing, if it ever had a membership
     * @param progress       whether any requirement shows progress tonight
     */
    public static Standing of(Level attained, Level storedHeld, Optional<MembershipStanding> membership,
                              boolean progress) {
        boolean covered = membership.map(MembershipStanding::covers).orElse(false);
        Level held = covered ? Level.max(storedHeld, attained) : Level.NONE;
        Level displayed = Level.NONE;
        if (covered && held != Level.NONE) {
            displayed = membership.get().term().level() == Level.GOLD ? held : Level.SILVER;
        }
        CompetencyStatus status;
        if (displayed != Level.NONE) {
            status = attained.atLeast(displayed) ? CompetencyStatus.ACTIVE : CompetencyStatus.AT_RISK;
        } else if (attained != Level.NONE) {
            status = CompetencyStatus.QUALIFIED;
        } else {
            status = progress ? CompetencyStatus.STARTED : CompetencyStatus.NONE;
        }
        return new Standing(held, displayed, status);
    }
}
