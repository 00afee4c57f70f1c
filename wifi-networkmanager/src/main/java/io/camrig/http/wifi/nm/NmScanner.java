package io.camrig.http.wifi.nm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.DBusPath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Scans on the session's Wi-Fi device and lists what it sees. A scan is {@code
 * Device.Wireless.RequestScan}; it has finished when {@code LastScan} changes (NM 1.12+). A refused
 * request ({@code Device.NotAllowed}: a scan is running or the last one was moments ago) still waits
 * for that scan's end; without a {@code LastScan} change the wait ends at the time limit and the list
 * is what the device saw last.
 */
final class NmScanner {
    private static final Logger log = LoggerFactory.getLogger(NmScanner.class);

    private final NmSession session;

    NmScanner(NmSession session) {
        this.session = session;
    }

    /** Requests a scan and completes when it finished or after {@code limit}; never errors for a refused request. */
    Mono<Void> scan(Duration limit) {
        return Mono.using(() -> {
            Sinks.One<Boolean> done = Sinks.one();
            return new Watch(done, session.listen(s -> {
                if (s instanceof NmSession.LastScan l && l.path().equals(session.devicePath())) {
                    done.tryEmitValue(Boolean.TRUE);
                }
            }));
        }, watch -> session.call("RequestScan", null, () -> {
                    session.proxy(session.devicePath(), NmApi.Wireless.class).RequestScan(Map.of());
                    return Boolean.TRUE;
                })
                .onErrorResume(e -> {
                    log.debug("NetworkManager refused a scan on {}: {}", session.interfaceName(), e.getMessage());
                    return Mono.just(Boolean.FALSE);
                })
                .then(watch.done.asMono().timeout(limit, Mono.just(Boolean.FALSE)))
                .then(), Watch::dispose);
    }

    /** Every access point the device sees with an SSID; one that vanishes while being read is left out. */
    Mono<List<NmAccessPoints.Entry>> entries() {
        return session.call("GetAllAccessPoints", null, () -> {
            List<NmAccessPoints.Entry> out = new ArrayList<>();
            for (DBusPath path : session.proxy(session.devicePath(), NmApi.Wireless.class).GetAllAccessPoints()) {
                try {
                    NmAccessPoints.of(session.properties(path.getPath(), NmApi.ACCESS_POINT))
                            .ifPresent(ap -> out.add(new NmAccessPoints.Entry(path.getPath(), ap)));
                } catch (RuntimeException gone) {
                    log.debug("access point {} vanished while being read: {}", path.getPath(), gone.toString());
                }
            }
            return out;
        });
    }

    private record Watch(Sinks.One<Boolean> done, reactor.core.Disposable listening) {
        void dispose() {
            listening.dispose();
        }
    }
}
