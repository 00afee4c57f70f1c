package io.camrig.engine.provision;

import io.camrig.engine.camera.ApCredentials;
import io.camrig.engine.camera.Camera;
import io.camrig.engine.camera.StatusValue;
import io.camrig.engine.credentials.CredentialStore;
import io.camrig.http.wifi.HostWifi;
import io.camrig.http.wifi.HostWifiLink;
import io.camrig.proto.catalog.Status;
import java.time.Clock;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A camera's own Wi-Fi access point (AP mode): switch it on or off, read and keep its
 * credentials, and have the host join it.
 *
 * <p>Set AP Control (0x17, one uint8 parameter: 0 disables, 1 enables) is acknowledged at once, but
 * status 69 "AP Mode" goes to 1 only after the radio is up (it goes to 0 at once). {@link #set}
 * therefore waits until status 69 shows the wanted value, from the status push stream (register
 * 0x53) and a re-read every {@link ProvisioningOptions#apPollInterval()}, with the time limit
 * {@link ProvisioningOptions#apTimeout()}; past it, {@link ProvisioningTimeoutException} (step
 * {@link ProvisionStep#AP_MODE}). Enabling the AP also leaves station mode.
 *
 * <p>The AP credentials are GATT reads of GP-0002 (SSID) and GP-0003 (password), kept in the
 * {@link CredentialStore} under the camera's serial. The password never appears in errors or
 * events.
 *
 * <p>Source: Open GoPro BLE spec, "Control" / Set AP Control, "Statuses" / 69, "BLE Setup";
 * tutorial 5 ("Connect Wi-Fi").
 */
public final class AccessPointMode {
    private final ProvisioningOptions options;
    private final Clock clock;

    public AccessPointMode(ProvisioningOptions options) {
        this(options, Clock.systemUTC());
    }

    public AccessPointMode(ProvisioningOptions options, Clock clock) {
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Set AP Control (0x17) {@code on} or off, then waits until status 69 shows it. */
    public Mono<Void> set(Camera camera, boolean on, ProvisionListener listener) {
        return Mono.defer(() -> {
            listener.onEvent(new ProvisionEvent(camera.name(), ProvisionStep.AP_SWITCH, on ? "on" : "off"));
            return Steps.limited(camera.control().setApControl(on), camera.name(), ProvisionStep.AP_SWITCH,
                    options.apTimeout());
        }).then(await(camera, on))
                .doOnSuccess(v -> listener.onEvent(new ProvisionEvent(camera.name(), ProvisionStep.AP_MODE,
                        on ? "on" : "off")));
    }

    /**
     * Completes once status 69 "AP Mode" is {@code on} (1) or off (0); errors with
     * {@link ProvisioningTimeoutException} after {@link ProvisioningOptions#apTimeout()}.
     */
    public Mono<Void> await(Camera camera, boolean on) {
        long want = on ? 1 : 0;
        Flux<StatusValue> pushed = camera.statuses().updates(Status.AP_MODE);
        Flux<StatusValue> polled = Flux.interval(options.apPollInterval(), options.apPollInterval(), options.scheduler())
                .concatMap(i -> camera.statuses().get(Status.AP_MODE).onErrorResume(e -> Mono.empty()));
        return Steps.limited(Flux.merge(pushed, polled)
                        .filter(v -> v.statusId() == Status.AP_MODE.id() && v.asLong() == want)
                        .next()
                        .timeout(options.apTimeout(), options.scheduler()),
                camera.name(), ProvisionStep.AP_MODE, options.apTimeout()).then();
    }

    /** Reads the AP SSID and password (GP-0002, GP-0003) and stores them under {@code serial}. */
    public Mono<ApCredentials> storeCredentials(Camera camera, String serial, CredentialStore store,
                                                ProvisionListener listener) {
        return camera.readApCredentials()
                .flatMap(ap -> Steps.update(store, serial, e -> e.withAp(ap, clock.instant())).thenReturn(ap))
                .doOnNext(ap -> listener.onEvent(new ProvisionEvent(camera.name(), ProvisionStep.AP_CREDENTIALS,
                        ap.ssid())));
    }

    /**
     * Enables the camera's AP, reads and stores its credentials, then has {@code wifi} join it
     * within {@link ProvisioningOptions#hostJoinTimeout()}. The link returned restores the host's
     * previous connection ({@link HostWifiLink#restore()}); the caller decides when. Errors of the
     * host stay as they are: {@code HostWifiException} with its reason (wrong password, network
     * not found, timeout, unavailable, failed).
     */
    public Mono<HostWifiLink> join(Camera camera, String serial, CredentialStore store, HostWifi wifi,
                                   ProvisionListener listener) {
        return set(camera, true, listener)
                .then(storeCredentials(camera, serial, store, listener))
                .flatMap(ap -> {
                    listener.onEvent(new ProvisionEvent(camera.name(), ProvisionStep.HOST_JOIN, ap.ssid()));
                    return wifi.join(ap.ssid(), ap.password(), options.hostJoinTimeout());
                });
    }
}
