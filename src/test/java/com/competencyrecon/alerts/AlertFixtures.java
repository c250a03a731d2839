package com.competencyrecon.alerts;

import com.competencyrecon.catalog.Catalog;
import com.competencyrecon.catalog.CatalogLoader;
import com.competencyrecon.catalog.Level;
import com.competencyrecon.evaluation.Achievement;
import com.competencyrecon.evaluation.AchievementStatus;
import com.competencyrecon.evaluation.AsOf;
import com.competencyrecon.evaluation.CompetencyResult;
import com.competencyrecon.membership.CompetencyStatus;
import com.competencyrecon.membership.MembershipOrder;
import com.competencyrecon.membership.MembershipStanding;
import com.competencyrecon.membership.Memberships;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** The small programme the alert tests speak of. */
final class AlertFixtures {

    /** The night of most scenarios. */
    static final LocalDate D = LocalDate.of(2026, 11, 24);

    /** Night D in UTC with a day's latency: things count at or before 2026-11-24T00:00Z. */
    static final AsOf TONIGHT = AsOf.night(D, ZoneOffset.UTC, Duration.ofHours(24));

    static final Instant LONG_AGO = Instant.parse("2025-03-01T00:00:00Z");

    static final String COMPETENCY = "TEST";

    static final String NAME = "Test competency";

    /**
     * TEST at Silver: one person with EX-A or EX-OLD and 100 of REVENUE (50 in a developing market); at Gold:
     * two people with EX-A. EX-OLD is accepted until 2026-11-23, so no longer on night D.
     */
    static final Catalog CATALOG = CatalogLoader.load(new ByteArrayInputStream("""
            version: 1
            credentials:
              - { code: "EX-A", type: EXAM, name: Exam A }
              - { code: "EX-OLD", type: EXAM, name: Exam retired, retiredOn: 2026-11-23 }
            competencies:
              - code: TEST
                name: Test competency
                levels:
                  SILVER:
                    - path: SP
                      requirements:
                        - people: 1
                          holding: { anyOf: ["EX-A", "EX-OLD"] }
                        - { metric: REVENUE, atLeast: { DEVELOPED: 100, DEVELOPING: 50 }, associations: [DPOR] }
                  GOLD:
                    - path: GP
                      requirements:
                        - people: 2
                          holding: { anyOf: ["EX-A"] }
            """.getBytes(StandardCharsets.UTF_8)), "alerts-test.yml");

    private AlertFixtures() {
    }

    /** The standing on {@code night} of an organisation whose only order was {@code level} on {@code purchased}. */
    static MembershipStanding member(Level level, LocalDate purchased, LocalDate night) {
        return Memberships.standingOn(List.of(new MembershipOrder("ord-1", level, purchased)), night).orElseThrow();
    }

    /** A result of TEST on night D for O1. */
    static CompetencyResult result(Level attained, Level requirements, Level displayed, Level projected,
                                   String overrideId) {
        return new CompetencyResult(D, "O1", COMPETENCY, attained, attained == Level.NONE ? "" : "SP", requirements,
                displayed, displayed, CompetencyStatus.NONE, 0, projected, overrideId, null);
    }

    static Achievement achievement(String msa, String credential, Instant earnedAt, LocalDate expiresOn,
                                   AchievementStatus status) {
        return new Achievement("r-" + msa + "-" + credential + "-" + earnedAt, msa, credential, earnedAt, expiresOn,
                status);
    }

    static Achievement passed(String msa, String credential) {
        return achievement(msa, credential, LONG_AGO, null, AchievementStatus.ACTIVE);
    }
}
