package io.camrig.engine.provision;

import io.camrig.engine.camera.Camera;
import io.camrig.engine.error.CameraStatusException;
import io.camrig.proto.pb.NotifStartScanning;
import io.camrig.proto.pb.ScanEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Finds a network among the access points a camera sees: Scan for Access Points (02 02, ended by
 * NotifStartScanning 02 0B), then Get AP Scan Results (02 03) page by page
 * ({@link ProvisioningOptions#scanPageSize()} entries each) until the scan's {@code total_entries}
 * are read or a page comes back empty.
 *
 * <p>Real cameras' scans sometimes return nothing, or end SCANNING_ABORTED_BY_SYSTEM: a scan that
 * does not show the network is repeated after {@link ProvisioningOptions#scanRetryDelay()}, up to
 * {@link ProvisioningOptions#scanAttempts()} scans in all. Errors: {@link NetworkNotFoundException}
 * after the last scan; {@link ProvisioningTimeoutException} (step {@link ProvisionStep#SCAN}) when
 * a scan or a page exceeds its time limit; {@code ConnectionClosedException} when the link drops.
 *
 * <p>Source: Open GoPro BLE spec, "Access Point"; "Protobuf" / ScanEntry.
 */
public final class NetworkScanner {
    private final ProvisioningOptions options;

    public NetworkScanner(ProvisioningOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * The scan entry of {@code ssid} (the strongest when several access points share it).
     *
     * @param listener gets {@link ProvisionStep#SCAN} before each scan ("attempt n of m") and
     *                 {@link ProvisionStep#SCAN_RETRY} before each pause
     */
    public Mono<ScanEntry> find(Camera camera, String ssid, ProvisionListener listener) {
        return attempt(camera, ssid, listener, 1);
    }

    private Mono<ScanEntry> attempt(Camera camera, String ssid, ProvisionListener listener, int n) {
        return Mono.defer(() -> {
            listener.onEvent(new ProvisionEvent(camera.name(), ProvisionStep.SCAN,
                    "attempt " + n + " of " + options.scanAttempts()));
            return scanOnce(camera);
        }).flatMap(entries -> {
            Optional<ScanEntry> found = entries.stream().filter(e -> e.getSsid().equals(ssid))
                    .max(java.util.Comparator.comparingInt(ScanEntry::getSignalStrengthBars));
            if (found.isPresent()) {
                return Mono.just(found.get());
            }
            if (n >= options.scanAttempts()) {
                return Mono.error(new NetworkNotFoundException(camera.name(), ssid, n, entries.size()));
            }
            listener.onEvent(new ProvisionEvent(camera.name(), ProvisionStep.SCAN_RETRY, (entries.isEmpty()
                    ? "the scan found nothing" : "'" + ssid + "' not among " + entries.size() + " networks")
                    + ", again in " + options.scanRetryDelay().toMillis() + " ms"));
            return Mono.delay(options.scanRetryDelay(), options.scheduler())
                    .then(attempt(camera, ssid, listener, n + 1));
        });
    }

    /** One scan and all its pages; an aborted or refused scan counts as one that found nothing. */
    private Mono<List<ScanEntry>> scanOnce(Camera camera) {
        return Steps.limited(camera.network().scan(options.scanTimeout())
                        .flatMap(done -> pages(camera, done, new ArrayList<>()))
                        .onErrorResume(CameraStatusException.class, e -> Mono.just(List.of())),
                camera.name(), ProvisionStep.SCAN, options.scanTimeout());
    }

    private Mono<List<ScanEntry>> pages(Camera camera, NotifStartScanning done, List<ScanEntry> sofar) {
        if (sofar.size() >= done.getTotalEntries()) {
            return Mono.just(sofar);
        }
        return camera.network().scanResults(done.getScanId(), sofar.size(), options.scanPageSize())
                .flatMap(page -> {
                    if (page.isEmpty()) {
                        return Mono.just(sofar);
                    }
                    sofar.addAll(page);
                    return pages(camera, done, sofar);
                });
    }
}
