package io.camrig.engine.rig;

import java.time.Duration;
import java.util.Objects;

/**
 * What one camera's part of a rig operation came to: {@link Ok}, {@link Failed} or
 * {@link Skipped} (the camera had already failed an earlier step).
 *
 * @param <T> the value an operation yields
 */
public sealed interface Outcome<T> permits Outcome.Ok, Outcome.Failed, Outcome.Skipped {

    /** How long the camera's part took (zero when skipped). */
    Duration latency();

    /** The operation succeeded. */
    record Ok<T>(T value, Duration latency) implements Outcome<T> {
        public Ok {
            Objects.requireNonNull(latency, "latency");
        }
    }

    /** The operation failed; {@code cause} is typed (a {@code CamrigException} in practice). */
    record Failed<T>(Throwable cause, Duration latency) implements Outcome<T> {
        public Failed {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(latency, "latency");
        }
    }

    /** The operation was not attempted. */
    record Skipped<T>(String reason) implements Outcome<T> {
        public Skipped {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Duration latency() {
            return Duration.ZERO;
        }
    }

    default boolean isOk() {
        return this instanceof Ok;
    }
}
