package com.competencyrecon.guarantees;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every endpoint the service answers, taken from Spring MVC's own handler mappings (the application's
 * controllers, Actuator's endpoints, the OpenAPI description, the error page), asked without credentials, with a
 * wrong password, with a role that may not use it and with one that may. An endpoint added without an entry in
 * {@link #EXPECTED} fails the sweep, so a new endpoint cannot ship unclassified.
 * <p>
 * The HTTP API (everything outside {@code /console}) answers 401 without credentials or with a wrong password and
 * 403 to a role that may not use it; the console sends anyone not signed in (a failed sign-in included) to its
 * login page and answers 403 to an analyst's post. Actuator exposes health, info, metrics and the Prometheus
 * scrape, nothing else, as README's HTTP API section says.
 */
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// The same settings as ConsoleTests, so the two share one application context.
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:console;MODE=MySQL;NON_KEYWORDS=VALUE,MONTH,LEVEL,TYPE,LINE,KEY;DB_CLOSE_DELAY=-1",
        "recon.roots=/", "recon.report-dir=target/console-test/reports",
        "recon.api.users[0].name=olivia", "recon.api.users[0].password=operator-secret", "recon.api.users[0].role=OPERATOR",
        "recon.api.users[1].name=adam", "recon.api.users[1].password=analyst-secret", "recon.api.users[1].role=ANALYST"})
class SecuritySweepTests {

    /** Who may use an endpoint. */
    enum Access {
        /** Anyone, signed in or not. */
        ANYONE,
        /** Analysts and operators. */
        READERS,
        /** Operators only. */
        OPERATORS
    }

    /**
     * Each endpoint ({@code METHOD pattern}, as the handler mapping declares it; {@code ANY} for a mapping without
     * a method) and who may use it: README's HTTP API and Web console sections, line by line.
     */
    static final Map<String, Access> EXPECTED = Map.ofEntries(
            Map.entry("GET /api/jobs", Access.READERS),
            Map.entry("GET /api/runs", Access.READERS),
            Map.entry("GET /api/runs/{id}", Access.READERS),
            Map.entry("GET /api/runs/{id}/log", Access.OPERATORS),
            Map.entry("GET /api/reports/{businessDate}", Access.READERS),
            Map.entry("GET /api/reports/{businessDate}/{file}", Access.READERS),
            Map.entry("POST /api/nights/{businessDate}", Access.OPERATORS),
            Map.entry("POST /api/runs/{id}/stop", Access.OPERATORS),
            Map.entry("POST /api/runs/{id}/recover", Access.OPERATORS),
            Map.entry("POST /api/backfills", Access.OPERATORS),
            Map.entry("GET /console", Access.READERS),
            Map.entry("GET /console/", Access.READERS),
            Map.entry("GET /console/nights", Access.READERS),
            Map.entry("POST /console/nights", Access.OPERATORS),
            Map.entry("POST /console/backfills", Access.OPERATORS),
            Map.entry("GET /console/nights/{businessDate}", Access.READERS),
            Map.entry("GET /console/nights/{businessDate}/reports/{file}", Access.READERS),
            Map.entry("GET /console/runs/{id}", Access.READERS),
            Map.entry("GET /console/runs/{id}/progress", Access.READERS),
            Map.entry("POST /console/runs/{id}/stop", Access.OPERATORS),
            Map.entry("POST /console/runs/{id}/recover", Access.OPERATORS),
            Map.entry("POST /console/runs/{id}/restart", Access.OPERATORS),
            Map.entry("GET /console/schedules", Access.READERS),
            Map.entry("GET /console/orgs", Access.READERS),
            Map.entry("GET /console/orgs/{orgId}", Access.READERS),
            Map.entry("GET /console/login", Access.ANYONE),
            Map.entry("ANY /console/denied", Access.ANYONE),
            Map.entry("GET /actuator", Access.OPERATORS),
            Map.entry("GET /actuator/health", Access.ANYONE),
            Map.entry("GET /actuator/health/**", Access.ANYONE),
            Map.entry("GET /actuator/info", Access.ANYONE),
            Map.entry("GET /actuator/metrics", Access.READERS),
            Map.entry("GET /actuator/metrics/{requiredMetricName}", Access.READERS),
            Map.entry("GET /actuator/prometheus", Access.READERS),
            Map.entry("GET /v3/api-docs", Access.READERS),
            Map.entry("GET /v3/api-docs.yaml", Access.READERS),
            Map.entry("GET /v3/api-docs/swagger-config", Access.READERS),
            Map.entry("GET /swagger-ui.html", Access.READERS),
            Map.entry("ANY /error", Access.OPERATORS));

    /** A value for each path variable: none names anything that exists, so an allowed call changes nothing. */
    static final Map<String, String> SAMPLES = Map.of("id", "987654", "businessDate", "2099-01-01",
            "file", "alerts.csv", "orgId", "ORG-001", "requiredMetricName", "recon.rejects", "path", "db");

    static final String OPERATOR = "olivia";
    static final String OPERATOR_PASSWORD = "operator-secret";
    static final String ANALYST = "adam";
    static final String ANALYST_PASSWORD = "analyst-secret";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    private MockHttpSession analystSession;
    private MockHttpSession operatorSession;
    private MockHttpSession failedSignIn;

    @BeforeAll
    void signIn() throws Exception {
        analystSession = session(ANALYST, ANALYST_PASSWORD, "/console/nights");
        operatorSession = session(OPERATOR, OPERATOR_PASSWORD, "/console/nights");
        failedSignIn = session(ANALYST, "not-the-password", "/console/login?error");
    }

    private MockHttpSession session(String user, String password, String expectedRedirect) throws Exception {
        MvcResult result = mvc.perform(formLogin("/console/login").user(user).password(password)).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).as("sign-in of %s", user).isEqualTo(expectedRedirect);
        return (MockHttpSession) result.getRequest().getSession();
    }

    /** One endpoint: its method and pattern. */
    record Endpoint(String method, String pattern) {
        String key() {
            return method + " " + pattern;
        }

        boolean console() {
            return pattern.equals("/console") || pattern.startsWith("/console/");
        }

        /** The path to call: path variables filled in, a trailing {@code /**} as one segment. */
        String path() {
            Matcher m = Pattern.compile("\\{\\*?([^}:]+)(:[^}]*)?}").matcher(pattern.replace("/**", "/db"));
            StringBuilder path = new StringBuilder();
            while (m.find()) {
                String sample = SAMPLES.get(m.group(1));
                assertThat(sample).as("a sample value for the path variable {%s} of %s in SAMPLES", m.group(1), key())
                        .isNotNull();
                m.appendReplacement(path, Matcher.quoteReplacement(sample));
            }
            return m.appendTail(path).toString();
        }

        /** The method to call with: a mapping that takes any method is asked with GET. */
        String callMethod() {
            return method.equals("ANY") ? "GET" : method;
        }
    }

    /** Every endpoint of every request-mapping handler mapping of the application. */
    List<Endpoint> endpoints() {
        Set<Endpoint> endpoints = new java.util.LinkedHashSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<String> patterns = info.getPatternValues();
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : patterns) {
                    if (methods.isEmpty()) {
                        endpoints.add(new Endpoint("ANY", pattern));
                    }
                    for (RequestMethod method : methods) {
                        endpoints.add(new Endpoint(method.name(), pattern));
                    }
                }
            }
        }
        return new ArrayList<>(endpoints);
    }

    @Test
    void everyEndpointHasAnExpectedAccessAndEveryExpectationAnEndpoint() {
        Set<String> found = new TreeSet<>(endpoints().stream().map(Endpoint::key).toList());
        assertThat(new TreeSet<>(found).stream().filter(k -> !EXPECTED.containsKey(k)).toList())
                .as("endpoints without an entry in EXPECTED (say who may use them)").isEmpty();
        assertThat(new TreeSet<>(EXPECTED.keySet()).stream().filter(k -> !found.contains(k)).toList())
                .as("entries of EXPECTED that no handler mapping declares any more").isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointRefusesWhoMayNotUseIt() {
        Map<String, Endpoint> sorted = new TreeMap<>();
        endpoints().forEach(e -> sorted.put(e.key(), e));
        return sorted.values().stream().filter(e -> EXPECTED.containsKey(e.key()))
                .map(e -> DynamicTest.dynamicTest(e.key() + " (" + EXPECTED.get(e.key()) + ")", () -> sweep(e)));
    }

    private void sweep(Endpoint e) throws Exception {
        Access access = EXPECTED.get(e.key());
        if (e.console()) {
            sweepConsole(e, access);
        } else {
            sweepApi(e, access);
        }
    }

    private void sweepApi(Endpoint e, Access access) throws Exception {
        int anonymous = status(call(e));
        int wrongPassword = status(call(e).with(httpBasic(ANALYST, "not-the-password")));
        int unknownUser = status(call(e).with(httpBasic("mallory", ANALYST_PASSWORD)));
        int analyst = status(call(e).with(httpBasic(ANALYST, ANALYST_PASSWORD)));
        int operator = status(call(e).with(httpBasic(OPERATOR, OPERATOR_PASSWORD)));
        if (access == Access.ANYONE) {
            assertThat(anonymous).as("%s without credentials", e.key()).isNotIn(401, 403);
        } else {
            assertThat(anonymous).as("%s without credentials", e.key()).isEqualTo(401);
            assertThat(wrongPassword).as("%s with a wrong password", e.key()).isEqualTo(401);
            assertThat(unknownUser).as("%s as an unknown user", e.key()).isEqualTo(401);
        }
        if (access == Access.OPERATORS) {
            assertThat(analyst).as("%s as an analyst", e.key()).isEqualTo(403);
        } else {
            assertThat(analyst).as("%s as an analyst", e.key()).isNotIn(401, 403);
        }
        assertThat(operator).as("%s as an operator", e.key()).isNotIn(401, 403);
    }

    private void sweepConsole(Endpoint e, Access access) throws Exception {
        MvcResult anonymous = perform(call(e).with(csrf()));
        MvcResult afterWrongPassword = perform(call(e).with(csrf()).session(failedSignIn));
        MvcResult basicOnly = perform(call(e).with(csrf()).with(httpBasic(OPERATOR, OPERATOR_PASSWORD)));
        MvcResult analyst = perform(call(e).with(csrf()).session(analystSession));
        MvcResult operator = perform(call(e).with(csrf()).session(operatorSession));
        MvcResult noToken = perform(call(e).session(operatorSession));
        if (access == Access.ANYONE) {
            assertThat(sentToLogin(anonymous)).as("%s without signing in is answered", e.key()).isFalse();
        } else {
            assertThat(sentToLogin(anonymous)).as("%s without signing in goes to the login page", e.key()).isTrue();
            assertThat(sentToLogin(afterWrongPassword)).as("%s after a failed sign-in goes to the login page", e.key())
                    .isTrue();
            assertThat(sentToLogin(basicOnly)).as("%s with HTTP Basic only (the console takes none) goes to the"
                    + " login page", e.key()).isTrue();
        }
        if (access == Access.OPERATORS) {
            assertThat(analyst.getResponse().getStatus()).as("%s as an analyst", e.key()).isEqualTo(403);
        } else {
            assertAnswered(analyst, e.key() + " as an analyst");
        }
        assertAnswered(operator, e.key() + " as an operator");
        if (!e.callMethod().equals("GET")) {
            assertThat(noToken.getResponse().getStatus()).as("%s as an operator without a CSRF token", e.key())
                    .isEqualTo(403);
        }
    }

    private static void assertAnswered(MvcResult result, String what) {
        assertThat(sentToLogin(result)).as(what + " is not sent to the login page").isFalse();
        assertThat(result.getResponse().getStatus()).as(what).isNotIn(401, 403);
    }

    private static boolean sentToLogin(MvcResult result) {
        String location = result.getResponse().getRedirectedUrl();
        return result.getResponse().getStatus() == 302 && location != null
                && location.replaceFirst("^https?://[^/]+", "").equals("/console/login");
    }

    private MockHttpServletRequestBuilder call(Endpoint e) {
        return request(org.springframework.http.HttpMethod.valueOf(e.callMethod()), e.path());
    }

    private MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn();
    }

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        return perform(request).getResponse().getStatus();
    }

    /** Actuator exposes what README says and nothing else, to anyone, the operators included. */
    @Test
    void actuatorExposesHealthInfoMetricsAndPrometheusOnly() throws Exception {
        for (String hidden : List.of("env", "beans", "configprops", "loggers", "heapdump", "threaddump", "mappings",
                "shutdown", "scheduledtasks", "quartz", "flyway", "conditions", "caches", "sbom", "startup")) {
            int status = status(request(org.springframework.http.HttpMethod.GET, "/actuator/" + hidden)
                    .with(httpBasic(OPERATOR, OPERATOR_PASSWORD)));
            assertThat(status).as("/actuator/%s asked by an operator", hidden).isEqualTo(404);
        }
        assertThat(status(request(org.springframework.http.HttpMethod.POST, "/actuator/shutdown")
                .with(httpBasic(OPERATOR, OPERATOR_PASSWORD)))).as("POST /actuator/shutdown").isIn(404, 405);
        MvcResult health = perform(request(org.springframework.http.HttpMethod.GET, "/actuator/health"));
        assertThat(health.getResponse().getContentAsString()).as("health without credentials shows no details")
                .doesNotContain("components").doesNotContain("lastNight");
        MvcResult detailed = perform(request(org.springframework.http.HttpMethod.GET, "/actuator/health")
                .with(httpBasic(ANALYST, ANALYST_PASSWORD)));
        assertThat(detailed.getResponse().getContentAsString()).as("health to an analyst shows its parts")
                .contains("components");
        assertThat(perform(request(org.springframework.http.HttpMethod.GET, "/v3/api-docs")
                .with(httpBasic(ANALYST, ANALYST_PASSWORD))).getResponse().getContentAsString())
                .as("the OpenAPI description lists the API").contains("/api/runs");
    }
}
