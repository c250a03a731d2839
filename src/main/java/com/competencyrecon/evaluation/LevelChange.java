package com.competencyrecon.evaluation;

import com.competencyrecon.catalog.Level;

/** An attained level that differs from an earlier night's (NONE when the earlier night had no result). */
public record LevelChange(String orgId, String competency, Level was, Level now) {

    public boolean gained() {
        return now.compareTo(was) > 0;
    }
}
