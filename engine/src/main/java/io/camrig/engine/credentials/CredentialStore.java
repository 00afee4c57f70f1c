package io.camrig.engine.credentials;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where camrig keeps AP and COHN credentials, one entry per camera serial. Implementations are
 * thread-safe; {@code io.camrig.credentials.FileCredentialStore} (module camrig-credentials) persists them, {@link
 * InMemoryCredentialStore} keeps them for one process. The methods block on I/O: call them from
 * {@code Schedulers.boundedElastic()} in a reactive chain.
 *
 * <p>Errors: {@link CredentialStoreException} when the store cannot be read or written (corrupt
 * file, wrong passphrase, I/O); its message never contains a secret.
 */
public interface CredentialStore {
    /** Every entry, by serial number. */
    List<CameraCredentials> list();

    /** The entry of one camera. */
    Optional<CameraCredentials> get(String serial);

    /**
     * Changes one camera's entry atomically: {@code change} gets the current entry (an empty one
     * when there is none) and returns the new one.
     *
     * @return the entry stored
     */
    CameraCredentials update(String serial, UnaryOperator<CameraCredentials> change);

    /**
     * Forgets one camera.
     *
     * @return {@code true} when there was an entry
     */
    boolean forget(String serial);
}
