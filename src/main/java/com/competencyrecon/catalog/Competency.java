package com.competencyrecon.catalog;

import java.util.List;
import java.util.Map;

/** A competency with its paths per level, each list in catalogue order. {@code levels} has keys SILVER and/or GOLD. */
public record Competency(String code, String name, Map<Level, List<CompetencyPath>> levels) {

    public Competency {
        levels = Map.copyOf(levels);
    }

    public List<CompetencyPath> paths(Level level) {
        return levels.getOrDefault(level, List.of());
    }
}
