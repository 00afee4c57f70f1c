package io.camrig.http.address;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.util.Objects;

/**
 * A camera found by mDNS: an instance of the {@code _gopro-web._tcp} service the camera registers
 * on its USB network (Open GoPro HTTP API 2.0, "Socket Address").
 *
 * <p>The constructor throws {@link IllegalArgumentException} when the port is out of range.
 *
 * @param instanceName the service instance name the camera announced
 * @param address the camera's IP address
 * @param port the HTTP port, 1..65535 (8080 on real cameras)
 */
public record DiscoveredCamera(String instanceName, InetAddress address, int port) {

    public DiscoveredCamera {
        Objects.requireNonNull(instanceName, "instanceName");
        Objects.requireNonNull(address, "address");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1..65535, was " + port);
        }
    }

    /** {@code http://<address>:<port>}, IPv6 addresses in brackets. */
    public URI baseUri() {
        String host = address.getHostAddress();
        if (address instanceof Inet6Address) {
            int zone = host.indexOf('%');
            host = "[" + (zone < 0 ? host : host.substring(0, zone)) + "]";
        }
        return URI.create("http://" + host + ":" + port);
    }

    /** The address to hand to a {@code CameraHttpClient}. */
    public CameraAddress cameraAddress() {
        return CameraAddress.of(baseUri());
    }
}
