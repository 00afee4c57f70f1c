package io.camrig.engine.rig;

import java.util.List;
import java.util.Map;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * What every rig offers, whether its cameras hang off this host ({@link Rig}) or off several
 * hosts coordinated over a broker (the {@code camrig-cluster} module's distributed rig). Consumers
 * that only need these operations run unchanged on one host or many. Every operation fans out
 * with per-camera isolation and yields a {@link RigResult} with one {@link Outcome} per camera;
 * on a distributed rig each {@link RigMember} carries its node ({@link RigMember#node()}).
 *
 * <p>Operations that take a function of a local {@link io.camrig.engine.camera.Camera} (for
 * example {@link Rig#forEach}) are not part of it: a function cannot travel to another host.
 */
public interface RigApi extends AutoCloseable {

    /** The cameras, in rig order. */
    List<RigMember> members();

    /** The members that have not failed a step. */
    List<RigMember> healthy();

    /**
     * Connects every camera and enables notifications (steps {@code "connect"} and
     * {@code "notifications"}); the result's values depend on the implementation.
     */
    Mono<? extends RigResult<?>> connect();

    /** Register for Status Value Updates (0x53) on every camera; the values are the current ones. */
    Mono<RigResult<Map<Integer, Long>>> registerStatusUpdates(int... statusIds);

    /** Set Camera Control to external control on every camera. */
    Mono<RigResult<Void>> claimControl();

    /** Measures each camera's one-way latency, ns, with {@code rounds} keep-alive round trips. */
    Mono<RigResult<Long>> measureLatency(int rounds);

    /** Starts keep-alives (every 3 s by default); stopped by disposing it or by {@link #close()}. */
    Disposable startKeepAlive();

    /** Synchronized, latency-compensated fire of Set Shutter on every healthy camera. */
    Mono<FireResult> fire(boolean on);

    /** Lets failed cameras take part again where they can be reached; yields the recovered ones. */
    Mono<List<RigMember>> recover();

    /** Stops keep-alives and disconnects every camera. */
    @Override
    void close();
}
