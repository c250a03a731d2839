package com.competencyrecon.notify;

/** A way a notice reaches people: a webhook, an e-mail. */
public interface NotificationChannel {

    /** The channel's name, as the log names it. */
    String name();

    /** Whether it is configured; a channel that is not sends nothing. */
    boolean enabled();

    /** Sends the notice. @throws RuntimeException when it cannot; the caller logs it and goes on */
    void send(NightNotice notice);
}
