package com.competencyrecon.notify.internal;

import com.competencyrecon.notify.NightNotice;
import com.competencyrecon.notify.NotificationChannel;
import com.competencyrecon.notify.NotifyProperties;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * POSTs a notice as JSON to {@code recon.notify.webhook-url}: {@code event}, {@code businessDate}, {@code runId},
 * {@code status}, {@code exitDescription}, {@code alertsRaised}. Any answer but 2xx is a failure.
 */
@Component
class WebhookChannel implements NotificationChannel {

    private final NotifyProperties properties;
    private final RestClient client;

    WebhookChannel(NotifyProperties properties) {
        this.properties = properties;
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        // A webhook that does not answer must not hold the end of a night for long.
        requests.setConnectTimeout(properties.timeout());
        requests.setReadTimeout(properties.timeout());
        this.client = RestClient.builder().requestFactory(requests).build();
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public boolean enabled() {
        return properties.webhookUrl() != null;
    }

    @Override
    public void send(NightNotice notice) {
        client.post().uri(properties.webhookUrl()).contentType(MediaType.APPLICATION_JSON).body(notice).retrieve()
                .toBodilessEntity();
    }
}
