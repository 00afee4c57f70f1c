package io.camrig.http.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** Discovery logic over a scripted browser (no multicast traffic leaves the test). */
class MdnsDiscoveryTest {

    @Test
    void browsesTheGoproWebServiceAndYieldsOneCameraPerAddress() throws Exception {
        InetAddress a = InetAddress.getByName("172.25.104.51");
        InetAddress v6 = InetAddress.getByName("fe80::1");
        InetAddress b = InetAddress.getByName("172.20.101.51");
        AtomicReference<String> browsed = new AtomicReference<>();
        MdnsBrowser browser = (type, window) -> {
            browsed.set(type + " " + window.toMillis());
            return Flux.just(
                    new MdnsBrowser.ServiceInstance("GoPro 5504", List.of(a, v6), 8080),
                    new MdnsBrowser.ServiceInstance("GoPro 5504", List.of(a), 8080),
                    new MdnsBrowser.ServiceInstance("GoPro 0001", List.of(b), 8080));
        };

        StepVerifier.create(MdnsDiscovery.using(browser).discover(Duration.ofSeconds(2)).map(DiscoveredCamera::baseUri))
                .expectNext(URI.create("http://172.25.104.51:8080"), URI.create("http://[fe80:0:0:0:0:0:0:1]:8080"),
                        URI.create("http://172.20.101.51:8080"))
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        assertThat(browsed.get()).isEqualTo("_gopro-web._tcp.local. 2000");
    }

    @Test
    void aDiscoveredCameraIsAnHttpAddress() throws Exception {
        DiscoveredCamera c = new DiscoveredCamera("GoPro 5504", InetAddress.getByName("172.25.104.51"), 8080);
        assertThat(c.cameraAddress()).isEqualTo(CameraAddress.usb("C3501324645504"));
        assertThatThrownBy(() -> new DiscoveredCamera("x", InetAddress.getByName("1.2.3.4"), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theWindowMustBePositive() {
        MdnsDiscovery d = MdnsDiscovery.using((type, window) -> Flux.empty());
        assertThatThrownBy(() -> d.discover(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
