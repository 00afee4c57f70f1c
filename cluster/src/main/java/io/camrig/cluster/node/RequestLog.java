package io.camrig.cluster.node;

import io.camrig.cluster.wire.Reply;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Runs each request id once: a command redelivered after a reconnect (QoS 1 is "at least once")
 * gets the first run's reply, published again, and is not run again. Remembers the last
 * {@value #LIMIT} ids.
 */
final class RequestLog {
    static final int LIMIT = 4096;

    private final Map<String, Mono<Reply>> seen = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Mono<Reply>> eldest) {
            return size() > LIMIT;
        }
    };
    private long duplicates;

    /** The reply of request {@code id}: the one run of {@code run}, shared by every delivery. */
    synchronized Mono<Reply> once(String id, Supplier<Mono<Reply>> run) {
        Mono<Reply> r = seen.get(id);
        if (r != null) {
            duplicates++;
            return r;
        }
        r = Mono.defer(run).cache();
        seen.put(id, r);
        return r;
    }

    /** How many deliveries were duplicates. */
    synchronized long duplicates() {
        return duplicates;
    }
}
