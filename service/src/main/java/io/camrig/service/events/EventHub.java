package io.camrig.service.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Where the service publishes its events, and where each client's stream starts. Publishing never
 * blocks and never waits for a client: the hub is a best-effort multicast, and every client keeps
 * its own conflating buffer ({@link ClientStream}), so a slow browser costs the rig nothing.
 *
 * <p>The hub also keeps the last {@value #LOG_KEPT} log lines, so a console that opens late shows
 * recent history. Events never carry a secret: what is published is built from camera views,
 * outcomes and fire figures, none of which holds a password, credential or the service's token.
 */
public final class EventHub {
    /** Log lines kept for consoles that connect later. */
    public static final int LOG_KEPT = 200;

    private final ObjectMapper json;
    private final Sinks.Many<ServiceEvent> sink = Sinks.many().multicast().directBestEffort();
    private final AtomicLong sequence = new AtomicLong();
    private final Deque<ServiceEvent> recentLog = new ArrayDeque<>();

    public EventHub(ObjectMapper json) {
        this.json = json;
    }

    /** Publishes an event; {@code key} non-null lets a newer event of the same key replace it. */
    public ServiceEvent publish(String type, String key, Object data) {
        ServiceEvent e;
        try {
            e = new ServiceEvent(sequence.incrementAndGet(), type, key, json.writeValueAsString(data));
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("event " + type + " is not serializable", ex);
        }
        synchronized (sink) {
            sink.tryEmitNext(e);
        }
        return e;
    }

    /** Publishes a line of the event log: level {@code info}, {@code warn} or {@code error}. */
    public void log(String level, String camera, String text) {
        Map<String, Object> line = new java.util.LinkedHashMap<>();
        line.put("time", Instant.now().toString());
        line.put("level", level);
        line.put("camera", camera);
        line.put("text", text);
        ServiceEvent e = publish("log", null, line);
        synchronized (recentLog) {
            if (recentLog.size() == LOG_KEPT) {
                recentLog.removeFirst();
            }
            recentLog.addLast(e);
        }
    }

    /** The last log lines, oldest first. */
    public List<ServiceEvent> recentLog() {
        synchronized (recentLog) {
            return List.copyOf(recentLog);
        }
    }

    /** A new event, numbered in sequence, that is not published (a client's own snapshot). */
    public ServiceEvent unpublished(String type, Object data) {
        try {
            return new ServiceEvent(sequence.incrementAndGet(), type, null, json.writeValueAsString(data));
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("event " + type + " is not serializable", ex);
        }
    }

    /** Every event published from now on; a subscriber that does not keep up loses events. */
    public Flux<ServiceEvent> events() {
        return sink.asFlux();
    }

    /** Events published so far. */
    public long published() {
        return sequence.get();
    }
}
