package io.camrig.http.wifi.nm;

import io.camrig.dbus.DbusValues;
import io.camrig.http.wifi.HostWifiException;
import io.camrig.http.wifi.HostWifiException.Reason;
import io.camrig.http.wifi.HostWifiLink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.freedesktop.dbus.DBusPath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * One join: remember the device's active connection, find the SSID (scanning once when it is not
 * listed), {@code AddAndActivateConnection} with a profile made for it, and follow the activation.
 * On failure or time-out the half-made attempt is undone (deactivated, its profile deleted) and the
 * previous connection re-activated, best effort, before the error is signalled.
 */
final class NmJoin {
    private static final Logger log = LoggerFactory.getLogger(NmJoin.class);
    private static final String OP = "join";

    /** The connection the device had before: its profile and the profile's name. */
    record Previous(String profilePath, String id) {
    }

    private final NmSession session;
    private final NetworkManagerOptions options;
    private final NmScanner scanner;

    NmJoin(NmSession session, NetworkManagerOptions options, NmScanner scanner) {
        this.session = session;
        this.options = options;
        this.scanner = scanner;
    }

    Mono<HostWifiLink> join(String ssid, String password, Duration timeout) {
        if (ssid.isEmpty() || ssid.getBytes(StandardCharsets.UTF_8).length > 32) {
            return Mono.error(new HostWifiException(Reason.NETWORK_NOT_FOUND,
                    "an SSID has 1..32 bytes; no network can be named '" + ssid + "'", ssid, OP, null));
        }
        if (password != null && !NmProfile.validPsk(password)) {
            return Mono.error(new HostWifiException(Reason.WRONG_PASSWORD,
                    "the password is not a WPA2 passphrase (8..63 printable ASCII characters or 64 hex digits)",
                    ssid, OP, null));
        }
        log.debug("joining {} on {} within {} ms", ssid, session.interfaceName(), timeout.toMillis());
        Attempt attempt = new Attempt();
        Duration scanLimit = timeout.compareTo(options.scanTimeout()) < 0 ? timeout : options.scanTimeout();
        return previous()
                .flatMap(prev -> accessPoint(ssid, scanLimit)
                        .flatMap(ap -> activate(ssid, password, ap, prev.orElse(null), attempt)))
                .timeout(timeout)
                // The undo of a refused attempt runs outside the time limit: its reason is the answer.
                .onErrorResume(Refused.class, r -> undo(ssid, r.made, r.previous).then(Mono.error(r.error)))
                .onErrorResume(TimeoutException.class, e -> {
                    HostWifiException error = new HostWifiException(Reason.TIMEOUT, "joining " + ssid
                            + " took longer than " + timeout.toMillis() + " ms", ssid, OP, null);
                    return attempt.abandon()
                            .map(a -> undo(ssid, a, attempt.previous).then(Mono.<HostWifiLink>error(error)))
                            .orElseGet(() -> Mono.error(error));
                })
                .doOnNext(link -> log.debug("joined {} on {}", ssid, session.interfaceName()))
                .doOnError(e -> log.debug("joining {} failed: {}", ssid, e.getMessage()));
    }

    private Mono<Optional<Previous>> previous() {
        return session.call("read the active connection", null, () -> {
            String active = session.pathProperty(session.devicePath(), NmApi.DEVICE, "ActiveConnection");
            if (active == null) {
                return Optional.<Previous>empty();
            }
            try {
                String profile = session.pathProperty(active, NmApi.ACTIVE, "Connection");
                String id = DbusValues.string(session.property(active, NmApi.ACTIVE, "Id"));
                return profile == null ? Optional.<Previous>empty() : Optional.of(new Previous(profile, id));
            } catch (RuntimeException gone) {
                return Optional.<Previous>empty(); // deactivated meanwhile
            }
        });
    }

    private Mono<String> accessPoint(String ssid, Duration scanLimit) {
        return scanner.entries()
                .flatMap(listed -> NmAccessPoints.strongest(listed, ssid).map(e -> Mono.just(e.path()))
                        .orElseGet(() -> scanner.scan(scanLimit).then(scanner.entries())
                                .flatMap(again -> Mono.justOrEmpty(NmAccessPoints.strongest(again, ssid)))
                                .map(NmAccessPoints.Entry::path)))
                .switchIfEmpty(Mono.error(() -> new HostWifiException(Reason.NETWORK_NOT_FOUND,
                        "no access point named " + ssid + " is in range of " + session.interfaceName()
                                + " (after a scan)", ssid, OP, null)));
    }

    private Mono<HostWifiLink> activate(String ssid, String password, String accessPoint, Previous previous,
            Attempt attempt) {
        attempt.previous = previous;
        return Mono.using(() -> NmActivation.watch(session), watch -> session.call("AddAndActivateConnection", ssid,
                        () -> addAndActivate(ssid, password, accessPoint, attempt))
                .flatMap(made -> watch.outcome(made.activeConnection())
                        .flatMap(outcome -> {
                            if (outcome.activated()) {
                                attempt.done();
                                return Mono.just((HostWifiLink) new NmLink(session, options, ssid,
                                        made.profile(), made.activeConnection(), previous));
                            }
                            attempt.done();
                            return Mono.<HostWifiLink>error(new Refused(new HostWifiException(outcome.reason(),
                                    "joining " + ssid + " failed: NetworkManager reason " + outcome.nmReason(), ssid,
                                    OP, null), made, previous));
                        })), NmActivation::dispose);
    }

    /** The call itself, on a blocking thread; its errors are mapped here so that no secret leaves. */
    private Made addAndActivate(String ssid, String password, String accessPoint, Attempt attempt) {
        NmApi.PathPair pair;
        try {
            pair = session.manager().AddAndActivateConnection(NmProfile.settings(ssid, password),
                    new DBusPath(session.devicePath()), new DBusPath(accessPoint));
        } catch (RuntimeException e) {
            throw Secrets.scrub(e, password, ssid, "AddAndActivateConnection");
        }
        Made made = new Made(pair.path.getPath(), pair.activeConnection.getPath());
        if (!attempt.started(made)) {
            // The join timed out while NetworkManager was answering: undo what it made.
            undo(ssid, made, attempt.previous).subscribe();
        }
        return made;
    }

    /** Best effort: deactivate the attempt, delete its profile, re-activate the previous connection. */
    Mono<Void> undo(String ssid, Made made, Previous previous) {
        Mono<Void> deactivate = session.call("DeactivateConnection", ssid, () -> {
            session.manager().DeactivateConnection(new DBusPath(made.activeConnection()));
            return null;
        }).then().onErrorResume(e -> {
            log.debug("deactivating the attempt to join {} failed: {}", ssid, e.getMessage());
            return Mono.empty();
        });
        Mono<Void> delete = session.call("Delete", ssid, () -> {
            session.proxy(made.profile(), NmApi.SettingsConnection.class).Delete();
            return null;
        }).then().onErrorResume(e -> {
            log.warn("could not delete the NetworkManager profile {} made to join {}: {}", made.profile(), ssid,
                    e.getMessage());
            return Mono.empty();
        });
        Mono<Void> reactivate = previous == null ? Mono.empty() : session.call("ActivateConnection", ssid, () -> {
            session.manager().ActivateConnection(new DBusPath(previous.profilePath()),
                    new DBusPath(session.devicePath()), new DBusPath(NmApi.NO_PATH));
            return null;
        }).then().onErrorResume(e -> {
            log.warn("could not re-activate {} after the failed join of {}: {}", previous.id(), ssid, e.getMessage());
            return Mono.empty();
        });
        return deactivate.then(delete).then(reactivate);
    }

    /** NetworkManager ended the activation: carries the error to signal once the attempt is undone. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient HostWifiException error;
        final transient Made made;
        final transient Previous previous;

        Refused(HostWifiException error, Made made, Previous previous) {
            super(error.getMessage(), null, false, false);
            this.error = error;
            this.made = made;
            this.previous = previous;
        }
    }

    /** What {@code AddAndActivateConnection} made: the profile and the active connection. */
    record Made(String profile, String activeConnection) {
    }

    /** Hands what the call made to whoever needs to undo it: the join, or the call after a time-out. */
    private static final class Attempt {
        private Made made;
        private boolean abandoned;
        private boolean finished;
        volatile Previous previous;

        synchronized boolean started(Made m) {
            made = m;
            return !abandoned;
        }

        synchronized void done() {
            finished = true;
        }

        /** Marks the attempt timed out: what it made so far, if the call returned and the outcome is not in yet. */
        synchronized Optional<Made> abandon() {
            abandoned = true;
            return finished ? Optional.empty() : Optional.ofNullable(made);
        }
    }
}
