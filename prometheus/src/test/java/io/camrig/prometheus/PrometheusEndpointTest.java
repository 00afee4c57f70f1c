package io.camrig.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.engine.metrics.RigMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;
import reactor.test.StepVerifier;

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

    @Test
    void disposeDoesNotBlockAndOnDisposeSaysWhenThePortIsFree() {
        PrometheusEndpoint endpoint = PrometheusEndpoint.start(PrometheusEndpoint.newRegistry(), 0)
                .block(Duration.ofSeconds(5));
        int port = endpoint.uri().getPort();
        assertThat(endpoint.isDisposed()).isFalse();
        endpoint.dispose();
        StepVerifier.create(endpoint.onDispose()).expectComplete().verify(Duration.ofSeconds(5));
        assertThat(endpoint.isDisposed()).isTrue();
        PrometheusEndpoint again = PrometheusEndpoint.start(PrometheusEndpoint.newRegistry(), port)
                .block(Duration.ofSeconds(5));
        assertThat(again.uri().getPort()).as("the port was released").isEqualTo(port);
        again.disposeNow(Duration.ofSeconds(5));
        assertThat(again.isDisposed()).isTrue();
    }
}
