package io.camrig.cluster.mqtt;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where the broker is: {@code mqtt://host:port} (plain TCP, default port 1883) or
 * {@code mqtts://host:port} (TLS, default port 8883).
 *
 * @param host host name or IP address
 * @param port TCP port
 * @param tls  {@code true} for {@code mqtts}
 */
public record BrokerUrl(String host, int port, boolean tls) {
    public BrokerUrl {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("broker host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("broker port out of range: " + port);
        }
    }

    /**
     * Parses a broker URL.
     *
     * @throws IllegalArgumentException for another scheme, no host, or a bad port
     */
    public static BrokerUrl parse(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            boolean tls;
            if ("mqtt".equals(scheme) || "tcp".equals(scheme)) {
                tls = false;
            } else if ("mqtts".equals(scheme) || "ssl".equals(scheme)) {
                tls = true;
            } else {
                throw new IllegalArgumentException("broker URL must be mqtt://host:port or mqtts://host:port, got " + url);
            }
            if (uri.getUserInfo() != null) {
                throw new IllegalArgumentException("put broker credentials in a file (--broker-credentials), not in the URL");
            }
            int port = uri.getPort() < 0 ? (tls ? 8883 : 1883) : uri.getPort();
            return new BrokerUrl(uri.getHost(), port, tls);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a broker URL: " + e.getReason());
        }
    }

    @Override
    public String toString() {
        return (tls ? "mqtts://" : "mqtt://") + host + ":" + port;
    }
}
