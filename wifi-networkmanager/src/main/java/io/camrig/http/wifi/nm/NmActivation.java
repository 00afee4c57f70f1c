package io.camrig.http.wifi.nm;

import io.camrig.dbus.DbusValues;
import io.camrig.http.wifi.HostWifiException.Reason;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Follows one activation on the session's device to its end. Start watching before the call that
 * activates (so no state change is missed, even one sent before the call's reply), then ask for the
 * {@link #outcome} of the active connection the call returned.
 *
 * <p>The activation is up when the active connection reaches ACTIVATED (2) or the device reaches
 * ACTIVATED (100) with that connection. It failed when the device reaches FAILED (120), when it
 * enters NEED_AUTH (60) because the network refused the secrets (reason NO_SECRETS or
 * SUPPLICANT_DISCONNECT: NetworkManager would now ask a secret agent, which a headless host does
 * not have), or when the active connection reaches DEACTIVATED (4).
 */
final class NmActivation implements Disposable {
    /** How an activation ended: up, or down with a typed reason and NetworkManager's reason name. */
    record Outcome(boolean activated, Reason reason, String nmReason) {
        static final Outcome UP = new Outcome(true, null, null);

        static Outcome device(int reason) {
            return new Outcome(false, NmReasons.ofDevice(reason), NmReasons.deviceName(reason));
        }
    }

    private final NmSession session;
    private final Sinks.Many<NmSession.Signal> signals = Sinks.many().replay().all();
    private final Disposable listening;

    private NmActivation(NmSession session) {
        this.session = session;
        this.listening = session.listen(s -> signals.tryEmitNext(s));
    }

    /** Starts recording the signals of the session's bus. */
    static NmActivation watch(NmSession session) {
        return new NmActivation(session);
    }

    /** How the activation of {@code activePath} ends; never completes empty, has no time limit of its own. */
    Mono<Outcome> outcome(String activePath) {
        Mono<Outcome> now = Mono.fromCallable(() -> current(activePath)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(o -> o);
        Flux<Outcome> later = signals.asFlux().concatMap(s -> decide(s, activePath));
        return Flux.concat(now, later).next();
    }

    @Override
    public void dispose() {
        listening.dispose();
        signals.tryEmitComplete();
    }

    @Override
    public boolean isDisposed() {
        return listening.isDisposed();
    }

    /** The active connection's state as it is now, when that already decides. */
    private Mono<Outcome> current(String activePath) {
        int state;
        try {
            state = DbusValues.integer(session.property(activePath, NmApi.ACTIVE, "State"), -1);
        } catch (RuntimeException gone) {
            return Mono.empty(); // removed already: the device's signals tell why
        }
        return stateOf(state, 0);
    }

    private Mono<Outcome> decide(NmSession.Signal signal, String activePath) {
        if (signal instanceof NmSession.ActiveState a && a.path().equals(activePath)) {
            return stateOf(a.state(), a.reason());
        }
        if (signal instanceof NmSession.DeviceState d && d.path().equals(session.devicePath())) {
            if (d.newState() == NmApi.DEVICE_FAILED) {
                return Mono.just(Outcome.device(d.reason()));
            }
            if (d.newState() == NmApi.DEVICE_NEED_AUTH && NmReasons.refusedOnNeedAuth(d.reason())) {
                return Mono.just(new Outcome(false, Reason.WRONG_PASSWORD, NmReasons.deviceName(d.reason())));
            }
            if (d.newState() == NmApi.DEVICE_ACTIVATED) {
                return blocking(() -> activePath.equals(
                        session.pathProperty(session.devicePath(), NmApi.DEVICE, "ActiveConnection"))
                        ? Outcome.UP : null);
            }
        }
        return Mono.empty();
    }

    private Mono<Outcome> stateOf(int state, int activeReason) {
        if (state == NmApi.ACTIVE_ACTIVATED) {
            return Mono.just(Outcome.UP);
        }
        if (state == NmApi.ACTIVE_DEACTIVATED) {
            // The device's reason is the more precise one (SSID_NOT_FOUND, NO_SECRETS …).
            return blocking(() -> {
                int deviceReason = deviceReason();
                return NmReasons.specific(deviceReason) ? Outcome.device(deviceReason)
                        : new Outcome(false, NmReasons.ofActive(activeReason), NmReasons.activeName(activeReason));
            });
        }
        return Mono.empty();
    }

    private int deviceReason() {
        try {
            // StateReason (uu): (state, reason)
            return DbusValues.integer(DbusValues.member(
                    session.property(session.devicePath(), NmApi.DEVICE, "StateReason"), 1), -1);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static Mono<Outcome> blocking(java.util.concurrent.Callable<Outcome> read) {
        return Mono.fromCallable(read).subscribeOn(Schedulers.boundedElastic()).onErrorResume(e -> Mono.empty());
    }
}
