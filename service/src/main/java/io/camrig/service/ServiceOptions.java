package io.camrig.service;

import io.camrig.engine.session.HttpAddressResolver;
import io.camrig.service.security.ServiceToken;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable options of a {@link RigService}; change them with the {@code with…} methods. Defaults
 * in brackets.
 *
 * @param host          the address to bind [127.0.0.1]; any other address needs a token
 * @param port          the TCP port, 0 for an ephemeral one [8420]
 * @param token         the bearer token protected requests need [none; required beyond loopback]
 * @param tls           PEM certificate chain and private key to serve HTTPS with [none]
 * @param mediaDir      the take store's media directory: each take's {@code <take id>/take.json} and
 *                      its downloads, {@code <take id>/<serial>/<folder>/<file>} [camrig-media]
 * @param http          where each camera's HTTP API is, by serial [the camera's AP, 10.5.5.9]
 * @param minInterval   the shortest time between two events of one camera [100 ms: ≤ 10/s]
 * @param pollInterval  how often link state, failures and latency are looked at [500 ms]
 * @param heartbeat     how often an idle event stream gets a comment line [15 s]
 * @param recoverEvery  how often failed cameras are tried again ({@code Rig.recover}); zero: never [10 s]
 */
public record ServiceOptions(String host, int port, Optional<ServiceToken> token, Optional<Tls> tls, Path mediaDir,
                             HttpAddressResolver http, Duration minInterval, Duration pollInterval, Duration heartbeat,
                             Duration recoverEvery) {
    /** The default port of {@code camrig serve}. */
    public static final int DEFAULT_PORT = 8420;

    /**
     * HTTPS from PEM files.
     *
     * @param certificateChain the server's certificate (chain), PEM
     * @param privateKey       its private key, PKCS#8 PEM
     */
    public record Tls(Path certificateChain, Path privateKey) {
        public Tls {
            Objects.requireNonNull(certificateChain, "certificateChain");
            Objects.requireNonNull(privateKey, "privateKey");
        }
    }

    public ServiceOptions {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(mediaDir, "mediaDir");
        Objects.requireNonNull(http, "http");
        if (minInterval.isNegative() || pollInterval.isZero() || pollInterval.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("intervals must be positive");
        }
        if (token.isEmpty() && !loopback(host)) {
            throw new IllegalArgumentException("binding " + host + " (beyond loopback) needs a token");
        }
    }

    public static ServiceOptions defaults() {
        return new ServiceOptions("127.0.0.1", DEFAULT_PORT, Optional.empty(), Optional.empty(), Path.of("camrig-media"),
                HttpAddressResolver.accessPoint(), Duration.ofMillis(100), Duration.ofMillis(500),
                Duration.ofSeconds(15), Duration.ofSeconds(10));
    }

    /** Binds {@code host}; a non-loopback host needs {@link #withToken} first. */
    public ServiceOptions withHost(String host) {
        return new ServiceOptions(host, port, token, tls, mediaDir, http, minInterval, pollInterval, heartbeat, recoverEvery);
    }

    public ServiceOptions withPort(int port) {
        return new ServiceOptions(host, port, token, tls, mediaDir, http, minInterval, pollInterval, heartbeat, recoverEvery);
    }

    public ServiceOptions withToken(ServiceToken token) {
        return new ServiceOptions(host, port, Optional.of(token), tls, mediaDir, http, minInterval, pollInterval,
                heartbeat, recoverEvery);
    }

    public ServiceOptions withTls(Tls tls) {
        return new ServiceOptions(host, port, token, Optional.of(tls), mediaDir, http, minInterval, pollInterval,
                heartbeat, recoverEvery);
    }

    public ServiceOptions withMediaDir(Path dir) {
        return new ServiceOptions(host, port, token, tls, dir, http, minInterval, pollInterval, heartbeat, recoverEvery);
    }

    public ServiceOptions withHttp(HttpAddressResolver resolver) {
        return new ServiceOptions(host, port, token, tls, mediaDir, resolver, minInterval, pollInterval, heartbeat,
                recoverEvery);
    }

    public ServiceOptions withMinInterval(Duration d) {
        return new ServiceOptions(host, port, token, tls, mediaDir, http, d, pollInterval, heartbeat, recoverEvery);
    }

    public ServiceOptions withPollInterval(Duration d) {
        return new ServiceOptions(host, port, token, tls, mediaDir, http, minInterval, d, heartbeat, recoverEvery);
    }

    public ServiceOptions withRecoverEvery(Duration d) {
        return new ServiceOptions(host, port, token, tls, mediaDir, http, minInterval, pollInterval, heartbeat, d);
    }

    /** {@code true} when {@link #host()} is a loopback address (or {@code localhost}). */
    public boolean loopback() {
        return loopback(host);
    }

    static boolean loopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            return host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?") && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
