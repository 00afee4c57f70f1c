package io.camrig.engine.error;

import io.camrig.proto.error.PermanentCamrigException;
import java.time.Duration;

/**
 * A camera's status or unsolicited stream stayed busy with another thread's emission for longer
 * than the engine allows ({@code Hubs}: a few hundred nanoseconds are normal, the bound is a
 * second). It means a subscriber blocked or re-entered the stream from its own
 * {@code onNext}; the value could not be emitted. Permanent: the same subscriber would do it again.
 */
public class EmissionContendedException extends PermanentCamrigException {
    public EmissionContendedException(String camera, String stream, Duration bound) {
        super(stream + " busy with another emission for more than " + bound.toMillis() + " ms", camera,
                "emit " + stream, null);
    }
}
