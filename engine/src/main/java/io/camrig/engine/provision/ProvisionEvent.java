package io.camrig.engine.provision;

import java.util.Objects;

/**
 * Progress of one camera's provisioning, for a live per-camera table. The detail never holds a
 * secret (no password, no COHN credentials beyond the IP address).
 *
 * @param camera the camera's label (its advertised name, or the name it was opened with)
 * @param step   what it is doing
 * @param detail more, e.g. {@code "attempt 2 of 3"} or an IP address; may be empty
 */
public record ProvisionEvent(String camera, ProvisionStep step, String detail) {
    public ProvisionEvent {
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return camera + " " + step + (detail.isEmpty() ? "" : " " + detail);
    }
}
