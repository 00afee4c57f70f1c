package io.camrig.cluster.take;

import io.camrig.cluster.coordinator.DistributedRig;
import io.camrig.cluster.coordinator.FireFigures;
import io.camrig.cluster.coordinator.OffloadResult;
import io.camrig.cluster.wire.Presence;
import io.camrig.engine.rig.FireResult;
import io.camrig.engine.rig.Outcome;
import io.camrig.engine.rig.RigMember;
import io.camrig.engine.rig.StepRecord;
import io.camrig.engine.sync.CameraStart;
import io.camrig.engine.sync.ManifestFacts;
import io.camrig.engine.sync.SyncTolerance;
import io.camrig.engine.sync.TakeSync;
import io.camrig.engine.take.TakeCamera;
import io.camrig.engine.take.TakeFile;
import io.camrig.engine.take.TakeManifest;
import io.camrig.engine.take.TakeStore;
import io.camrig.http.model.PathNames;
import io.camrig.http.model.Recording;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One take on a rig across hosts, as on one host: after the fire, the coordinator creates the take
 * ({@code <media-dir>/<take>/take.json}, id {@code yyyyMMdd-HHmmss}) with the fire's figures, the
 * cross-node figures (extension {@code crossNode}) and every camera with its {@code node}; asks
 * every node to offload its cameras into its own media directory under the same take id
 * ({@link DistributedRig#offload}); then replaces the manifest, atomically, with what each node
 * stored (files with SHA-256 and footage facts), each camera's step outcomes (a camera whose node
 * was lost: {@code offload} failed with {@code NodeGoneException}), and the take's sync across all
 * nodes' cameras (extension {@code sync}; a camera whose footage disagrees with the fire is flagged
 * late, as on one host).
 *
 * <p>Footage is compared with the fire on each camera's own clock (the nodes set none): the
 * cameras' clocks must agree to the frame for the footage spread to mean the fire's, which a rig
 * gets by setting them from NTP-synchronised hosts.
 */
public final class ClusterTake {
    private final TakeStore store;
    private final String rigId;
    private final SyncTolerance tolerance;
    private final Duration offloadLimit;

    /**
     * @param store        the coordinator's media directory
     * @param rigId        the rig's id in the manifest
     * @param tolerance    when a camera is flagged late
     * @param offloadLimit how long a node may take to answer the offload before its cameras fail
     */
    public ClusterTake(TakeStore store, String rigId, SyncTolerance tolerance, Duration offloadLimit) {
        this.store = Objects.requireNonNull(store, "store");
        this.rigId = Objects.requireNonNull(rigId, "rigId");
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
        this.offloadLimit = Objects.requireNonNull(offloadLimit, "offloadLimit");
    }

    /**
     * Writes the take of the fire {@code on} (the shutter already off), offloads it on every node
     * and writes its final manifest.
     *
     * @param figures the cross-node figures of the fire {@code on} ({@link DistributedRig#lastFire()}
     *                right after it), when known
     * @return the final manifest; errors only when the coordinator's media directory cannot be written
     */
    public Mono<TakeManifest> record(DistributedRig rig, FireResult on, Optional<FireFigures> figures) {
        return Mono.fromCallable(() -> begin(rig, on, figures))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(m -> rig.offload(m.takeId(), offloadLimit, recorded(rig, on))
                        .publishOn(Schedulers.boundedElastic())
                        .map(stored -> finish(rig, on, m, stored)));
    }

    /** The cameras whose shutter-on succeeded: only their newest files are of this take. */
    private static java.util.Set<RigMember> recorded(DistributedRig rig, FireResult on) {
        return rig.members().stream().filter(m -> on.shutter().value(m).isPresent())
                .collect(java.util.stream.Collectors.toSet());
    }

    private TakeManifest begin(DistributedRig rig, FireResult on, Optional<FireFigures> figures) {
        TakeManifest m = store.create(rigId).withFire(TakeManifest.FireFigures.of(on, rig.members().size()))
                .withExtension("crossNode", CrossNode.of(rig, figures));
        for (RigMember member : rig.members()) {
            m = m.withCamera(identity(rig, member));
        }
        store.write(m);
        return m;
    }

    /** The camera as its node announced it; a camera without a readable serial is named by node and name. */
    private static TakeCamera identity(DistributedRig rig, RigMember m) {
        Optional<Presence.CameraRef> ref = rig.camera(m);
        String serial = ref.map(Presence.CameraRef::serial).filter(PathNames::isSafeSegment)
                .orElse((m.node().orElseThrow() + "-" + m.advertisedName()).replaceAll("[^A-Za-z0-9_-]", "_"));
        return TakeCamera.of(serial, m.advertisedName(), ref.map(Presence.CameraRef::model).orElse(""),
                ref.map(Presence.CameraRef::firmware).orElse("")).withNode(m.node().orElseThrow());
    }

    private TakeManifest finish(DistributedRig rig, FireResult on, TakeManifest begun, OffloadResult stored) {
        List<TakeCamera> cameras = new ArrayList<>();
        List<CameraStart> starts = new ArrayList<>();
        for (RigMember m : rig.members()) {
            TakeCamera c = stored.camera(m).orElseGet(() -> identity(rig, m));
            for (StepRecord r : m.log()) {
                c = c.withStep(r.step(), r.status().equals("failed") ? "failed: " + r.error() + ": " + r.detail() : r.status());
            }
            cameras.add(c);
            starts.add(start(m, c, on, stored.outcomes().outcomes().get(m)));
        }
        TakeSync sync = TakeSync.of(starts, tolerance);
        for (int i = 0; i < cameras.size(); i++) {
            ManifestFacts.Start s = ManifestFacts.start(sync.cameras().get(i));
            cameras.set(i, cameras.get(i).withStart(s.offsetMillis(), s.late(), s.late() ? s.reason() : null)
                    .withStartUnknown(s.startUnknown()));
        }
        Map<String, Object> extensions = new java.util.LinkedHashMap<>(begun.extensions());
        extensions.put("sync", ManifestFacts.take(sync));
        TakeManifest out = new TakeManifest(begun.schema(), begun.rigId(), begun.takeId(), begun.createdAt(), begun.fire(),
                cameras, extensions);
        store.write(out);
        return out;
    }

    /**
     * The camera's start per the fire (its encoding instant from T) and per its footage: the
     * timecode of its recording's first chapter (the lowest chapter number; its first file when
     * the names are not chapters'), unknown when that is not chapter 01 ({@link CameraStart#footageFrom}).
     */
    private static CameraStart start(RigMember m, TakeCamera c, FireResult on, Outcome<Void> offload) {
        OptionalLong fire = on.shutter().value(m).isPresent() && on.encoding().value(m).isPresent()
                ? OptionalLong.of(on.encoding().value(m).get().toNanos()) : OptionalLong.empty();
        List<String> notes = new ArrayList<>();
        if (offload instanceof Outcome.Failed<Void> f) {
            notes.add("offload failed: " + f.cause().getMessage());
        }
        // The recording's first chapter: a later one's timecode starts minutes after the fire.
        Optional<TakeFile> first = Recording.firstChapter(
                c.files().stream().filter(f -> f.companionOf() == null).toList(), TakeFile::name);
        CameraStart start = new CameraStart(m.node().orElseThrow() + "/" + m.advertisedName(), c.serial(), fire,
                first.flatMap(f -> ManifestFacts.timecode(f.footage())), Optional.empty(), notes);
        return first.map(f -> start.footageFrom(f.name())).orElse(start);
    }

    /** The fire's cross-node figures, for the manifest's {@code crossNode} extension. */
    static final class CrossNode {
        private CrossNode() {
        }

        static Map<String, Object> of(DistributedRig rig, Optional<FireFigures> f) {
            Map<String, Object> x = new java.util.LinkedHashMap<>();
            x.put("nodes", rig.nodes());
            x.put("brokerRttP50Ms", rig.brokerRoundTrips().percentile(50) / 1e6);
            x.put("brokerRttP99Ms", rig.brokerRoundTrips().percentile(99) / 1e6);
            f.ifPresent(fire -> {
                x.put("fireLeadMs", fire.leadNanos() / 1e6);
                fire.writeSpreadNanos().ifPresent(v -> x.put("writeSpreadMs", v / 1e6));
                fire.hostArrivalSpreadNanos().ifPresent(v -> x.put("hostArrivalSpreadMs", v / 1e6));
                Map<String, Object> clocks = new java.util.LinkedHashMap<>();
                fire.clocks().forEach((node, c) -> clocks.put(node, Map.of("offsetMs", c.offsetNanos() / 1e6,
                        "uncertaintyMs", c.uncertaintyNanos() / 1e6)));
                x.put("clocks", clocks);
            });
            return x;
        }
    }
}
