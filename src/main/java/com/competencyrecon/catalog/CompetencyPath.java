package com.competencyrecon.catalog;

import java.util.List;

/** A way to meet a level: met when all of its requirements hold. */
public record CompetencyPath(String code, List<Requirement> requirements) {

    public CompetencyPath {
        requirements = List.copyOf(requirements);
    }
}
