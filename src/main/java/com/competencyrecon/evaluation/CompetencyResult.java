package com.competencyrecon.evaluation;

import com.competencyrecon.catalog.Level;
import com.competencyrecon.membership.CompetencyStatus;

import java.time.LocalDate;

/**
 * One night's stored result for an organisation and a competency: what was attained and how it stands.
 *
 * @param requirementLevel the level requirements alone give
 * @param projectedLevel   the level the organisation would attain on its anniversary, as far as tonight tells
 * @param overrideId       the valid override that gives the level, or null
 * @param termId           the membership term that covers the night, or null
 */
public record CompetencyResult(LocalDate businessDate, String orgId, String competency, Level attainedLevel,
                               String attainedPath, Level requirementLevel, Level heldLevel, Level displayedLevel,
                               CompetencyStatus status, int qualifyingPeople, Level projectedLevel, String overrideId,
                               String termId) {
}
