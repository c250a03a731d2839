package com.competencyrecon.reports;

import com.competencyrecon.evaluation.CompetencyResult;

import java.util.List;

/**
 * A row of {@code competency-status.csv}: one organisation and competency with any progress tonight.
 *
 * @param projects whether the organisation has an anniversary ahead to project to (an active term, not yet in
 *                 its window): only then is {@code projected_level} filled in
 */
public record StatusRow(CompetencyResult result, String orgName, boolean projects) {

    /** The spec's ten columns, then the two appended later (FORMATS.md allows columns at the end only). */
    static final List<String> COLUMNS = List.of("org_id", "org_name", "competency", "attained_level",
            "attained_path", "held_level", "displayed_level", "status", "qualifying_people", "as_of",
            "projected_level", "override_id");

    List<Object> cells() {
        return List.of(result.orgId(), orgName, result.competency(), result.attainedLevel(), result.attainedPath(),
                result.heldLevel(), result.displayedLevel(), result.status(), result.qualifyingPeople(),
                result.businessDate(), projects ? result.projectedLevel().name() : "",
                result.overrideId() == null ? "" : result.overrideId());
    }
}
