package io.camrig.engine.provision.cohn;

import io.camrig.engine.camera.Camera;
import io.camrig.engine.credentials.CameraCredentials;
import io.camrig.engine.credentials.CohnCredentials;
import io.camrig.engine.credentials.CredentialStore;
import io.camrig.engine.provision.ProvisionEvent;
import io.camrig.engine.provision.ProvisionListener;
import io.camrig.engine.provision.ProvisionStep;
import io.camrig.engine.provision.ProvisioningOptions;
import io.camrig.engine.provision.Steps;
import io.camrig.proto.pb.NotifyCOHNStatus;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Camera on the home network (COHN) for one camera, with its credentials kept in a
 * {@link CredentialStore} under the camera's serial number.
 *
 * <p>{@link #provision}: the camera must already be on a network in station mode (see
 * {@code NetworkProvisioner}).
 * <ol>
 *   <li>Reuse: when the store has COHN credentials for the camera, and Get COHN Status (F5 6F)
 *       says COHN_PROVISIONED, and Get COHN Certificate (F5 6E) returns the stored root CA, nothing
 *       is created; the entry is refreshed with the status's user, password and IP address.</li>
 *   <li>Otherwise: Set COHN Setting active (F1 65) when the status says COHN is disabled; Create
 *       COHN Certificate (F1 67) with {@code override} (a certificate camrig does not hold is of no
 *       use to it); wait, through the COHN status registration (F5 6F {@code register_cohn_status},
 *       pushes F5 EF), for COHN_PROVISIONED with an IP address, within
 *       {@link ProvisioningOptions#cohnTimeout()}; read the root CA (Get COHN Certificate), and
 *       store user, password, IP address, SSID and root CA.</li>
 * </ol>
 * Errors: {@code ProvisioningTimeoutException} (step {@link ProvisionStep#COHN_WAIT}, or any
 * exchange), {@code CameraStatusException} (the camera refused), {@code CredentialStoreException},
 * {@code ConnectionClosedException}. The COHN password never appears in errors or events.
 *
 * <p>Source: Open GoPro BLE spec, "Camera on the Home Network"; tutorial 9 ("COHN").
 */
public final class CohnProvisioner {
    private final CredentialStore store;
    private final ProvisioningOptions options;
    private final Clock clock;

    public CohnProvisioner(CredentialStore store, ProvisioningOptions options) {
        this(store, options, Clock.systemUTC());
    }

    public CohnProvisioner(CredentialStore store, ProvisioningOptions options, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Provisions COHN on {@code camera} (or reuses what the store holds) and stores the result.
     *
     * @param serial the camera's serial number (Get Hardware Info), the store's key
     * @param ssid   the network the camera is on, used when the status does not name it
     */
    public Mono<CohnResult> provision(Camera camera, String serial, String ssid, ProvisionListener listener) {
        String name = camera.name();
        Mono<Optional<CohnCredentials>> stored = Steps.get(store, serial).map(CameraCredentials::cohn)
                .defaultIfEmpty(Optional.empty());
        return Mono.zip(stored, Steps.limited(camera.cohn().status(), name, ProvisionStep.COHN_WAIT, options.cohnTimeout()))
                .flatMap(t -> {
                    Optional<CohnCredentials> known = t.getT1();
                    NotifyCOHNStatus status = t.getT2();
                    if (known.isEmpty() || !CohnStates.reachable(status)) {
                        return create(camera, serial, ssid, status, listener);
                    }
                    return certificate(camera).flatMap(pem -> CohnStates.samePem(pem, known.get().rootCaPem())
                            ? reuse(camera, serial, known.get(), status, listener)
                            : create(camera, serial, ssid, status, listener));
                });
    }

    /**
     * Clear COHN Certificate (F1 66), then forgets the COHN part of the camera's stored entry (its
     * AP credentials stay).
     */
    public Mono<Void> clear(Camera camera, String serial, ProvisionListener listener) {
        return Steps.limited(camera.cohn().clearCertificate(), camera.name(), ProvisionStep.COHN_CLEARED,
                        options.cohnTimeout())
                .then(Steps.get(store, serial))
                .flatMap(e -> Steps.update(store, serial, c -> c.withoutCohn(clock.instant())))
                .then(Mono.fromRunnable(() -> listener.onEvent(
                        new ProvisionEvent(camera.name(), ProvisionStep.COHN_CLEARED, ""))));
    }

    private Mono<CohnResult> reuse(Camera camera, String serial, CohnCredentials known, NotifyCOHNStatus status,
                                   ProvisionListener listener) {
        CohnCredentials now = credentials(status, known.ssid(), known.rootCaPem());
        return save(serial, now).map(c -> new CohnResult(c, true))
                .doOnNext(r -> listener.onEvent(new ProvisionEvent(camera.name(), ProvisionStep.COHN_REUSED,
                        r.credentials().ipAddress())));
    }

    private Mono<CohnResult> create(Camera camera, String serial, String ssid, NotifyCOHNStatus status,
                                    ProvisionListener listener) {
        String name = camera.name();
        Mono<Void> enable = status.hasEnabled() && !status.getEnabled() ? camera.cohn().setActive(true) : Mono.empty();
        return Mono.fromRunnable(() -> listener.onEvent(new ProvisionEvent(name, ProvisionStep.COHN_CREATE_CERTIFICATE, "")))
                .then(Steps.limited(enable.then(camera.cohn().createCertificate(true)), name,
                        ProvisionStep.COHN_CREATE_CERTIFICATE, options.cohnTimeout()))
                .then(Mono.fromRunnable(() -> listener.onEvent(new ProvisionEvent(name, ProvisionStep.COHN_WAIT, ""))))
                .then(provisioned(camera))
                .flatMap(s -> certificate(camera).map(pem -> credentials(s, ssid, pem)))
                .flatMap(c -> save(serial, c))
                .map(c -> new CohnResult(c, false))
                .doOnNext(r -> listener.onEvent(new ProvisionEvent(name, ProvisionStep.COHN_STORED,
                        r.credentials().ipAddress())));
    }

    /** The first COHN status showing COHN_PROVISIONED with an IP address, within the time limit. */
    private Mono<NotifyCOHNStatus> provisioned(Camera camera) {
        return Steps.limited(camera.cohn().statusUpdates().filter(CohnStates::reachable).next()
                        .timeout(options.cohnTimeout(), options.scheduler()),
                camera.name(), ProvisionStep.COHN_WAIT, options.cohnTimeout());
    }

    private Mono<String> certificate(Camera camera) {
        return Steps.limited(camera.cohn().certificate(), camera.name(), ProvisionStep.COHN_WAIT, options.cohnTimeout());
    }

    private Mono<CohnCredentials> save(String serial, CohnCredentials c) {
        return Steps.update(store, serial, e -> e.withCohn(c, clock.instant())).thenReturn(c);
    }

    private static CohnCredentials credentials(NotifyCOHNStatus s, String ssid, String pem) {
        return new CohnCredentials(s.getUsername(), s.getPassword(), s.getIpaddress(),
                s.getSsid().isBlank() ? ssid : s.getSsid(), pem);
    }
}
