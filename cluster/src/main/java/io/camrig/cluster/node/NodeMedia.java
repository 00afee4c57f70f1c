package io.camrig.cluster.node;

import io.camrig.engine.offload.OffloadOptions;
import io.camrig.engine.session.HttpAddressResolver;
import io.camrig.http.HttpOptions;
import io.camrig.http.wifi.HostWifi;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how a node offloads its cameras' footage; immutable, defaults in brackets. Each
 * camera is reached, in this order: over COHN when {@code cohn} places it (its stored COHN
 * credentials), directly when {@code http} places it (a simulated camera's loopback port, USB),
 * else over its own AP through {@code wifi}: switched on and its SSID and password read over BLE,
 * joined one camera at a time, left ({@link NodeLinks}).
 *
 * @param mediaDir where the node's takes land, {@code <mediaDir>/<take>/<serial>/<folder>/<file>}
 *                 [{@code camrig-media}]; the node keeps its own queue there as
 *                 {@code <take>/take.<node>.json}, so a media directory shared with the
 *                 coordinator (one machine) holds the coordinator's {@code take.json} beside it
 * @param http     each camera's direct HTTP address by serial [none]
 * @param cohn     each camera's COHN address and credentials by serial, e.g.
 *                 {@link HttpAddressResolver#cohn} over the node's credential store [none]
 * @param wifi     the node's host Wi-Fi, to reach cameras over their own APs [none: a camera placed
 *                 by neither resolver fails its offload with a typed "no HTTP address" error]
 * @param apAddress a camera's HTTP address once its AP is joined [{@link HttpAddressResolver#accessPoint()},
 *                 {@code http://10.5.5.9:8080}; a simulated rig's loopback port]
 * @param httpOptions the HTTP client's settings [defaults]
 * @param offload  per-link concurrency, turbo transfer, media-info check [defaults]
 */
public record NodeMedia(Path mediaDir, HttpAddressResolver http, HttpAddressResolver cohn, Optional<HostWifi> wifi,
                        HttpAddressResolver apAddress, HttpOptions httpOptions, OffloadOptions offload) {
    public NodeMedia {
        Objects.requireNonNull(mediaDir, "mediaDir");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(cohn, "cohn");
        Objects.requireNonNull(wifi, "wifi");
        Objects.requireNonNull(apAddress, "apAddress");
        Objects.requireNonNull(httpOptions, "httpOptions");
        Objects.requireNonNull(offload, "offload");
    }

    public static NodeMedia defaults() {
        return new NodeMedia(Path.of("camrig-media"), serial -> Optional.empty(), serial -> Optional.empty(),
                Optional.empty(), HttpAddressResolver.accessPoint(), HttpOptions.defaults(), OffloadOptions.defaults());
    }

    public NodeMedia withMediaDir(Path dir) {
        return new NodeMedia(dir, http, cohn, wifi, apAddress, httpOptions, offload);
    }

    public NodeMedia withHttp(HttpAddressResolver resolver) {
        return new NodeMedia(mediaDir, resolver, cohn, wifi, apAddress, httpOptions, offload);
    }

    /** Cameras this resolver places are offloaded over COHN (in parallel, up to the offload's limit). */
    public NodeMedia withCohn(HttpAddressResolver resolver) {
        return new NodeMedia(mediaDir, http, resolver, wifi, apAddress, httpOptions, offload);
    }

    /**
     * The other cameras are offloaded over their own APs through {@code hostWifi}, one at a time,
     * at {@code address} once joined.
     */
    public NodeMedia withAccessPoints(HostWifi hostWifi, HttpAddressResolver address) {
        return new NodeMedia(mediaDir, http, cohn, Optional.of(hostWifi), address, httpOptions, offload);
    }

    public NodeMedia withOffload(OffloadOptions options) {
        return new NodeMedia(mediaDir, http, cohn, wifi, apAddress, httpOptions, options);
    }
}
