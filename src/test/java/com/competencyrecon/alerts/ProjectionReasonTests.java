package com.competencyrecon.alerts;

import com.competencyrecon.catalog.Level;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The reason PROJECTED_AT_RISK gives, from what tonight knows. */
class ProjectionReasonTests {

    @Test
    void aLevelMetTonightByRequirementsIsLostToExpiriesOrRetirements() {
        assertThat(AlertRules.projectionReason(Level.GOLD, Level.GOLD, Level.GOLD, null))
                .isEqualTo(": credentials expire or retire before then.");
    }

    @Test
    void aLevelGivenOnlyByAnOverrideIsLostWhenTheOverrideEnds() {
        assertThat(AlertRules.projectionReason(Level.GOLD, Level.SILVER, Level.GOLD, "ovr-7"))
                .isEqualTo(": the override ovr-7 that gives it ends before then.");
    }

    @Test
    void aLevelNotMetTonightMustBeMetAgain() {
        assertThat(AlertRules.projectionReason(Level.SILVER, Level.SILVER, Level.GOLD, null))
                .isEqualTo(" unless it is met again before then.");
    }
}
