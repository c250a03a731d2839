package com.competencyrecon.notify;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Which ends of a night deserve a notice, and what it says. */
class NightNoticeTests {

    static final LocalDate NIGHT = LocalDate.parse("2026-11-24");

    @Test
    void aNightThatCompletedWithoutAlertsDeservesNone() {
        assertThat(NightNotice.ended(NIGHT, 7, "COMPLETED", "", 0)).isNull();
    }

    @Test
    void aNightThatCompletedWithAlertsSaysHowMany() {
        NightNotice notice = NightNotice.ended(NIGHT, 7, "COMPLETED", "", 3);

        assertThat(notice.event()).isEqualTo(NightNotice.Event.NIGHT_COMPLETED_WITH_ALERTS);
        assertThat(notice.alertsRaised()).isEqualTo(3);
        assertThat(notice.subject()).isEqualTo("competency-recon: the night 2026-11-24 raised 3 alerts");
    }

    @Test
    void aFailedNightSaysWhy() {
        NightNotice notice = NightNotice.ended(NIGHT, 7, "FAILED", "users.csv: header lacks required column(s)", 0);

        assertThat(notice.event()).isEqualTo(NightNotice.Event.NIGHT_FAILED);
        assertThat(notice.text()).contains("run: 7").contains("status: FAILED")
                .contains("exit description: users.csv: header lacks required column(s)");
    }

    @Test
    void aNightAnOperatorStoppedDeservesNone() {
        assertThat(NightNotice.ended(NIGHT, 7, "STOPPED", "", 0)).isNull();
    }

    @Test
    void aRefusedScheduledNightHasNoRun() {
        NightNotice notice = NightNotice.refused(NIGHT, "the earlier night 2026-11-23 has not completed");

        assertThat(notice.event()).isEqualTo(NightNotice.Event.SCHEDULED_NIGHT_REFUSED);
        assertThat(notice.runId()).isNull();
        assertThat(notice.status()).isEqualTo("REFUSED");
        assertThat(notice.text()).contains("run: -").contains("the earlier night 2026-11-23 has not completed");
    }
}
