package io.camrig.engine.session;

import java.net.URI;
import java.util.Optional;

/**
 * Where a camera's HTTP API is reachable, by serial number: its Wi-Fi AP
 * ({@code http://10.5.5.9:8080}), USB ({@code http://172.2X.1YZ.51:8080}), COHN, or a simulated
 * camera's loopback port.
 */
@FunctionalInterface
public interface HttpAddressResolver {
    /** The camera's base URI, or empty when it cannot be reached over HTTP. */
    Optional<URI> resolve(String serialNumber);

    /** The camera's own access point, as a host joined to it sees it (one camera at a time). */
    static HttpAddressResolver accessPoint() {
        return serial -> Optional.of(URI.create("http://10.5.5.9:8080"));
    }
}
