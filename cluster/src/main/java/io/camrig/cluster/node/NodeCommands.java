package io.camrig.cluster.node;

import io.camrig.cluster.ClockUntrustedException;
import io.camrig.cluster.clock.OffsetEstimator;
import io.camrig.cluster.wire.CameraEntry;
import io.camrig.cluster.wire.Command;
import io.camrig.cluster.wire.Reply;
import io.camrig.engine.error.ConnectionClosedException;
import io.camrig.engine.rig.Rig;
import io.camrig.engine.rig.RigMember;
import io.camrig.proto.error.PermanentCamrigException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Runs one coordinator {@link Command} on the node's rig and makes its {@link Reply}. */
final class NodeCommands {
    private final String node;
    private final Rig rig;
    private final ClockSync clock;
    private final int armExchanges;
    private final NodeOffload offload;
    private final CameraClocks cameraClocks;
    private volatile long armedLimitNanos = Long.MAX_VALUE;

    NodeCommands(String node, Rig rig, ClockSync clock, int armExchanges, NodeOffload offload, CameraClocks cameraClocks) {
        this.node = node;
        this.rig = rig;
        this.clock = clock;
        this.armExchanges = armExchanges;
        this.offload = offload;
        this.cameraClocks = cameraClocks;
    }

    /** A fire was made: the cameras now record ({@code on}) or not, which decides whether their clocks may be set. */
    void fired(boolean on) {
        cameraClocks.fired(on);
    }

    /** The clock limit of the last arm (a fire checks the estimate against it again). */
    long armedLimitNanos() {
        return armedLimitNanos;
    }

    Mono<Reply> run(Command c) {
        return switch (c.op()) {
            case "ping" -> Mono.just(reply(c, List.of(), null));
            case "connect" -> Mono.fromSupplier(() -> reply(c, rig.members().stream().map(this::connected).toList(), null));
            case "statuses" -> rig.registerStatusUpdates(ints(c.args()))
                    .map(r -> reply(c, Entries.of(r, null, null), null));
            case "claim-control" -> rig.claimControl().map(r -> reply(c, Entries.of(r, null, null), null));
            case "latency" -> rig.measureLatency(c.args().isEmpty() ? 8 : c.args().get(0).intValue())
                    .map(r -> reply(c, Entries.of(r, (m, v) -> v, null), null));
            case "keep-alive" -> Mono.fromSupplier(() -> reply(c, rig.members().stream().map(this::connected).toList(), null));
            case "recover" -> rig.recover().map(x -> reply(c, rig.members().stream().map(this::connected).toList(), null));
            case "arm" -> arm(c);
            case "set-setting" -> perCamera(c, "set setting", cam -> io.camrig.proto.catalog.Setting.of(c.args().get(0).intValue())
                    .map(setting -> cam.settings().set(setting, c.args().get(1)))
                    .orElseGet(() -> Mono.error(new PermanentCamrigException("unknown setting id " + c.args().get(0),
                            null, "set setting", null))));
            case "load-preset-group" -> perCamera(c, "load preset group", cam -> cam.presets().loadGroup(c.args().get(0).intValue()));
            case "load-preset" -> perCamera(c, "load preset", cam -> cam.presets().load(c.args().get(0)));
            case "offload" -> offload.offload(c);
            default -> Mono.just(reply(c, Entries.allFailed(rig.members(),
                    new PermanentCamrigException("unknown command op '" + c.op().replaceAll("[^ -~]", "?") + "'",
                            null, "command", null)), null));
        };
    }

    /** A camera operation with arguments on every healthy camera; a missing argument fails every camera. */
    private Mono<Reply> perCamera(Command c, String step, java.util.function.Function<io.camrig.engine.camera.Camera,
            Mono<Void>> op) {
        int needed = c.op().equals("set-setting") ? 2 : 1;
        if (c.args().size() < needed) {
            return Mono.just(reply(c, Entries.allFailed(rig.members(), new PermanentCamrigException(
                    c.op() + " needs " + needed + " argument(s)", null, step, null)), null));
        }
        return rig.forEach(step, cam -> op.apply(cam).thenReturn(Boolean.TRUE)).map(r -> reply(c, Entries.of(r, null, null), null));
    }

    /**
     * Fresh clock exchanges (half of {@code armExchanges} at least, up to twice it while the
     * estimate is not within 80 % of the limit: the fire checks it again at T, later);
     * refuses (every camera failed, with the figures) above the limit. Accepted, it sets the
     * cameras' clocks from the coordinator's time first when due ({@link CameraClocks#beforeTake}).
     */
    private Mono<Reply> arm(Command c) {
        long target = c.clockLimitNanos() / 5 * 4;
        return clock.burstUntil(Math.max(1, armExchanges / 2), 2 * armExchanges, target).publishOn(Schedulers.boundedElastic()).flatMap(est -> {
            armedLimitNanos = c.clockLimitNanos();
            Reply.ClockFigures figures = figures(est);
            Optional<String> refusal = refusal(est, c.clockLimitNanos());
            if (refusal.isPresent()) {
                return Mono.just(reply(c, Entries.allFailed(rig.members(),
                        new ClockUntrustedException(refusal.get(), null, "arm")), figures));
            }
            return cameraClocks.beforeTake(est.get())
                    .then(Mono.fromSupplier(() -> reply(c, rig.members().stream().map(this::connected).toList(), figures)));
        });
    }

    /** Why this node's clock may not be trusted at {@code limit}, if so. */
    Optional<String> refusal(Optional<OffsetEstimator.Estimate> est, long limitNanos) {
        if (est.isEmpty()) {
            return Optional.of("clock of node " + node + " not trusted: no clock exchange with the coordinator answered");
        }
        OffsetEstimator.Estimate e = est.get();
        return e.uncertaintyNanos() > limitNanos
                ? Optional.of(ClockUntrustedException.describe(node, e.offsetNanos(), e.uncertaintyNanos(), limitNanos))
                : Optional.empty();
    }

    static Reply.ClockFigures figures(Optional<OffsetEstimator.Estimate> est) {
        OptionalLong chrony = io.camrig.cluster.clock.Chrony.trackingOffsetNanos();
        return est.map(e -> new Reply.ClockFigures(e.offsetNanos(), e.uncertaintyNanos(), e.samples(),
                chrony.isPresent() ? chrony.getAsLong() : null)).orElse(null);
    }

    private CameraEntry connected(RigMember m) {
        if (m.isHealthy() && m.camera().map(cam -> cam.isConnected()).orElse(false)) {
            return new CameraEntry(m.index(), m.advertisedName(), CameraEntry.OK, 0, null, null, null, null, null,
                    m.latency().oneWayNanos());
        }
        Throwable why = m.failure().orElseGet(() -> new ConnectionClosedException(m.advertisedName(), "connect", null));
        return Entries.failed(m, why, 0);
    }

    private Reply reply(Command c, List<CameraEntry> cameras, Reply.ClockFigures clock) {
        return new Reply(c.id(), node, c.op(), cameras, null, clock);
    }

    private static int[] ints(List<Long> args) {
        return args.stream().mapToInt(Long::intValue).toArray();
    }
}
