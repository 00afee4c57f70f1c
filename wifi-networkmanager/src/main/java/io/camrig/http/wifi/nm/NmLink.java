package io.camrig.http.wifi.nm;

import io.camrig.http.wifi.HostWifiException;
import io.camrig.http.wifi.HostWifiException.Reason;
import io.camrig.http.wifi.HostWifiLink;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.freedesktop.dbus.DBusPath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * A joined network: the profile the join made and its active connection, and the profile that was
 * active before. {@link #restore()} deactivates the join, deletes its profile (so no camera password
 * stays in NetworkManager) and re-activates the previous profile, within the restore time limit.
 */
final class NmLink implements HostWifiLink {
    private static final Logger log = LoggerFactory.getLogger(NmLink.class);
    private static final String OP = "restore";

    private final NmSession session;
    private final NetworkManagerOptions options;
    private final String ssid;
    private final String profile;
    private final String activeConnection;
    private final NmJoin.Previous previous;

    NmLink(NmSession session, NetworkManagerOptions options, String ssid, String profile, String activeConnection,
            NmJoin.Previous previous) {
        this.session = session;
        this.options = options;
        this.ssid = ssid;
        this.profile = profile;
        this.activeConnection = activeConnection;
        this.previous = previous;
    }

    @Override
    public String ssid() {
        return ssid;
    }

    /** The previous connection's profile name (NetworkManager's {@code connection.id}). */
    @Override
    public Optional<String> previous() {
        return Optional.ofNullable(previous).map(NmJoin.Previous::id);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Errors: {@code TIMEOUT} after the restore time limit; {@code FAILED} when the profile cannot
     * be deleted; the typed reason of NetworkManager when the previous connection does not come back.
     * Deactivating a connection that is already down is not an error; neither is deleting a profile
     * that is already gone.
     */
    @Override
    public Mono<Void> restore() {
        Mono<Void> deactivate = session.call("DeactivateConnection", ssid, () -> {
            session.manager().DeactivateConnection(new DBusPath(activeConnection));
            return null;
        }).then().onErrorResume(e -> {
            log.debug("{} was already down: {}", ssid, e.getMessage());
            return Mono.empty();
        });
        Mono<Void> delete = session.call("Delete", ssid, () -> {
            session.proxy(profile, NmApi.SettingsConnection.class).Delete();
            return null;
        }).then().onErrorResume(HostWifiException.class, e -> gone(e) ? Mono.empty()
                : Mono.error(new HostWifiException(Reason.FAILED, "could not delete the NetworkManager profile "
                        + profile + " made for " + ssid + ": " + e.getMessage(), ssid, OP, e)));
        Mono<Void> steps = deactivate.then(delete).then(reactivate());
        return Mono.defer(() -> {
                    log.debug("leaving {}; back to {}", ssid, previous().orElse("no connection"));
                    return steps;
                })
                .timeout(options.restoreTimeout())
                .onErrorMap(TimeoutException.class, e -> new HostWifiException(Reason.TIMEOUT, "restoring "
                        + previous().orElse("the host's Wi-Fi") + " after " + ssid + " took longer than "
                        + options.restoreTimeout().toMillis() + " ms", ssid, OP, null));
    }

    private Mono<Void> reactivate() {
        if (previous == null) {
            return Mono.empty();
        }
        return Mono.using(() -> NmActivation.watch(session), watch -> session.call("ActivateConnection", ssid,
                        () -> session.manager().ActivateConnection(new DBusPath(previous.profilePath()),
                                new DBusPath(session.devicePath()), new DBusPath(NmApi.NO_PATH)).getPath())
                .flatMap(watch::outcome)
                .flatMap(o -> o.activated() ? Mono.<Void>empty()
                        : Mono.error(new HostWifiException(o.reason(), "re-activating " + previous.id()
                                + " failed: NetworkManager reason " + o.nmReason(), ssid, OP, null))),
                NmActivation::dispose);
    }

    private static boolean gone(HostWifiException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("UnknownObject") || m.contains("UnknownMethod") || m.contains("UnknownInterface");
    }

    @Override
    public String toString() {
        return "NmLink[ssid=" + ssid + ", profile=" + profile + ", previous=" + previous().orElse("none") + "]";
    }
}
