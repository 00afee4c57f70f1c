package io.camrig.simulator.camera;

import io.camrig.proto.message.CameraLocalDateTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A virtual camera's clock: the value last set over BLE (Set Date Time 0x0D, Set Local Date Time
 * 0x0F), running on from the host instant it was set (a camera applies the value when the command
 * arrives); UTC while never set. Thread-safe.
 */
final class CameraClock {
    private CameraLocalDateTime clock;
    private Instant clockSetAt;

    synchronized void set(CameraLocalDateTime value) {
        clock = value;
        clockSetAt = Instant.now();
    }

    /** The clock as last set, or {@code null}. */
    synchronized LocalDateTime lastSet() {
        return clock == null ? null : clock.dateTime();
    }

    /** The clock at host instant {@code at}: the value last set plus the time since, or UTC when never set. */
    synchronized LocalDateTime at(Instant at) {
        if (clock == null) {
            return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        }
        return clock.dateTime().plus(Duration.between(clockSetAt, at));
    }

    /** The value last set (the simulator answers Get (Local) Date Time with it), or now in UTC. */
    synchronized CameraLocalDateTime local() {
        return clock != null ? clock
                : new CameraLocalDateTime(LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS), 0, false);
    }
}
