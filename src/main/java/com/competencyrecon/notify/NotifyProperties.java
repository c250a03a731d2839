package com.competencyrecon.notify;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Where notices go; each channel is off unless configured.
 *
 * @param webhookUrl where a notice is POSTed as JSON
 * @param mailTo     who a notice is mailed to (through the {@code spring.mail.*} server)
 * @param mailFrom   the sender of those mails; the server's default when empty
 * @param timeout    how long a webhook may take to answer
 */
@ConfigurationProperties("recon.notify")
public record NotifyProperties(URI webhookUrl, List<String> mailTo, String mailFrom,
                               @DefaultValue("10s") Duration timeout) {

    public NotifyProperties {
        mailTo = mailTo == null ? List.of() : mailTo.stream().filter(a -> a != null && !a.isBlank()).toList();
    }
}
