package com.competencyrecon.notify;

import com.competencyrecon.night.NightRunner;
import com.competencyrecon.schedule.ScheduledNight;
import com.competencyrecon.support.Databases;
import com.competencyrecon.support.NightHarness;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.competencyrecon.support.FeedHeaders.MEMBERSHIPS;
import static com.competencyrecon.support.FeedHeaders.ORGS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The end of a real night notifies through the webhook and by mail; failing to notify never fails it. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:notify;MODE=MySQL;NON_KEYWORDS=VALUE,MONTH,LEVEL,TYPE,LINE,KEY;DB_CLOSE_DELAY=-1",
        "recon.roots=/", "recon.notify.mail-to=ops@example.com"})
class NightNotificationTests {

    static final List<String> hooks = new CopyOnWriteArrayList<>();
    static final HttpServer server = server();

    static HttpServer server() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", exchange -> {
                hooks.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void webhook(DynamicPropertyRegistry registry) {
        registry.add("recon.notify.webhook-url", () -> "http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    /** A mail server stand-in that keeps the mails, or refuses them naming the address as servers do. */
    static final class CapturingSender extends JavaMailSenderImpl {
        final List<MimeMessage> sent = new CopyOnWriteArrayList<>();
        volatile boolean refuse;

        @Override
        protected void doSend(MimeMessage[] messages, Object[] originals) {
            if (refuse) {
                throw new MailSendException("Invalid Addresses: ops@example.com");
            }
            sent.addAll(List.of(messages));
        }
    }

    @TestConfiguration
    static class Mail {
        @Bean
        CapturingSender mailSender() {
            return new CapturingSender();
        }
    }

    @Autowired
    NightRunner runner;

    @Autowired
    com.competencyrecon.schedule.FiringLedger ledger;

    @Autowired
    Notifications notifications;

    @Autowired
    CapturingSender mail;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path root;

    NightHarness nights;

    @BeforeEach
    void setUp() {
        Databases.reset(jdbc);
        hooks.clear();
        mail.sent.clear();
        mail.refuse = false;
        nights = new NightHarness(runner, root);
    }

    private static JsonNode json(String body) {
        return JsonMapper.builder().build().readTree(body);
    }

    @Test
    void aFailedNightIsPostedAndMailed() throws Exception {
        nights.feed("2026-11-24", "users.csv", "user_id,org_id", "u1,O1");

        long id = nights.run("2026-11-24").execution().getId();

        assertThat(hooks).hasSize(1);
        JsonNode notice = json(hooks.get(0));
        assertThat(notice.get("event").asString()).isEqualTo("NIGHT_FAILED");
        assertThat(notice.get("runId").asLong()).isEqualTo(id);
        assertThat(notice.get("status").asString()).isEqualTo("FAILED");
        assertThat(notice.get("exitDescription").asString()).contains("users.csv: header lacks required column(s)");
        assertThat(mail.sent).hasSize(1);
        assertThat(mail.sent.get(0).getSubject()).isEqualTo("competency-recon: the night 2026-11-24 ended FAILED");
    }

    @Test
    void aNightThatCompletedWithAlertsSaysHowMany() {
        // Anniversary 2026-12-09: the renewal is due from 2026-11-24, so that night raises RENEWAL_DUE.
        nights.feed("2026-11-24", "organizations.csv", ORGS, "O1,Contoso,DEVELOPED,US");
        nights.feed("2026-11-24", "memberships.csv", MEMBERSHIPS, "ord-1,O1,SILVER,2025-12-09");

        assertThat(nights.run("2026-11-24").completed()).isTrue();

        long raised = nights.report("2026-11-24", "alerts.csv").stream().filter(l -> l.contains(",NEW,")).count();
        assertThat(raised).isPositive();
        JsonNode notice = json(hooks.get(0));
        assertThat(notice.get("event").asString()).isEqualTo("NIGHT_COMPLETED_WITH_ALERTS");
        assertThat(notice.get("alertsRaised").asLong()).isEqualTo(raised);
    }

    @Test
    void aNightThatCompletedWithoutAlertsSendsNothing() {
        nights.feed("2026-11-24", "organizations.csv", ORGS, "O1,Contoso,DEVELOPED,US");

        assertThat(nights.run("2026-11-24").completed()).isTrue();

        assertThat(hooks).isEmpty();
        assertThat(mail.sent).isEmpty();
    }

    @Test
    void aMailThatCannotBeSentIsLoggedWithoutTheAddressAndTheNightStillCompletes(CapturedOutput output) {
        mail.refuse = true;
        nights.feed("2026-11-24", "organizations.csv", ORGS, "O1,Contoso,DEVELOPED,US");
        nights.feed("2026-11-24", "memberships.csv", MEMBERSHIPS, "ord-1,O1,SILVER,2025-12-09");

        assertThat(nights.run("2026-11-24").completed()).isTrue();

        assertThat(hooks).hasSize(1);
        assertThat(output).contains("could not be sent by mail").contains("Invalid Addresses: <address>")
                .doesNotContain("ops@example.com");
    }

    @Test
    void aRefusedScheduledNightIsNotified() throws Exception {
        JobDataMap data = new JobDataMap();
        data.put("timeZone", "UTC");
        data.put("businessDateOffsetDays", -1);
        data.put("inputDir", root.resolve("feeds/{businessDate}").toString());
        data.put("reportDir", root.resolve("reports").toString());
        JobExecutionContext context = mock(JobExecutionContext.class);
        JobDetail job = mock(JobDetail.class);
        when(job.getKey()).thenReturn(JobKey.jobKey("nightly"));
        org.quartz.Scheduler scheduler = mock(org.quartz.Scheduler.class);
        when(scheduler.getContext()).thenReturn(new org.quartz.SchedulerContext());
        when(context.getScheduler()).thenReturn(scheduler);
        when(context.getJobDetail()).thenReturn(job);
        when(context.getMergedJobDataMap()).thenReturn(data);
        when(context.getScheduledFireTime()).thenReturn(Date.from(java.time.Instant.parse("2026-11-25T02:30:00Z")));

        new ScheduledNight(runner, notifications, ledger).execute(context);

        JsonNode notice = json(hooks.get(0));
        assertThat(notice.get("event").asString()).isEqualTo("SCHEDULED_NIGHT_REFUSED");
        assertThat(notice.get("businessDate").asString()).isEqualTo("2026-11-24");
        assertThat(notice.get("runId").isNull()).isTrue();
        assertThat(notice.get("exitDescription").asString()).contains("inputDir");
        assertThat(mail.sent.get(0).getSubject()).isEqualTo("competency-recon: the scheduled night 2026-11-24 was refused");
    }
}
