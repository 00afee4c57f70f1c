package io.camrig.engine.credentials;

import io.camrig.engine.camera.ApCredentials;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The credentials camrig keeps for one camera, by serial number: its own access point's (GP-0002,
 * GP-0003) and its COHN ones. {@link #toString()} never shows a password.
 *
 * @param serial the camera's serial number, e.g. {@code C3501324500711}
 * @param ap its access point's SSID and password, once read
 * @param cohn its COHN credentials, once provisioned
 * @param updated when this entry last changed
 */
public record CameraCredentials(String serial, Optional<ApCredentials> ap, Optional<CohnCredentials> cohn,
                                Instant updated) {
    public CameraCredentials {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(ap, "ap");
        Objects.requireNonNull(cohn, "cohn");
        Objects.requireNonNull(updated, "updated");
    }

    /** An entry with nothing in it yet. */
    public static CameraCredentials empty(String serial, Instant now) {
        return new CameraCredentials(serial, Optional.empty(), Optional.empty(), now);
    }

    /** A copy with these AP credentials. */
    public CameraCredentials withAp(ApCredentials value, Instant now) {
        return new CameraCredentials(serial, Optional.of(value), cohn, now);
    }

    /** A copy with these COHN credentials. */
    public CameraCredentials withCohn(CohnCredentials value, Instant now) {
        return new CameraCredentials(serial, ap, Optional.of(value), now);
    }

    /** A copy without COHN credentials (the certificate was cleared). */
    public CameraCredentials withoutCohn(Instant now) {
        return new CameraCredentials(serial, ap, Optional.empty(), now);
    }
}
