package com.competencyrecon.evaluation;

import com.competencyrecon.catalog.Level;

import java.util.List;
import java.util.Set;

/**
 * The evaluation of one path: whether it is met, the distinct people who satisfy at least one of its
 * {@code people} requirements, whether any requirement shows progress, what contributed, and how far each
 * requirement stands (in the catalogue's order).
 */
public record PathOutcome(Level level, String path, boolean met, boolean progress, Set<String> qualifyingPeople,
                          List<Contribution> contributions, List<RequirementProgress> requirements) {

    public PathOutcome {
        qualifyingPeople = Set.copyOf(qualifyingPeople);
        contributions = List.copyOf(contributions);
        requirements = List.copyOf(requirements);
    }
}
