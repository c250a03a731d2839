package com.competencyrecon.reports;

import com.competencyrecon.evaluation.CompetencyResult;

import java.util.List;

/** A row of {@code competency-status.csv}: one organisation and competency with any progress tonight. */
public record StatusRow(CompetencyResult result, String orgName) {

    static final List<String> COLUMNS = List.of("org_id", "org_name", "competency", "attained_level",
            "attained_path", "held_level", "displayed_level", "status", "qualifying_people", "as_of");

    List<Object> cells() {
        return List.of(result.orgId(), orgName, result.competency(), result.attainedLevel(), result.attainedPath(),
                result.heldLevel(), result.displayedLevel(), result.status(), result.qualifyingPeople(),
                result.businessDate());
    }
}
