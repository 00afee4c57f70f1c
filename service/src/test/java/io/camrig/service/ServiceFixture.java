package io.camrig.service;

import io.camrig.prometheus.PrometheusEndpoint;
import io.camrig.engine.metrics.RigMetrics;
import io.camrig.engine.rig.Rig;
import io.camrig.engine.rig.RigOptions;
import io.camrig.engine.session.HttpAddressResolver;
import io.camrig.service.rig.RigAccess;
import io.camrig.simulator.SimulatorOptions;
import io.camrig.simulator.VirtualRig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * A simulated rig of N cameras served by a {@link RigService} on an ephemeral loopback port, and a
 * blocking HTTP client for tests.
 */
public final class ServiceFixture implements AutoCloseable {
    public final VirtualRig sim;
    public final RigService service;
    public final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final boolean ownsSim;

    private ServiceFixture(VirtualRig sim, RigService service, boolean ownsSim) {
        this.sim = sim;
        this.service = service;
        this.ownsSim = ownsSim;
    }

    public static ServiceFixture start(int cameras, Path mediaDir, UnaryOperator<ServiceOptions> options) {
        VirtualRig sim = VirtualRig.start(SimulatorOptions.defaults().withCameras(cameras).withMediaFileBytes(32 * 1024))
                .block(Duration.ofSeconds(30));
        return serve(sim, cameras, mediaDir, options, true);
    }

    /** A service over an existing simulated rig, which {@link #close()} leaves running (a restarted service). */
    public static ServiceFixture on(VirtualRig sim, Path mediaDir, UnaryOperator<ServiceOptions> options) {
        return serve(sim, sim.cameras().size(), mediaDir, options, false);
    }

    private static ServiceFixture serve(VirtualRig sim, int cameras, Path mediaDir, UnaryOperator<ServiceOptions> options,
                                        boolean ownsSim) {
        RigOptions rigOptions = RigOptions.defaults().withExpectedCameras(cameras).withRealtimeFire(false)
                .withReconnect(2, Duration.ofMillis(50));
        Rig rig = Rig.discover(sim.central(), rigOptions, new RigMetrics(PrometheusEndpoint.newRegistry()))
                .block(Duration.ofSeconds(30));
        RigAccess access = new RigAccess(rig);
        access.start().block(Duration.ofSeconds(60));
        ServiceOptions base = ServiceOptions.defaults().withPort(0).withMediaDir(mediaDir)
                .withHttp(HttpAddressResolver.ofUris(sim::httpBaseUri));
        RigService service = RigService.start(access, options.apply(base)).block(Duration.ofSeconds(10));
        return new ServiceFixture(sim, service, ownsSim);
    }

    public URI uri(String path) {
        return service.uri().resolve(path);
    }

    public HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> send(String method, String path, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        service.close();
        if (ownsSim) {
            sim.close();
        }
    }
}
