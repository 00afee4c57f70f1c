package io.camrig.engine.provision.cohn;

import io.camrig.engine.credentials.CohnCredentials;
import java.util.Objects;

/**
 * The COHN credentials a camera ended with. {@link #toString()} shows no password.
 *
 * @param credentials what was stored (user, password, IP address, network, root CA)
 * @param reused      {@code true} when the stored credentials still matched the camera and no
 *                    certificate was created
 */
public record CohnResult(CohnCredentials credentials, boolean reused) {
    public CohnResult {
        Objects.requireNonNull(credentials, "credentials");
    }
}
