package io.camrig.http.address;

import java.time.Duration;
import java.util.Objects;
import reactor.core.publisher.Flux;

/**
 * Finds cameras on USB (and any other local link) by multicast DNS: a camera registers the
 * {@code _gopro-web} service (Open GoPro HTTP API 2.0, "Socket Address": "the IP address can be
 * discovered via mDNS as the camera registers the _gopro-web service").
 *
 * <pre>{@code
 * MdnsDiscovery.using(new JmdnsBrowser()).discover(Duration.ofSeconds(3))   // io.camrig.mdns, module camrig-mdns
 *     .map(DiscoveredCamera::cameraAddress)
 *     .subscribe(a -> System.out.println(a.baseUri()));
 * }</pre>
 */
public final class MdnsDiscovery {
    /** The DNS-SD service type cameras register. */
    public static final String SERVICE_TYPE = "_gopro-web._tcp.local.";

    private final MdnsBrowser browser;

    private MdnsDiscovery(MdnsBrowser browser) {
        this.browser = Objects.requireNonNull(browser, "browser");
    }

    /** Discovery through {@code browser} ({@code new io.camrig.mdns.JmdnsBrowser()}, a test's own). */
    public static MdnsDiscovery using(MdnsBrowser browser) {
        return new MdnsDiscovery(browser);
    }

    /**
     * Browses for {@code window} and emits each camera found once per address: IPv4 addresses
     * first, then IPv6, de-duplicated by address and port.
     *
     * @param window how long to listen, positive (a camera answers within about a second)
     * @return the cameras as they are resolved; completes when the window closes; errors with
     *     {@link java.io.UncheckedIOException} when no multicast socket can be opened
     * @throws IllegalArgumentException when the window is not positive
     */
    public Flux<DiscoveredCamera> discover(Duration window) {
        Objects.requireNonNull(window, "window");
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
        return browser.browse(SERVICE_TYPE, window)
                .flatMapIterable(s -> s.addresses().stream()
                        .map(a -> new DiscoveredCamera(s.name(), a, s.port()))
                        .toList())
                .distinct(c -> c.address().getHostAddress() + "|" + c.port());
    }
}
