package com.competencyrecon.evaluation;

import com.competencyrecon.catalog.Level;

import java.time.LocalDate;
import java.util.List;

/**
 * The last night an organisation met a competency at a level, the path that made it and what contributed, so
 * a later night can name what changed.
 */
public record LevelMet(String orgId, String competency, Level level, LocalDate lastMetOn, String path,
                       List<Contribution> contributions) {

    public LevelMet {
        contributions = List.copyOf(contributions);
    }
}
