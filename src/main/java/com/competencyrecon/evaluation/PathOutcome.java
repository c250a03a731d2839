package com.competencyrecon.evaluation;

import com.competencyrecon.catalog.Level;

import java.util.List;
import java.util.Set;

/**
 * The evaluation of one path: whether it is met, the distinct people who satisfy at least one of its
 * {@code people} requirements, whether any requirement shows progress, and what contributed.
 */
public record PathOutcome(Level level, String path, boolean met, boolean progress, Set<String> qualifyingPeople,
                          List<Contribution> contributions) {

    public PathOutcome {
        qualifyingPeople = Set.copyOf(qualifyingPeople);
        contributions = List.copyOf(contributions);
    }
}
