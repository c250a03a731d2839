package com.competencyrecon.notify.internal;

import com.competencyrecon.notify.NightNotice;
import com.competencyrecon.notify.NotificationChannel;
import com.competencyrecon.notify.NotifyProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/**
 * Mails a notice to {@code recon.notify.mail-to} through the server of the standard {@code spring.mail.*}
 * settings. With addresses but no server it sends nothing and says so once at start.
 */
@Component
class MailChannel implements NotificationChannel {

    private static final Logger log = LoggerFactory.getLogger(MailChannel.class);

    private final NotifyProperties properties;
    private final JavaMailSender sender;

    MailChannel(NotifyProperties properties, ObjectProvider<JavaMailSender> sender) {
        this.properties = properties;
        this.sender = sender.getIfAvailable();
        if (!properties.mailTo().isEmpty() && this.sender == null) {
            log.warn("recon.notify.mail-to names {} recipient(s) but no mail server is configured (spring.mail.host):"
                    + " no notice is mailed", properties.mailTo().size());
        }
    }

    @Override
    public String name() {
        return "mail";
    }

    @Override
    public boolean enabled() {
        return sender != null && !properties.mailTo().isEmpty();
    }

    @Override
    public void send(NightNotice notice) {
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper mail = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            mail.setTo(properties.mailTo().toArray(String[]::new));
            if (properties.mailFrom() != null && !properties.mailFrom().isBlank()) {
                mail.setFrom(properties.mailFrom());
            }
            mail.setSubject(notice.subject());
            mail.setText(notice.text());
        } catch (MessagingException e) {
            throw new MailPreparationException("the notice could not be written as a mail", e);
        }
        sender.send(message);
    }
}
