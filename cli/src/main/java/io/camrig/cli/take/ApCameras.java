package io.camrig.cli.take;

import io.camrig.cli.console.TerminalText;
import io.camrig.cli.rig.ConnectedRig;
import io.camrig.cli.rig.RigCommandSupport;
import io.camrig.cli.rig.RigSourceOptions;
import io.camrig.engine.offload.OffloadCamera;
import io.camrig.engine.take.OffloadQueue;
import io.camrig.engine.take.TakeCamera;
import io.camrig.http.client.CameraHttpClient;
import io.camrig.http.HttpOptions;
import io.camrig.http.address.CameraAddress;
import io.camrig.http.model.PathNames;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code camrig offload --ap}: the cameras found over BLE, each to be reached over its own AP.
 * Over BLE each camera's identity is read (Get Hardware Info, 0x3C), its AP switched on (Set AP
 * Control, 0x17) and its SSID and password read (GP-0002, GP-0003; the password is never
 * printed). Its HTTP address is the AP's {@code http://10.5.5.9:8080} (a simulated camera's own
 * loopback port), the same for every real camera: the offload joins each camera's AP in turn and
 * checks its serial over HTTP before crediting it a file.
 */
final class ApCameras {
    /** How long each recording put on a simulated card lasts, seconds. */
    private static final int RECORDING_SECONDS = 10;

    private ApCameras() {
    }

    /**
     * The simulated rig's cameras start with empty cards: give each one recording to fetch, so
     * {@code camrig offload --ap} on the simulated rig shows the whole path. Each is written as
     * that camera writes its own (model, firmware, serial, {@value #RECORDING_SECONDS} s, its
     * clock in UTC), so the footage facts read after the offload are the camera's.
     */
    static void recordOnSimulatedCards(RigSourceOptions.Source source) {
        source.simulated().ifPresent(rig -> rig.cameras().forEach(c -> {
            Instant now = Instant.now();
            c.sdCard().record(now, new io.camrig.simulator.media.RecordingFacts(c.identity().model().displayName(),
                    c.identity().model().firmwareVersion(), c.identity().serial(),
                    java.time.LocalDateTime.ofInstant(now, java.time.ZoneOffset.UTC),
                    java.time.Duration.ofSeconds(RECORDING_SECONDS)));
        }));
    }


    /** Adds each reachable camera to the take and returns it as an AP camera; says on {@code err} why others are not. */
    static List<OffloadCamera> enroll(RigSourceOptions.Source source, ConnectedRig rig, OffloadQueue queue,
            HttpOptions http, PrintWriter err) {
        List<ConnectedRig.Result<OffloadCamera.ApAccess>> aps = rig.forEach(c -> c.control().setApControl(true)
                .then(c.readApCredentials())
                .map(a -> new OffloadCamera.ApAccess(a.ssid(), a.password())));
        List<OffloadCamera> out = new ArrayList<>();
        for (ConnectedRig.Result<OffloadCamera.ApAccess> r : aps) {
            ConnectedRig.Member m = r.member();
            if (!r.ok() || m.info().isEmpty()) {
                err.println("camrig offload: " + TerminalText.safe(m.name()) + ": "
                        + r.error().map(RigCommandSupport::describe).orElse("no hardware info"));
                continue;
            }
            String serial = m.serial();
            if (!PathNames.isSafeSegment(serial)) {
                err.println("camrig offload: " + TerminalText.safe(m.name()) + " reports a serial number that cannot "
                        + "name a directory (" + TerminalText.safe(serial) + "); skipped");
                continue;
            }
            CameraAddress address = source.simulated().flatMap(s -> s.httpBaseUri(serial)).map(CameraAddress::of)
                    .orElse(CameraAddress.accessPoint());
            queue.ensureCamera(TakeCamera.of(serial, m.name(), m.model(), m.info().get().firmwareVersion()));
            out.add(new OffloadCamera(serial, m.name(), new CameraHttpClient(address, http), OffloadCamera.Link.AP,
                    Optional.of(r.value().orElseThrow())));
        }
        err.flush();
        return out;
    }
}
