package io.camrig.cluster.node;

import io.camrig.engine.offload.OffloadCamera;
import io.camrig.engine.provision.AccessPointMode;
import io.camrig.engine.provision.ProvisionListener;
import io.camrig.engine.provision.ProvisioningOptions;
import io.camrig.engine.rig.RigMember;
import io.camrig.http.address.CameraAddress;
import io.camrig.http.client.CameraHttpClient;
import io.camrig.proto.error.PermanentCamrigException;
import java.util.Optional;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * How a node reaches one camera's HTTP for an offload ({@link NodeMedia}): over COHN when its
 * COHN credentials are known ({@link OffloadCamera.Link#COHN}), directly when the node places it
 * ({@link OffloadCamera.Link#OTHER}), else over its own AP ({@link OffloadCamera.Link#AP}): AP
 * switched on over BLE (Set AP Control, 0x17) and awaited (status 69, {@link AccessPointMode}),
 * SSID and password read (GP-0002, GP-0003) and
 * handed to the {@link io.camrig.engine.offload.Offloader}, which joins through the node's host
 * Wi-Fi one camera at a time and checks the serial over HTTP before crediting a file. The
 * password is never logged or put in an error.
 */
final class NodeLinks {
    private static final AccessPointMode AP_MODE = new AccessPointMode(ProvisioningOptions.defaults());
    private final String node;
    private final NodeMedia media;

    NodeLinks(String node, NodeMedia media) {
        this.node = node;
        this.media = media;
    }

    /**
     * The camera as the offloader reaches it.
     *
     * @return errors with {@link PermanentCamrigException} when no way to it is known, or with the
     *     BLE step's error when its AP cannot be switched on or read
     */
    Mono<OffloadCamera> reach(RigMember m, String serial) {
        return Mono.fromCallable(() -> media.cohn().resolve(serial).map(a -> camera(m, serial, a, OffloadCamera.Link.COHN))
                        .or(() -> media.http().resolve(serial).map(a -> camera(m, serial, a, OffloadCamera.Link.OTHER))))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(direct -> direct.isPresent() ? Mono.just(direct.get()) : overAccessPoint(m, serial));
    }

    private Mono<OffloadCamera> overAccessPoint(RigMember m, String serial) {
        if (media.wifi().isEmpty()) {
            return Mono.error(new PermanentCamrigException("no HTTP address for this camera on node " + node
                    + ": no COHN credentials stored for it and no host Wi-Fi to join its AP", m.advertisedName(),
                    "resolve HTTP address", null));
        }
        return m.currentCamera()
                // Set AP Control is acknowledged before the radio is up: wait for status 69 "AP Mode" before any join.
                .flatMap(c -> AP_MODE.set(c, true, ProvisionListener.none()).then(c.readApCredentials()))
                .flatMap(ap -> Mono.fromCallable(() -> {
                    CameraAddress address = media.apAddress().resolve(serial).orElseGet(CameraAddress::accessPoint);
                    return new OffloadCamera(serial, m.advertisedName(), new CameraHttpClient(address, media.httpOptions()),
                            OffloadCamera.Link.AP, Optional.of(new OffloadCamera.ApAccess(ap.ssid(), ap.password())));
                }).subscribeOn(Schedulers.boundedElastic()));
    }

    private OffloadCamera camera(RigMember m, String serial, CameraAddress address, OffloadCamera.Link link) {
        return OffloadCamera.of(serial, m.advertisedName(), new CameraHttpClient(address, media.httpOptions()), link);
    }
}
