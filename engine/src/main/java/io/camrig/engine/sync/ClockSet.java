package io.camrig.engine.sync;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * How camrig set a camera's clock (Set Date/Time, 0x0D): the value sent (whole seconds) and the
 * host instants around the exchange. The camera applies the value when the command arrives,
 * estimated as the midpoint; the uncertainty is half the round trip.
 *
 * @param value the date and time sent, whole seconds, the camera's local time
 * @param writeNanos {@link System#nanoTime()} just before the command was written
 * @param answerNanos {@link System#nanoTime()} when its answer arrived
 */
public record ClockSet(LocalDateTime value, long writeNanos, long answerNanos) {
    public ClockSet {
        Objects.requireNonNull(value, "value");
        if (answerNanos < writeNanos) {
            throw new IllegalArgumentException("answer before write");
        }
    }

    /** The estimated instant the camera applied the value, host nanoTime. */
    public long appliedNanos() {
        return writeNanos + (answerNanos - writeNanos) / 2;
    }

    /** Half the round trip, ns: how far off {@link #appliedNanos()} may be. */
    public long uncertaintyNanos() {
        return (answerNanos - writeNanos) / 2;
    }
}
