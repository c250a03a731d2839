package com.competencyrecon.system;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Duration;

/**
 * Sends the metrics of a run that exits before anyone can scrape it (a one-night run from the command line) to
 * a Prometheus Pushgateway: one HTTP PUT of the text exposition format to {@code <url>/metrics/job/<job>}, which
 * replaces what the last run pushed. Off when {@code recon.metrics.push.url} is empty, and when no night ran in
 * the process (an operator command). A gateway that cannot be reached is logged and does not change how the run
 * ended.
 */
@Component
public class MetricsPush {

    private static final Logger log = LoggerFactory.getLogger(MetricsPush.class);
    private static final MediaType TEXT_FORMAT = MediaType.parseMediaType("text/plain; version=0.0.4; charset=utf-8");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Spring Batch's timer of job runs: present once a night has run in this process. */
    private static final String NIGHT_TIMER = "spring.batch.job";

    private final ReconProperties.Push settings;
    private final ObjectProvider<PrometheusMeterRegistry> registry;

    public MetricsPush(ReconProperties properties, ObjectProvider<PrometheusMeterRegistry> registry) {
        this.settings = properties.metrics().push();
        this.registry = registry;
    }

    /** Pushes the metrics now; returns whether the gateway took them (false too when there is nothing to push). */
    public boolean push() {
        if (settings.url() == null || settings.url().isBlank()) {
            return false;
        }
        PrometheusMeterRegistry prometheus = registry.getIfAvailable();
        if (prometheus == null) {
            log.warn("recon.metrics.push.url is set but Prometheus metrics are off (management.prometheus.metrics"
                    + ".export.enabled): nothing is pushed");
            return false;
        }
        if (prometheus.find(NIGHT_TIMER).timers().isEmpty()) {
            // An operator command ran no night: pushing would replace the last night's figures at the gateway.
            log.debug("No night ran in this process; no metrics are pushed");
            return false;
        }
        String target = UriComponentsBuilder.fromUriString(settings.url().strip()).path("/metrics/job/{job}")
                .buildAndExpand(settings.job()).toUriString();
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(TIMEOUT);
        requests.setReadTimeout(TIMEOUT);
        try {
            RestClient.builder().requestFactory(requests).build().put().uri(target).contentType(TEXT_FORMAT)
                    .body(prometheus.scrape()).retrieve().toBodilessEntity();
            log.info("Metrics pushed to {}", target);
            return true;
        } catch (RestClientException | IllegalArgumentException e) {
            log.warn("Could not push the metrics to {}: {}", target, e.getMessage());
            return false;
        }
    }
}
