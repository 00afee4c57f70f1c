package io.camrig.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.http.client.CameraHttpClient;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.resolver.DefaultAddressResolverGroup;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.test.StepVerifier;

/**
 * A camera reached by IP address is connected to without Netty's DNS resolver ({@link NumericHosts});
 * a host name still goes through Reactor Netty's own resolver.
 */
class NumericHostsTest {

    @Test
    void ipLiteralsAreNumericHostNamesAreNot() {
        assertThat(NumericHosts.isNumeric("10.5.5.9")).isTrue();
        assertThat(NumericHosts.isNumeric("127.0.0.1")).isTrue();
        assertThat(NumericHosts.isNumeric("[fe80::1]")).isTrue();
        assertThat(NumericHosts.isNumeric("::1")).isTrue();
        assertThat(NumericHosts.isNumeric("localhost")).isFalse();
        assertThat(NumericHosts.isNumeric("camera.local")).isFalse();
        assertThat(NumericHosts.isNumeric("10.5.5.9.example")).isFalse();
        assertThat(NumericHosts.isNumeric("999.1.1.1")).isFalse();
        assertThat(NumericHosts.isNumeric(null)).isFalse();
    }

    @Test
    void aNumericHostResolvesThroughTheJdkANameThroughReactorNetty() {
        HttpClient base = HttpClient.create();
        assertThat(NumericHosts.resolverFor(base, "172.20.145.51").configuration().resolver())
                .isSameAs(DefaultAddressResolverGroup.INSTANCE);
        HttpClient named = NumericHosts.resolverFor(base, "camera.local");
        assertThat(named).isSameAs(base);
        assertThat(named.configuration().resolver()).isNotSameAs(DefaultAddressResolverGroup.INSTANCE);
    }

    @Test
    void aCameraByIpAndByNameAnswers() {
        try (TestCamera camera = TestCamera.serve(r -> r.get("/gopro/camera/state",
                (req, res) -> res.sendString(Mono.just("{\"status\":{},\"settings\":{}}"))))) {
            for (String base : new String[] {camera.uri().toString(), camera.uri().toString().replace("127.0.0.1", "localhost")}) {
                HttpExchange http = CameraHttpClient.create(URI.create(base)).exchange();
                StepVerifier.create(http.exchange(HttpMethod.GET, "/gopro/camera/state", Map.of(), null))
                        .assertNext(r -> assertThat(r.status()).as(base).isEqualTo(200))
                        .expectComplete()
                        .verify(Duration.ofSeconds(10));
            }
        }
    }

    @Test
    void aRefusedConnectionOnAOneDigitPortIsAConnectionErrorNotAHostLookup() {
        // Reactor Netty's URL parser took "127.0.0.1:9" for a host name: a DNS look-up failed
        // (UnknownHostException) where a connection was refused. Nothing listens on port 9 here.
        HttpExchange http = CameraHttpClient.create(URI.create("http://127.0.0.1:9")).exchange();
        StepVerifier.create(http.exchange(HttpMethod.GET, "/gopro/camera/state", Map.of(), null))
                .expectErrorSatisfies(e -> assertThat(e).hasMessageNotContaining("UnknownHost")
                        .rootCause().isNotInstanceOf(java.net.UnknownHostException.class))
                .verify(Duration.ofSeconds(30));
    }

    @Test
    void anIpv6LiteralLosesItsUriBracketsForTheConnection() {
        assertThat(HttpExchange.unbracketed("[fe80::1]")).isEqualTo("fe80::1");
        assertThat(HttpExchange.unbracketed("10.5.5.9")).isEqualTo("10.5.5.9");
        assertThat(HttpExchange.port(io.camrig.http.address.CameraAddress.accessPoint())).isEqualTo(8080);
        assertThat(HttpExchange.port(new io.camrig.http.address.CameraAddress(URI.create("https://192.168.1.20"),
                java.util.Optional.empty(), java.util.Optional.empty()))).isEqualTo(443);
    }
}
