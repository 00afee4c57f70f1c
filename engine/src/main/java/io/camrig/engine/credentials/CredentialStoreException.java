package io.camrig.engine.credentials;

import io.camrig.proto.error.PermanentCamrigException;

/**
 * The credential store cannot be read or written: the file is corrupt or not camrig's, the
 * passphrase is wrong, the file is encrypted and no passphrase was given, or an I/O error. The
 * file on disk is left as it was. The message names the file, never a secret.
 */
public final class CredentialStoreException extends PermanentCamrigException {
    /** What went wrong. */
    public enum Reason {
        /** Not valid camrig credentials (truncated, not JSON, an unknown format version). */
        CORRUPT,
        /** The passphrase does not decrypt the file. */
        WRONG_PASSPHRASE,
        /** The file is encrypted and no passphrase was given. */
        PASSPHRASE_REQUIRED,
        /** Reading, writing or locking failed. */
        IO
    }

    private final Reason reason;

    public CredentialStoreException(Reason reason, String message, Throwable cause) {
        super(message, null, "credential store", cause);
        this.reason = reason;
    }

    /** What went wrong. */
    public Reason reason() {
        return reason;
    }
}
