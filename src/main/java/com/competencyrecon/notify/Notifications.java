package com.competencyrecon.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Sends a notice to every configured channel. A channel that fails is logged and the others still get the
 * notice: telling people about a night must never be what fails it.
 */
@Service
@EnableConfigurationProperties(NotifyProperties.class)
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    // Mail errors name the addresses they failed on; logs carry no e-mail address.
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:\\[\\]]+@[^\\s<>\"'(),;:\\[\\]]+");

    private final List<NotificationChannel> channels;

    public Notifications(List<NotificationChannel> channels) {
        this.channels = List.copyOf(channels);
    }

    /** Sends the notice (null: nothing to send) to every enabled channel; never throws. */
    public void send(NightNotice notice) {
        if (notice == null) {
            return;
        }
        for (NotificationChannel channel : channels) {
            if (!channel.enabled()) {
                continue;
            }
            try {
                channel.send(notice);
                log.info("Notified {} by {}", notice.event(), channel.name());
            } catch (RuntimeException e) {
                log.warn("The {} notice of the night {} could not be sent by {}: {}", notice.event(),
                        notice.businessDate(), channel.name(), withoutAddresses(e));
            }
        }
    }

    /** An error's messages, innermost last, with any e-mail address replaced. */
    static String withoutAddresses(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (!text.isEmpty()) {
                text.append(": ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(' ').append(t.getMessage());
            }
        }
        return ADDRESS.matcher(text).replaceAll("<address>");
    }
}
