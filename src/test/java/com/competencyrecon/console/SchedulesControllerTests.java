package com.competencyrecon.console;

import com.competencyrecon.schedule.JobDescriptor;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The next firings a schedule shows: its cron read in its own time zone, from now on. */
class SchedulesControllerTests {

    static JobDescriptor nightly(String cron, String zone) {
        return new JobDescriptor("nightly", "nightlyReconciliation", cron, ZoneId.of(zone), true, -1,
                Map.of("inputDir", "feeds/{businessDate}"));
    }

    @Test
    void areTheCronsNextTimesInItsZone() {
        List<SchedulesController.Firing> firings =
                SchedulesController.nextFirings(nightly("0 30 2 * * ?", "Europe/Berlin"));

        assertThat(firings).hasSize(SchedulesController.NEXT_FIRINGS);
        assertThat(firings).allSatisfy(f -> {
            assertThat(f.at().getZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
            assertThat(f.at().toLocalTime()).hasToString("02:30");
            assertThat(f.at().toOffsetDateTime().isAfter(OffsetDateTime.now())).isTrue();
            assertThat(f.night()).as("the day that has just ended").isEqualTo(f.at().toLocalDate().minusDays(1));
            assertThat(f.when()).matches("\\d{4}-\\d{2}-\\d{2} 02:30 \\+0[12]:00");
        });
        assertThat(firings.get(1).at()).isAfter(firings.get(0).at());
    }

    @Test
    void endWhenTheCronHasNoFurtherTime() {
        assertThat(SchedulesController.nextFirings(nightly("0 0 12 1 1 ? 2020", "UTC"))).isEmpty();
    }

    @Test
    void refuseACronThatDoesNotParseNamingTheDescriptor() {
        assertThatThrownBy(() -> SchedulesController.nextFirings(nightly("every night", "UTC")))
                .hasMessageContaining("jobs/nightly").hasMessageContaining("every night");
    }
}
