package io.camrig.engine.session;

import io.camrig.engine.credentials.CameraCredentials;
import io.camrig.engine.credentials.CredentialStore;
import io.camrig.http.address.CameraAddress;
import io.camrig.proto.error.PermanentCamrigException;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a camera's HTTP API is reachable, by serial number, and how: its Wi-Fi AP
 * ({@code http://10.5.5.9:8080}), USB ({@code http://172.2X.1YZ.51:8080}), COHN
 * ({@code https://<ip>:443} with Basic credentials and the camera's root CA), or a simulated
 * camera's loopback port. {@link RecordingSession} calls it off the event loop
 * ({@code boundedElastic}), so a resolver may read a file.
 */
@FunctionalInterface
public interface HttpAddressResolver {
    /**
     * The camera's address, or empty when it cannot be reached over HTTP.
     *
     * @throws io.camrig.proto.error.CamrigException when what is known about the camera cannot make
     *     an address (e.g. a stored root CA that is not a certificate)
     */
    Optional<CameraAddress> resolve(String serialNumber);

    /** The camera's own access point, as a host joined to it sees it (one camera at a time). */
    static HttpAddressResolver accessPoint() {
        return serial -> Optional.of(CameraAddress.accessPoint());
    }

    /** USB: {@code http://172.2X.1YZ.51:8080} from the serial's last three digits. */
    static HttpAddressResolver usb() {
        return serial -> Optional.of(CameraAddress.usb(serial));
    }

    /**
     * Plain base URIs by serial (a simulated rig's {@code httpBaseUri}); user info in a URI becomes
     * Basic credentials (see {@link CameraAddress#of(URI)}).
     */
    static HttpAddressResolver ofUris(Function<String, Optional<URI>> uris) {
        Objects.requireNonNull(uris, "uris");
        return serial -> uris.apply(serial).map(CameraAddress::of);
    }

    /**
     * COHN: the camera's stored COHN credentials ({@link CredentialStore}, kept by the COHN
     * provisioning in {@code io.camrig.engine.provision.cohn}) as {@code https://<ip>:<port>}, Basic
     * auth, trust anchored to its root CA. Empty for a camera with no COHN credentials stored.
     *
     * @param port 443 for real cameras; a simulated rig says its own
     * @throws PermanentCamrigException from {@code resolve} when the stored root CA is not a
     *     certificate
     */
    static HttpAddressResolver cohn(CredentialStore store, int port) {
        Objects.requireNonNull(store, "store");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, was " + port);
        }
        return serial -> store.get(serial).flatMap(CameraCredentials::cohn).map(c -> {
            try {
                return c.address(port);
            } catch (IllegalArgumentException e) {
                throw new PermanentCamrigException("the stored COHN root CA is not a usable certificate", serial,
                        "resolve COHN address", e);
            }
        });
    }

    /** This resolver, or {@code fallback} for cameras it cannot place. */
    default HttpAddressResolver orElse(HttpAddressResolver fallback) {
        Objects.requireNonNull(fallback, "fallback");
        return serial -> {
            Optional<CameraAddress> a = resolve(serial);
            return a.isPresent() ? a : fallback.resolve(serial);
        };
    }
}
