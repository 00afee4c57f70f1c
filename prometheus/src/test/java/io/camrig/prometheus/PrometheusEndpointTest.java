package io.camrig.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.engine.metrics.RigMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;

class PrometheusEndpointTest {
    @Test
    void servesTheRigMetersAsPrometheusTextOnLoopback() {
        PrometheusMeterRegistry registry = PrometheusEndpoint.newRegistry();
        RigMetrics metrics = new RigMetrics(registry);
        metrics.downloaded("GoPro 0001", 4096);
        metrics.fireSpread("observed", 1500);
        try (PrometheusEndpoint endpoint = PrometheusEndpoint.start(registry, 0).block(Duration.ofSeconds(5))) {
            assertThat(endpoint.uri().getHost()).isEqualTo("127.0.0.1");
            String body = HttpClient.create().get().uri(endpoint.uri()).responseContent().aggregate().asString()
                    .block(Duration.ofSeconds(5));
            assertThat(body).contains("camrig_download_bytes_total{camera=\"GoPro 0001\"} 4096")
                    .contains("camrig_fire_spread_microseconds");
        }
    }
}
