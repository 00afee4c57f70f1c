package io.camrig.service.events;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.scheduler.Scheduler;

/**
 * One client's event stream, as Server-Sent Events frames, emitted only as fast as the client
 * takes them (Reactor Netty requests more only while the connection is writable). What the client
 * has not taken yet waits in a small buffer that conflates: a newer event with the same key
 * (the same camera's tile, the same take) replaces the older one, and when more than
 * {@link #MAX_PENDING} events wait, the oldest go. Either way the client is told: before its next
 * event it gets {@code event: lost} with {@code {"dropped": n}}, and should re-read
 * {@code GET /api/rig/state} if it needs the whole picture. The rig never waits for a client.
 */
public final class ClientStream {
    /** Events waiting for a slow client before the oldest are dropped. */
    public static final int MAX_PENDING = 512;

    private final FluxSink<String> sink;
    private final Map<Object, ServiceEvent> pending = new LinkedHashMap<>();
    private long dropped;
    private int wip;

    private ClientStream(FluxSink<String> sink) {
        this.sink = sink;
    }

    /**
     * A client's stream: {@code initial} first (evaluated on subscription), then every event the
     * hub publishes, with a comment line every {@code heartbeat} so proxies keep it open.
     */
    public static Flux<String> open(EventHub hub, Supplier<List<ServiceEvent>> initial, Duration heartbeat,
                                    Scheduler scheduler) {
        return Flux.create(sink -> {
            ClientStream client = new ClientStream(sink);
            Disposable events = hub.events().subscribe(client::offer);
            initial.get().forEach(client::offer);
            Disposable beats = Flux.interval(heartbeat, heartbeat, scheduler)
                    .subscribe(t -> client.offer(new ServiceEvent(0, "", "heartbeat", null)));
            sink.onRequest(n -> client.drain());
            sink.onDispose(() -> {
                events.dispose();
                beats.dispose();
            });
        });
    }

    /** Takes an event; replaces an undelivered one of the same key; drops the oldest beyond the limit. */
    void offer(ServiceEvent e) {
        synchronized (this) {
            Object key = e.key() != null ? e.key() : (Long) e.id();
            if (pending.remove(key) != null) {
                dropped++;
            }
            pending.put(key, e);
            if (pending.size() > MAX_PENDING) {
                Iterator<ServiceEvent> oldest = pending.values().iterator();
                oldest.next();
                oldest.remove();
                dropped++;
            }
        }
        drain();
    }

    /** Emits what the client has asked for; re-entrant calls (from onRequest) loop instead of nesting. */
    private void drain() {
        synchronized (this) {
            if (wip++ > 0) {
                return;
            }
        }
        int missed = 1;
        while (true) {
            while (true) {
                String frame;
                synchronized (this) {
                    if (sink.requestedFromDownstream() == 0 || sink.isCancelled()) {
                        break;
                    }
                    if (dropped > 0) {
                        frame = "event: lost\ndata: {\"dropped\":" + dropped + "}\n\n";
                        dropped = 0;
                    } else if (pending.isEmpty()) {
                        break;
                    } else {
                        Iterator<ServiceEvent> first = pending.values().iterator();
                        ServiceEvent e = first.next();
                        first.remove();
                        frame = e.json() == null ? ": keep-alive\n\n" : e.frame();
                    }
                }
                sink.next(frame);
            }
            synchronized (this) {
                wip -= missed;
                missed = wip;
                if (missed == 0) {
                    return;
                }
            }
        }
    }
}
