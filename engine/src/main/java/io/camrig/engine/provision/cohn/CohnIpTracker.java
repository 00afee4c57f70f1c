package io.camrig.engine.provision.cohn;

import io.camrig.engine.camera.Camera;
import io.camrig.engine.credentials.CohnCredentials;
import io.camrig.engine.credentials.CredentialStore;
import io.camrig.engine.provision.ProvisionEvent;
import io.camrig.engine.provision.ProvisionListener;
import io.camrig.engine.provision.ProvisionStep;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Keeps a camera's stored COHN IP address current: DHCP may hand the camera another address
 * while it stays provisioned. {@link #follow} registers for COHN status (F5 6F
 * {@code register_cohn_status}, pushes F5 EF) and, whenever a COHN_PROVISIONED status carries an
 * IP address other than the stored one, updates the entry and emits the new credentials.
 *
 * <p>The stream runs until cancelled (which unregisters) or until the camera's link drops (it
 * errors with {@code ConnectionClosedException}). A camera without stored COHN credentials is
 * left alone: nothing is stored for it.
 *
 * <p>Source: Open GoPro BLE spec, "Camera on the Home Network" / NotifyCOHNStatus.
 */
public final class CohnIpTracker {
    private final CredentialStore store;
    private final Clock clock;

    public CohnIpTracker(CredentialStore store) {
        this(store, Clock.systemUTC());
    }

    public CohnIpTracker(CredentialStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The camera's credentials each time their IP address changes; see the class description. */
    public Flux<CohnCredentials> follow(Camera camera, String serial, ProvisionListener listener) {
        return camera.cohn().statusUpdates()
                .filter(CohnStates::reachable)
                .map(s -> s.getIpaddress())
                .distinctUntilChanged()
                .concatMap(ip -> Mono.fromCallable(() -> changeIp(serial, ip)).subscribeOn(Schedulers.boundedElastic()))
                .doOnNext(c -> listener.onEvent(new ProvisionEvent(camera.name(), ProvisionStep.COHN_IP_CHANGED,
                        c.ipAddress())));
    }

    /** The updated credentials, or {@code null} (nothing emitted) when nothing changed. */
    private CohnCredentials changeIp(String serial, String ip) {
        if (store.get(serial).flatMap(e -> e.cohn()).isEmpty()) {
            return null;
        }
        AtomicReference<CohnCredentials> changed = new AtomicReference<>();
        store.update(serial, e -> e.cohn().filter(c -> !c.ipAddress().equals(ip)).map(c -> {
            CohnCredentials next = c.withIpAddress(ip);
            changed.set(next);
            return e.withCohn(next, clock.instant());
        }).orElse(e));
        return changed.get();
    }
}
