package io.camrig.service.events;

/**
 * One event of the stream, already rendered as JSON.
 *
 * @param id   increasing sequence number (the SSE {@code id:} field)
 * @param type the SSE {@code event:} name: {@code camera}, {@code log}, {@code outcomes},
 *             {@code fire}, {@code take}, {@code download}, {@code lost}, {@code snapshot}
 * @param key  what a newer event of the same key replaces when a client falls behind (for
 *             example {@code camera:3}); {@code null} for events that are never replaced
 * @param json the event's data, one line of JSON
 */
public record ServiceEvent(long id, String type, String key, String json) {

    /** The event as a Server-Sent Events frame (WHATWG HTML, "Server-sent events"). */
    public String frame() {
        return "id: " + id + "\nevent: " + type + "\ndata: " + json + "\n\n";
    }
}
