package io.camrig.engine.provision;

import io.camrig.engine.camera.Camera;
import io.camrig.engine.error.CameraStatusException;
import io.camrig.proto.pb.EnumProvisioning;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/**
 * Puts one camera onto a rig's network in station mode ("connect or set up"):
 * <ol>
 *   <li>Connect to Provisioned Access Point (02 04) first. A camera that already knows the network
 *       joins it without a scan, which is fast and spares the scan that real cameras often get
 *       wrong. "Knows" is decided by the camera itself: when it refuses the request (a result other
 *       than RESULT_SUCCESS) or the connection ends in a failure state (not provisioned, out of
 *       range, a password that changed), camrig falls back to step 2. A time limit passing here
 *       does not fall back: it fails with {@link ProvisioningTimeoutException}.</li>
 *   <li>Scan until the network shows ({@link NetworkScanner}: retried when a scan returns nothing),
 *       then Connect to a New Access Point (02 05) with the password (empty for an open network),
 *       following NotifProvisioningState (02 0C) to success or a failure.</li>
 * </ol>
 * Errors: {@link NetworkNotFoundException}, {@link WrongPasswordException}
 * (PROVISIONING_ERROR_PASSWORD_AUTH), {@link ProvisioningFailedException} (another failure state,
 * named), {@link ProvisioningTimeoutException} (any step; limits in {@link ProvisioningOptions}),
 * {@code ConnectionClosedException}. The password never appears in errors or events.
 *
 * <p>Source: Open GoPro BLE spec, "Access Point"; tutorial 6 ("Connect to a network"): use
 * RequestConnect for a network the camera was provisioned for, RequestConnectNew otherwise.
 */
public final class NetworkProvisioner {
    private final ProvisioningOptions options;
    private final NetworkScanner scanner;

    public NetworkProvisioner(ProvisioningOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.scanner = new NetworkScanner(options);
    }

    /** Connects {@code camera} to {@code network}, setting it up when the camera does not know it. */
    public Mono<NetworkJoin> connectOrSetUp(Camera camera, RigNetwork network, ProvisionListener listener) {
        String name = camera.name();
        return Mono.defer(() -> {
            listener.onEvent(new ProvisionEvent(name, ProvisionStep.CONNECT_KNOWN, network.ssid()));
            return Steps.limited(camera.network().connect(network.ssid(), options.connectTimeout()), name,
                            ProvisionStep.CONNECT_KNOWN, options.connectTimeout())
                    .map(state -> new NetworkJoin(network.ssid(), true, 0, state.name()))
                    .onErrorResume(CameraStatusException.class, refused -> setUp(camera, network, listener));
        }).doOnNext(join -> listener.onEvent(new ProvisionEvent(name, ProvisionStep.NETWORK_CONNECTED,
                join.ssid() + (join.known() ? " (known)" : " (new)"))));
    }

    /** Scan, then Connect to a New Access Point. */
    public Mono<NetworkJoin> setUp(Camera camera, RigNetwork network, ProvisionListener listener) {
        String name = camera.name();
        AtomicInteger scans = new AtomicInteger();
        ProvisionListener counting = e -> {
            if (e.step() == ProvisionStep.SCAN) {
                scans.incrementAndGet();
            }
            listener.onEvent(e);
        };
        return scanner.find(camera, network.ssid(), counting)
                .flatMap(entry -> {
                    listener.onEvent(new ProvisionEvent(name, ProvisionStep.CONNECT_NEW, network.ssid()));
                    return Steps.limited(camera.network().connectNew(network.ssid(), network.password(),
                                    options.connectTimeout()), name, ProvisionStep.CONNECT_NEW, options.connectTimeout())
                            .onErrorMap(CameraStatusException.class, e -> failure(name, network.ssid(), e));
                })
                .map(state -> new NetworkJoin(network.ssid(), false, scans.get(), state.name()));
    }

    private static RuntimeException failure(String camera, String ssid, CameraStatusException e) {
        if (EnumProvisioning.PROVISIONING_ERROR_PASSWORD_AUTH.name().equals(e.status())) {
            return new WrongPasswordException(camera, ssid, e);
        }
        return new ProvisioningFailedException(camera, "connect to a new access point", ssid, e.status(), e);
    }
}
