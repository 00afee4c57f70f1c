package io.camrig.engine.session;

import io.camrig.engine.offload.OffloadCamera;
import io.camrig.engine.offload.OffloadEvent;
import io.camrig.engine.offload.OffloadOptions;
import io.camrig.engine.offload.Offloader;
import io.camrig.engine.rig.FireResult;
import io.camrig.engine.rig.Rig;
import io.camrig.engine.rig.RigMember;
import io.camrig.engine.rig.StepRecord;
import io.camrig.engine.take.OffloadQueue;
import io.camrig.engine.take.TakeCamera;
import io.camrig.engine.take.TakeManifest;
import io.camrig.engine.take.TakeStore;
import io.camrig.http.client.CameraHttpClient;
import io.camrig.http.DownloadProgress;
import io.camrig.http.DownloadResult;
import io.camrig.http.model.MediaFile;
import io.camrig.http.model.PathNames;
import io.camrig.http.wifi.HostWifi;
import io.camrig.proto.error.PermanentCamrigException;
import io.camrig.proto.message.HardwareInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The take of one record cycle: created after the fire (its directory and manifest with the
 * fire's figures and every camera's identity), each camera's new file offloaded into it through
 * the take's {@link OffloadQueue}, the steps' outcomes written at the end.
 */
final class SessionTakes {
    private final TakeStore store;
    private final SessionOptions options;
    private final Optional<HostWifi> wifi;

    SessionTakes(SessionOptions options, Optional<HostWifi> wifi) {
        this.options = options;
        this.wifi = wifi;
        this.store = new TakeStore(options.mediaDir());
    }

    /** {@code true} when cameras are reached over their own APs, joined one at a time. */
    boolean viaAccessPoints() {
        return wifi.isPresent();
    }

    /** Creates the cycle's take with the fire's figures and the cameras that have a safe serial. */
    Mono<OffloadQueue> begin(Rig rig, FireResult fire, Map<RigMember, HardwareInfo> info) {
        return Mono.fromCallable(() -> {
            TakeManifest m = store.create("rig").withFire(figures(fire, rig.members().size()));
            for (RigMember member : rig.members()) {
                HardwareInfo h = info.get(member);
                if (h != null && PathNames.isSafeSegment(h.serialNumber())) {
                    m = m.withCamera(TakeCamera.of(h.serialNumber(), member.advertisedName(), h.modelName(),
                            h.firmwareVersion()).withSettings(Map.of("preset group",
                            String.valueOf(options.presetGroup()))));
                }
            }
            store.write(m);
            return new OffloadQueue(store, m);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Offloads the files {@code select} lists (once the camera is reached) into the take.
     *
     * @return where the verified file is, its size and SHA-256; errors with the camera's typed failure, or a
     *     {@link PermanentCamrigException} when its serial cannot name a directory
     */
    Mono<DownloadResult> offload(OffloadQueue queue, RigMember member, String serial, CameraHttpClient client,
            Function<CameraHttpClient, Mono<List<MediaFile>>> select, Optional<OffloadCamera.ApAccess> ap,
            BiConsumer<RigMember, DownloadProgress> progress) {
        if (!PathNames.isSafeSegment(serial) || queue.manifest().camera(serial).isEmpty()) {
            return Mono.error(new PermanentCamrigException("the camera reports a serial number that cannot name a "
                    + "directory; nothing is written for it", member.advertisedName(), "offload", null));
        }
        Offloader offloader = new Offloader(queue, OffloadOptions.defaults(), wifi);
        OffloadCamera camera = new OffloadCamera(serial, member.advertisedName(), client,
                ap.isPresent() ? OffloadCamera.Link.AP : OffloadCamera.Link.OTHER, ap);
        return offloader.camera(camera, select)
                .concatMap(e -> {
                    if (e instanceof OffloadEvent.Progress p) {
                        progress.accept(member, new DownloadProgress(p.bytesDone(), p.total()));
                    } else if (e instanceof OffloadEvent.Verified v) {
                        progress.accept(member, new DownloadProgress(v.result().bytes(), v.result().bytes(), v.result()));
                        return Mono.just(v.result());
                    } else if (e instanceof OffloadEvent.Failed f) {
                        return Mono.error(f.error());
                    }
                    return Mono.empty();
                })
                .last();
    }

    /** Writes every camera's step outcomes of the cycle into the take's manifest. */
    Mono<TakeManifest> finish(OffloadQueue queue, Rig rig, Map<RigMember, HardwareInfo> info) {
        return Mono.fromCallable(() -> queue.update(m -> {
            TakeManifest out = m;
            for (RigMember member : rig.members()) {
                HardwareInfo h = info.get(member);
                if (h == null) {
                    continue;
                }
                Map<String, String> steps = new LinkedHashMap<>();
                for (StepRecord r : member.log()) {
                    steps.put(r.step(), r.error() == null || r.error().isEmpty() ? r.status()
                            : r.status() + ": " + r.error());
                }
                out = out.updateCamera(h.serialNumber(), c -> {
                    TakeCamera x = c;
                    for (Map.Entry<String, String> s : steps.entrySet()) {
                        x = x.withStep(s.getKey(), s.getValue());
                    }
                    return x;
                });
            }
            return out;
        })).subscribeOn(Schedulers.boundedElastic());
    }

    private static TakeManifest.FireFigures figures(FireResult fire, int cameras) {
        if (fire == null) {
            return null;
        }
        return new TakeManifest.FireFigures(
                fire.fireSkewMicros().isPresent() ? fire.fireSkewMicros().getAsLong() : null,
                fire.predictedSpreadMicros().isPresent() ? fire.predictedSpreadMicros().getAsLong() : null,
                fire.observedSpreadMicros().isPresent() ? fire.observedSpreadMicros().getAsLong() / 1000.0 : null,
                fire.encodingSpreadMicros().isPresent() ? fire.encodingSpreadMicros().getAsLong() / 1000.0 : null,
                fire.shutter().succeeded().size(), cameras);
    }
}
