package io.camrig.simulator;

import io.camrig.http.address.BasicCredentials;
import io.camrig.simulator.camera.VirtualCamera;
import io.camrig.simulator.cohn.CohnCertificate;
import io.camrig.simulator.http.VirtualCameraHttpServer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one camera's COHN HTTPS listener in line with its state: listening on the camera's
 * address and the rig's COHN port, with its current certificate and credentials, exactly while
 * COHN is provisioned. Runs synchronously on the thread that changed the state (binding a loopback
 * socket takes milliseconds), so that the COHN status pushed next already names a listening
 * address. Waits with a {@code CompletableFuture} rather than {@code block()}, which Reactor
 * forbids on its non-blocking threads.
 */
final class CohnEndpoint {
    private static final Logger log = LoggerFactory.getLogger(CohnEndpoint.class);
    private static final long BIND_LIMIT_SECONDS = 10;

    private record Binding(String host, CohnCertificate certificate, BasicCredentials credentials) {
    }

    private final VirtualCamera camera;
    private final VirtualCameraHttpServer server;
    private final int port;
    private Binding current;

    CohnEndpoint(VirtualCamera camera, VirtualCameraHttpServer server, int port) {
        this.camera = camera;
        this.server = server;
        this.port = port;
    }

    /** Binds, moves or stops the listener as the camera's state now asks. */
    synchronized void reconcile() {
        Binding wanted = camera.cohnProvisioned()
                ? camera.cohn().keys().map(k -> new Binding(camera.cohn().ipAddress(), k, camera.cohn().credentials()))
                        .orElse(null)
                : null;
        if (wanted == null ? current == null : wanted.equals(current)) {
            return;
        }
        current = null;
        try {
            if (wanted == null) {
                server.stopCohn().toFuture().get(BIND_LIMIT_SECONDS, TimeUnit.SECONDS);
            } else {
                server.serveCohn(wanted.host(), port, wanted.certificate(), wanted.credentials()).toFuture()
                        .get(BIND_LIMIT_SECONDS, TimeUnit.SECONDS);
                current = wanted;
            }
        } catch (ExecutionException | TimeoutException e) {
            log.warn("{}: COHN HTTPS listener on {}:{} failed: {}", camera.identity().serial(),
                    wanted == null ? "-" : wanted.host(), port, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the HTTPS listener is up. */
    synchronized boolean listening() {
        return current != null;
    }
}
