package io.camrig.cluster.node;

import io.camrig.engine.offload.OffloadOptions;
import io.camrig.engine.session.HttpAddressResolver;
import io.camrig.http.HttpOptions;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how a node offloads its cameras' footage; immutable, defaults in brackets.
 *
 * @param mediaDir where the node's takes land, {@code <mediaDir>/<take>/<serial>/<folder>/<file>}
 *                 [{@code camrig-media}]; the node keeps its own queue there as
 *                 {@code <take>/take.<node>.json}, so a media directory shared with the
 *                 coordinator (one machine) holds the coordinator's {@code take.json} beside it
 * @param http     each camera's HTTP address by serial [none: every camera fails its offload
 *                 with a typed "no HTTP address" error]
 * @param httpOptions the HTTP client's settings [defaults]
 * @param offload  per-link concurrency, turbo transfer, media-info check [defaults]
 */
public record NodeMedia(Path mediaDir, HttpAddressResolver http, HttpOptions httpOptions, OffloadOptions offload) {
    public NodeMedia {
        Objects.requireNonNull(mediaDir, "mediaDir");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(httpOptions, "httpOptions");
        Objects.requireNonNull(offload, "offload");
    }

    public static NodeMedia defaults() {
        return new NodeMedia(Path.of("camrig-media"), serial -> Optional.empty(), HttpOptions.defaults(),
                OffloadOptions.defaults());
    }

    public NodeMedia withMediaDir(Path dir) {
        return new NodeMedia(dir, http, httpOptions, offload);
    }

    public NodeMedia withHttp(HttpAddressResolver resolver) {
        return new NodeMedia(mediaDir, resolver, httpOptions, offload);
    }

    public NodeMedia withOffload(OffloadOptions options) {
        return new NodeMedia(mediaDir, http, httpOptions, options);
    }
}
