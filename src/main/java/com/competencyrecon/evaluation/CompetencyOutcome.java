package com.competencyrecon.evaluation;

import com.competencyrecon.catalog.Level;

import java.util.List;
import java.util.Optional;

/**
 * One organisation's result for one competency.
 *
 * @param attainedLevel    the highest level met by requirements or a valid override
 * @param attainedPath     the first met path of that level in catalogue order, {@code OVERRIDE} when only an
 *                         override gives it, empty when the level is NONE
 * @param requirementLevel the highest level met by requirements alone
 * @param override         the valid override that gives the highest level, if any
 * @param progress         whether any requirement of any path shows progress
 * @param qualifyingPeople distinct people satisfying a people requirement of the attained path (or of the best
 *                         path of the level considered when no path is met)
 * @param paths            every path's outcome, in catalogue order, SILVER before GOLD
 */
public record CompetencyOutcome(String competency, Level attainedLevel, String attainedPath, Level requirementLevel,
                                Optional<OverrideGrant> override, boolean progress, int qualifyingPeople,
                                List<PathOutcome> paths) {

    public static final String OVERRIDE_PATH = "OVERRIDE";

    public CompetencyOutcome {
        paths = List.copyOf(paths);
    }

    /** Whether requirements or an override give at least {@code level}. */
    public boolean meets(Level level) {
        return attainedLevel.atLeast(level);
    }

    /** The first met path of {@code level}, if requirements meet it. */
    public Optional<PathOutcome> firstMetPath(Level level) {
        return paths.stream().filter(p -> p.level() == level && p.met()).findFirst();
    }
}
