package io.camrig.cluster.coordinator;

import io.camrig.cluster.wire.Reply;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One request in flight to some nodes: completes with every node's reply, or with what arrived
 * once the rest are gone ({@link #gone}); a node missing from the result did not answer.
 */
final class PendingRequest {
    private final Set<String> waiting;
    private final Map<String, Reply> replies = new HashMap<>();
    private final Map<String, String> gone = new HashMap<>();
    private final Sinks.One<PendingRequest> done = Sinks.one();

    PendingRequest(Set<String> nodes) {
        this.waiting = new java.util.HashSet<>(nodes);
        if (waiting.isEmpty()) {
            done.tryEmitValue(this);
        }
    }

    synchronized void reply(Reply r) {
        if (waiting.remove(r.node())) {
            replies.put(r.node(), r);
            check();
        }
    }

    /** The node was lost (Last Will) or timed out: its cameras fail with {@code why}. */
    synchronized void gone(String node, String why) {
        if (waiting.remove(node)) {
            gone.put(node, why);
            check();
        }
    }

    synchronized boolean waitsFor(String node) {
        return waiting.contains(node);
    }

    private void check() {
        if (waiting.isEmpty()) {
            done.tryEmitValue(this);
        }
    }

    Mono<PendingRequest> done() {
        return done.asMono();
    }

    synchronized Map<String, Reply> replies() {
        return new HashMap<>(replies);
    }

    /** Why a node gave no reply, when it did not. */
    synchronized String whyMissing(String node) {
        return gone.getOrDefault(node, "no reply");
    }

    /** Ends the wait: every node still waited for is gone with {@code why}. */
    synchronized void expire(String why) {
        for (String n : Set.copyOf(waiting)) {
            gone(n, why);
        }
    }
}
