package com.competencyrecon.notify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A channel that fails is logged, without addresses, and the other channels still get the notice. */
@ExtendWith(OutputCaptureExtension.class)
class NotificationsTests {

    static final NightNotice NOTICE = NightNotice.ended(LocalDate.parse("2026-11-24"), 7, "FAILED", "boom", 0);

    record Channel(String name, boolean enabled, RuntimeException failure, List<NightNotice> sent)
            implements NotificationChannel {

        Channel(String name, boolean enabled, RuntimeException failure) {
            this(name, enabled, failure, new ArrayList<>());
        }

        @Override
        public void send(NightNotice notice) {
            if (failure != null) {
                throw failure;
            }
            sent.add(notice);
        }
    }

    @Test
    void aFailingChannelIsLoggedWithoutItsAddressesAndTheOthersStillSend(CapturedOutput output) {
        Channel failing = new Channel("mail", true, new IllegalStateException("Invalid Addresses: ops@example.com",
                new RuntimeException("550 <night.desk@example.org> unknown")));
        Channel working = new Channel("webhook", true, null);

        new Notifications(List.of(failing, working)).send(NOTICE);

        assertThat(working.sent()).containsExactly(NOTICE);
        assertThat(output).contains("The NIGHT_FAILED notice of the night 2026-11-24 could not be sent by mail")
                .contains("Invalid Addresses: <address>").contains("550 <<address>> unknown")
                .doesNotContain("ops@example.com").doesNotContain("night.desk@example.org");
    }

    @Test
    void aChannelThatIsNotConfiguredSendsNothing() {
        Channel off = new Channel("webhook", false, null);

        new Notifications(List.of(off)).send(NOTICE);

        assertThat(off.sent()).isEmpty();
    }

    @Test
    void noNoticeSendsNothing() {
        Channel on = new Channel("webhook", true, null);

        new Notifications(List.of(on)).send(null);

        assertThat(on.sent()).isEmpty();
    }
}
