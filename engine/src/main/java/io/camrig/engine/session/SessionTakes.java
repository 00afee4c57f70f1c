package io.camrig.engine.session;

import io.camrig.engine.offload.OffloadCamera;
import io.camrig.engine.offload.OffloadEvent;
import io.camrig.engine.offload.OffloadOptions;
import io.camrig.engine.offload.Offloader;
import io.camrig.engine.rig.FireResult;
import io.camrig.engine.rig.Rig;
import io.camrig.engine.rig.RigMember;
import io.camrig.engine.rig.StepRecord;
import io.camrig.engine.sync.ManifestFacts;
import io.camrig.engine.sync.TakeSync;
import io.camrig.engine.camera.SettingValue;
import io.camrig.engine.take.OffloadQueue;
import io.camrig.engine.take.TakeCamera;
import io.camrig.engine.take.TakeFile;
import io.camrig.engine.take.TakeManifest;
import io.camrig.engine.take.TakeSetting;
import io.camrig.engine.take.TakeStore;
import io.camrig.http.client.CameraHttpClient;
import io.camrig.http.DownloadProgress;
import io.camrig.http.DownloadResult;
import io.camrig.http.model.MediaFile;
import io.camrig.http.model.Recording;
import io.camrig.http.model.PathNames;
import io.camrig.http.wifi.HostWifi;
import io.camrig.proto.error.PermanentCamrigException;
import io.camrig.proto.message.HardwareInfo;
import java.nio.file.Path;
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
 * fire's figures, every camera's identity and the settings it reported in force), each camera's
 * new recording (every chapter) offloaded into it through the take's {@link OffloadQueue}; at the end, once the
 * footage is read, the steps' outcomes, the footage facts, each camera's start and late flag and
 * the take's sync, written together in one atomic replacement of the manifest.
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
    Mono<OffloadQueue> begin(Rig rig, FireResult fire, Map<RigMember, HardwareInfo> info,
            Map<RigMember, List<SettingValue>> settings) {
        return Mono.fromCallable(() -> {
            TakeManifest m = store.create("rig").withFire(TakeManifest.FireFigures.of(fire, rig.members().size()));
            for (RigMember member : rig.members()) {
                HardwareInfo h = info.get(member);
                if (h != null && PathNames.isSafeSegment(h.serialNumber())) {
                    m = m.withCamera(TakeCamera.of(h.serialNumber(), member.advertisedName(), h.modelName(),
                            h.firmwareVersion()).withSettings(Map.of("preset group",
                            String.valueOf(options.presetGroup()))).withSettingsInForce(inForce(settings.get(member))));
                }
            }
            store.write(m);
            return new OffloadQueue(store, m);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Offloads the recording {@code select} gives (once the camera is reached: its chapters, or a
     * group's photos queued as its members) into the take.
     *
     * @return every verified file, where it is, its size and SHA-256, in the order verified; errors
     *     with the camera's typed failure (its first failed file's), or a {@link
     *     PermanentCamrigException} when its serial cannot name a directory or nothing was offloaded
     */
    Mono<List<DownloadResult>> offload(OffloadQueue queue, RigMember member, String serial, CameraHttpClient client,
            Function<CameraHttpClient, Mono<Recording>> select, Optional<OffloadCamera.ApAccess> ap,
            BiConsumer<RigMember, DownloadProgress> progress) {
        if (!PathNames.isSafeSegment(serial) || queue.manifest().camera(serial).isEmpty()) {
            return Mono.error(new PermanentCamrigException("the camera reports a serial number that cannot name a "
                    + "directory; nothing is written for it", member.advertisedName(), "offload", null));
        }
        Offloader offloader = new Offloader(queue, OffloadOptions.defaults(), wifi);
        OffloadCamera camera = new OffloadCamera(serial, member.advertisedName(), client,
                ap.isPresent() ? OffloadCamera.Link.AP : OffloadCamera.Link.OTHER, ap);
        return offloader.recording(camera, select)
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
                .collectList()
                .flatMap(verified -> verified.isEmpty() ? Mono.error(new PermanentCamrigException(
                        "no file was offloaded", member.advertisedName(), "offload", null)) : Mono.just(verified));
    }

    /**
     * Writes, in one atomic replacement of the manifest, every camera's step outcomes of the cycle,
     * the facts read from each file it downloaded ({@link ManifestFacts#footage}, or {@code
     * {"error": …}} when the file could not be read), its start and late flag from the take's sync
     * ({@link ManifestFacts#start}), and the take's sync under the take-level extension {@code sync}.
     *
     * @param fresh the files downloaded in this cycle, by member: each recording's first chapter,
     *     whose footage gives the camera's start
     * @param footage what was read from them, by member
     * @param sync the take's sync, one line per rig member in rig order
     */
    Mono<TakeManifest> finish(OffloadQueue queue, Rig rig, Map<RigMember, HardwareInfo> info,
            Map<RigMember, Path> fresh, Map<RigMember, TakeCheck.Footage> footage, TakeSync sync) {
        return Mono.fromCallable(() -> queue.update(m -> {
            Path takeDir = store.takeDir(m.takeId());
            TakeManifest out = m.withExtension("sync", ManifestFacts.take(sync));
            List<RigMember> members = rig.members();
            for (int i = 0; i < members.size(); i++) {
                RigMember member = members.get(i);
                HardwareInfo h = info.get(member);
                if (h == null) {
                    continue;
                }
                Map<String, String> steps = new LinkedHashMap<>();
                for (StepRecord r : member.log()) {
                    steps.put(r.step(), r.error() == null || r.error().isEmpty() ? r.status()
                            : r.status() + ": " + r.error());
                }
                ManifestFacts.Start start = i < sync.cameras().size() ? ManifestFacts.start(sync.cameras().get(i)) : null;
                Path file = fresh.get(member);
                TakeCheck.Footage read = footage.get(member);
                out = out.updateCamera(h.serialNumber(), c -> {
                    TakeCamera x = c;
                    for (Map.Entry<String, String> s : steps.entrySet()) {
                        x = x.withStep(s.getKey(), s.getValue());
                    }
                    if (start != null) {
                        x = x.withStart(start.offsetMillis(), start.late(), start.late() ? start.reason() : null)
                                .withStartUnknown(start.startUnknown());
                    }
                    if (file != null && read != null && (read.facts().isPresent() || !read.error().isEmpty())) {
                        String relative = takeDir.relativize(file).toString();
                        Map<String, Object> facts = read.facts().map(ManifestFacts::footage)
                                .orElseGet(() -> Map.of("error", read.error()));
                        for (TakeFile f : x.files()) {
                            if (relative.equals(f.path())) {
                                x = x.withFile(f.withFootage(facts));
                            }
                        }
                    }
                    return x;
                });
            }
            return out;
        })).subscribeOn(Schedulers.boundedElastic());
    }

    /** The values a camera reported, as the manifest records them; empty when not read. */
    static List<TakeSetting> inForce(List<SettingValue> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().sorted(java.util.Comparator.comparingInt(SettingValue::settingId))
                .map(v -> new TakeSetting(v.settingId(), v.settingName(), v.value(),
                        v.option().map(o -> o.name()).orElse(null)))
                .toList();
    }
}
