package io.camrig.engine.camera;

import java.time.Duration;
import java.util.Objects;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Immutable options of a {@link Camera}; change them with the {@code with…} methods.
 *
 * @param exchangeTimeout   time limit of every request/response exchange (default 5 s)
 * @param maxMessageLength  longest message accepted from the camera, in bytes (default 65535)
 * @param scheduler         the shared scheduler one worker of which serializes each camera's work
 *                          (default {@link Schedulers#parallel()}; a virtual-time scheduler in tests)
 * @param deliveryScheduler where results are delivered to user code, never the camera's worker
 *                          (default {@link Schedulers#parallel()})
 */
public record CameraOptions(Duration exchangeTimeout, int maxMessageLength, Scheduler scheduler,
                            Scheduler deliveryScheduler) {
    public CameraOptions {
        if (exchangeTimeout.isNegative() || exchangeTimeout.isZero()) {
            throw new IllegalArgumentException("exchangeTimeout must be positive");
        }
        if (maxMessageLength < 1 || maxMessageLength > 65535) {
            throw new IllegalArgumentException("maxMessageLength must be 1..65535");
        }
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(deliveryScheduler, "deliveryScheduler");
    }

    public static CameraOptions defaults() {
        return new CameraOptions(Duration.ofSeconds(5), 65535, Schedulers.parallel(), Schedulers.parallel());
    }

    public CameraOptions withExchangeTimeout(Duration timeout) {
        return new CameraOptions(timeout, maxMessageLength, scheduler, deliveryScheduler);
    }

    public CameraOptions withScheduler(Scheduler s) {
        return new CameraOptions(exchangeTimeout, maxMessageLength, s, deliveryScheduler);
    }

    public CameraOptions withDeliveryScheduler(Scheduler s) {
        return new CameraOptions(exchangeTimeout, maxMessageLength, scheduler, s);
    }
}
