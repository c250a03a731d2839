package com.competencyrecon.notify.internal;

import com.competencyrecon.notify.NightNotice;
import com.competencyrecon.notify.NotifyProperties;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The webhook posts the notice as JSON; the mail carries it to every recipient. */
class ChannelsTests {

    static final NightNotice NOTICE = NightNotice.ended(LocalDate.parse("2026-11-24"), 7, "FAILED",
            "users.csv: header lacks required column(s)", 0);

    @Nested
    class Webhook {

        HttpServer server;
        final List<String> bodies = new ArrayList<>();
        final List<String> types = new ArrayList<>();
        int answer = 204;

        URI start() throws Exception {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", exchange -> {
                bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                types.add(exchange.getRequestHeaders().getFirst("Content-Type"));
                exchange.sendResponseHeaders(answer, -1);
                exchange.close();
            });
            server.start();
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
        }

        @AfterEach
        void stop() {
            if (server != null) {
                server.stop(0);
            }
        }

        @Test
        void postsTheNoticeAsJson() throws Exception {
            WebhookChannel channel = new WebhookChannel(new NotifyProperties(start(), null, null, Duration.ofSeconds(5)));

            channel.send(NOTICE);

            assertThat(types).singleElement().asString().startsWith("application/json");
            JsonNode json = JsonMapper.builder().build().readTree(bodies.get(0));
            assertThat(json.get("event").asString()).isEqualTo("NIGHT_FAILED");
            assertThat(json.get("businessDate").asString()).isEqualTo("2026-11-24");
            assertThat(json.get("runId").asLong()).isEqualTo(7);
            assertThat(json.get("status").asString()).isEqualTo("FAILED");
            assertThat(json.get("exitDescription").asString()).isEqualTo("users.csv: header lacks required column(s)");
            assertThat(json.get("alertsRaised").asInt()).isZero();
        }

        @Test
        void anErrorAnswerIsAFailure() throws Exception {
            answer = 500;
            WebhookChannel channel = new WebhookChannel(new NotifyProperties(start(), null, null, Duration.ofSeconds(5)));

            assertThatThrownBy(() -> channel.send(NOTICE)).isInstanceOf(RuntimeException.class).hasMessageContaining("500");
        }

        @Test
        void withoutAUrlItIsOff() {
            assertThat(new WebhookChannel(new NotifyProperties(null, null, null, Duration.ofSeconds(5))).enabled()).isFalse();
        }
    }

    @Nested
    class Mail {

        /** A mail sender that keeps what it would send. */
        static final class CapturingSender extends JavaMailSenderImpl {
            final List<MimeMessage> sent = new ArrayList<>();

            @Override
            protected void doSend(MimeMessage[] messages, Object[] originals) {
                sent.addAll(List.of(messages));
            }
        }

        private MailChannel channel(JavaMailSender sender, List<String> to) {
            StaticListableBeanFactory beans = new StaticListableBeanFactory();
            if (sender != null) {
                beans.addBean("mailSender", sender);
            }
            return new MailChannel(new NotifyProperties(null, to, "recon@example.com", Duration.ofSeconds(5)),
                    beans.getBeanProvider(JavaMailSender.class));
        }

        @Test
        void mailsTheNoticeToEveryRecipient() throws Exception {
            CapturingSender sender = new CapturingSender();
            MailChannel channel = channel(sender, List.of("ops@example.com", "night.desk@example.com"));

            assertThat(channel.enabled()).isTrue();
            channel.send(NOTICE);

            MimeMessage mail = sender.sent.get(0);
            assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                    .containsExactly("ops@example.com", "night.desk@example.com");
            assertThat(mail.getFrom()[0].toString()).isEqualTo("recon@example.com");
            assertThat(mail.getSubject()).isEqualTo("competency-recon: the night 2026-11-24 ended FAILED");
            assertThat((String) mail.getContent()).contains("run: 7").contains("status: FAILED")
                    .contains("users.csv: header lacks required column(s)");
        }

        @Test
        void withoutAServerOrWithoutRecipientsItIsOff() {
            assertThat(channel(null, List.of("ops@example.com")).enabled()).isFalse();
            assertThat(channel(new CapturingSender(), List.of()).enabled()).isFalse();
        }
    }
}
