package com.competencyrecon.operations;

import com.competencyrecon.night.NightRunner;
import com.competencyrecon.support.Databases;
import com.competencyrecon.system.MetricsPush;
import com.competencyrecon.system.ReconProperties;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What operators watch: Actuator's health, info, metrics and Prometheus scrape (Spring Batch's metrics and the
 * product's), the push of a run's metrics to a Pushgateway, and the API's OpenAPI description.
 */
@AutoConfigureMockMvc
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:observability;MODE=MySQL;NON_KEYWORDS=VALUE,MONTH,LEVEL,TYPE,LINE,KEY;DB_CLOSE_DELAY=-1",
        "recon.roots=/", "recon.report-dir=target/observability-reports",
        "recon.api.users[0].name=olivia", "recon.api.users[0].password=operator-secret", "recon.api.users[0].role=OPERATOR",
        "recon.api.users[1].name=adam", "recon.api.users[1].password=analyst-secret", "recon.api.users[1].role=ANALYST"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObservabilityTests {

    /** A stand-in Pushgateway: it keeps every request it is sent. */
    static final HttpServer GATEWAY;
    static final List<String> PUSHES = new CopyOnWriteArrayList<>();

    static {
        try {
            GATEWAY = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        GATEWAY.createContext("/", exchange -> {
            PUSHES.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + "\n"
                    + exchange.getRequestHeaders().getFirst("Content-Type") + "\n"
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        GATEWAY.start();
    }

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("recon.metrics.push.url", () -> "http://127.0.0.1:" + GATEWAY.getAddress().getPort());
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    NightRunner runner;

    @Autowired
    MetricsPush push;

    @Autowired
    ObjectProvider<PrometheusMeterRegistry> prometheus;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    void theFirstSampleNight() {
        Databases.reset(jdbc);
        NightRunner.Outcome night = runner.run("2026-11-23", "sample-data/nights/2026-11-23",
                "target/observability-reports", null);
        assertThat(night.completed()).isTrue();
    }

    @BeforeEach
    void noPushYet() {
        PUSHES.clear();
    }

    @AfterAll
    void stopTheGateway() {
        GATEWAY.stop(0);
    }

    @Test
    void theScrapeHoldsSpringBatchsMetricsAndTheProducts() throws Exception {
        mvc.perform(get("/actuator/prometheus").with(httpBasic("adam", "analyst-secret")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("spring_batch_job_seconds_count{"),
                        org.hamcrest.Matchers.containsString("spring_batch_step_seconds_count{"),
                        org.hamcrest.Matchers.containsString("recon_feed_records_total{feed=\"organizations.csv\""),
                        org.hamcrest.Matchers.containsString("recon_rejects_total{"),
                        org.hamcrest.Matchers.containsString("recon_alerts_total{"))));
    }

    @Test
    void metricsAndTheScrapeAreForTheApisUsers() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/metrics")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/metrics/recon.rejects").with(httpBasic("olivia", "operator-secret")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("recon.rejects"));
    }

    @Test
    void healthAndInfoAreOpenAndTheApisUsersSeeTheLastNight() throws Exception {
        mvc.perform(get("/actuator/info")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP")).andExpect(jsonPath("$", not(hasKey("components"))));
        mvc.perform(get("/actuator/health").with(httpBasic("adam", "analyst-secret")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.lastNight.status").value("UP"))
                .andExpect(jsonPath("$.components.lastNight.details.lastCompletedNight").value("2026-11-23"))
                .andExpect(jsonPath("$.components.lastNight.details.lastCompletedEnded").isNotEmpty());
    }

    @Test
    void thePushSendsTheRunsMetricsToTheGatewayInTheTextFormat() {
        assertThat(push.push()).isTrue();

        assertThat(PUSHES).hasSize(1);
        String pushed = PUSHES.get(0);
        assertThat(pushed).startsWith("PUT /metrics/job/competency-recon\ntext/plain;version=0.0.4")
                .contains("recon_feed_records_total{feed=\"achievements.csv\"")
                .contains("recon_rejects_total{").contains("recon_alerts_total{")
                .contains("spring_batch_job_seconds_count{");
    }

    @Test
    void noGatewayNoPush() {
        MetricsPush off = new MetricsPush(settings(Map.of()), prometheus);

        assertThat(off.push()).isFalse();
        assertThat(PUSHES).isEmpty();
    }

    @Test
    void aProcessThatRanNoNightPushesNothing() {
        PrometheusMeterRegistry commandOnly = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        commandOnly.counter("recon.rejects", "feed", "users.csv", "reason", "BAD_DATE").increment();
        MetricsPush afterACommand = new MetricsPush(settings(Map.of("recon.metrics.push.url",
                "http://127.0.0.1:" + GATEWAY.getAddress().getPort())),
                new StaticListableBeanFactory(Map.of("registry", commandOnly)).getBeanProvider(PrometheusMeterRegistry.class));

        assertThat(afterACommand.push()).isFalse();
        assertThat(PUSHES).isEmpty();
    }

    @Test
    void aGatewayThatCannotBeReachedIsLoggedAndChangesNothing() throws IOException {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        MetricsPush unreachable = new MetricsPush(settings(Map.of("recon.metrics.push.url",
                "http://127.0.0.1:" + closedPort, "recon.metrics.push.job", "night")), prometheus);

        assertThat(unreachable.push()).isFalse();
    }

    @Test
    void theOpenApiDescriptionListsTheEndpointsForTheApisUsers() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
        mvc.perform(get("/v3/api-docs").with(httpBasic("adam", "analyst-secret")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths", hasKey("/api/jobs")))
                .andExpect(jsonPath("$.paths", hasKey("/api/runs")))
                .andExpect(jsonPath("$.paths", hasKey("/api/runs/{id}")))
                .andExpect(jsonPath("$.paths", hasKey("/api/nights/{businessDate}")))
                .andExpect(jsonPath("$.paths", hasKey("/api/runs/{id}/stop")))
                .andExpect(jsonPath("$.paths", hasKey("/api/runs/{id}/recover")))
                .andExpect(jsonPath("$.paths", hasKey("/api/reports/{businessDate}/{file}")))
                .andExpect(jsonPath("$.paths['/api/nights/{businessDate}'].post").exists());
    }

    private static ReconProperties settings(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("recon", ReconProperties.class);
    }
}
