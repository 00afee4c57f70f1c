package io.camrig.http;

import io.camrig.proto.error.PermanentCamrigException;

/**
 * The TLS handshake with an {@code https} camera failed: most often its certificate does not
 * chain to the root CA the client was given (COHN: the camera was re-provisioned, or another
 * device answers on its address), or it has expired. Permanent: retrying with the same root CA
 * fails the same way. The cause is the {@link javax.net.ssl.SSLException}; the message never
 * carries credentials.
 */
public class HttpTlsException extends PermanentCamrigException {
    public HttpTlsException(String message, String camera, String operation, Throwable cause) {
        super(message, camera, operation, cause);
    }
}
