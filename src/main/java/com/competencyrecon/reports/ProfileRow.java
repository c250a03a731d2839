package com.competencyrecon.reports;

import java.util.List;

/** A row of {@code marketing-profile.csv}: a level an organisation displays. */
public record ProfileRow(String orgId, String orgName, String membershipLevel, String competency,
                         String displayedLevel) {

    static final List<String> COLUMNS = List.of("org_id", "org_name", "membership_level", "competency",
            "displayed_level");

    List<Object> cells() {
        return List.of(orgId, orgName, membershipLevel, competency, displayedLevel);
    }
}
