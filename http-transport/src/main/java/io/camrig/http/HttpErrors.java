package io.camrig.http;

import io.camrig.http.address.CameraAddress;
import io.camrig.proto.error.CamrigException;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.ReadTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Turns what Reactor Netty and the JDK signal into camrig's typed HTTP errors for one camera.
 * Messages are built here from the camera label, which never holds credentials; a network
 * cause's own message is never copied (it stays reachable as the cause).
 */
final class HttpErrors {
    private final String camera;
    private final HttpOptions options;

    HttpErrors(String camera, HttpOptions options) {
        this.camera = camera;
        this.options = options;
    }

    /** {@code scheme://host:port} of a base URI: no user info, path, query or fragment. */
    static String label(URI uri) {
        return CameraAddress.label(uri);
    }

    String camera() {
        return camera;
    }

    /**
     * The error for a non-2xx status: 5xx (but 501), 408 and 429 are transient, the rest
     * permanent. 501 is the spec's "operation not supported" on this camera: retrying cannot help.
     *
     * @param status the HTTP status code
     * @param reason the reason phrase, possibly empty
     */
    CamrigException status(int status, String reason, String operation) {
        String message = "camera answered HTTP " + status + (reason == null || reason.isEmpty() ? "" : " " + reason)
                + (status == 501 ? " (operation not supported by this camera)" : "");
        if ((status >= 500 && status != 501) || status == 408 || status == 429) {
            return new HttpTransportException(message, camera, operation, status, null);
        }
        return new HttpStatusException(message, camera, operation, status);
    }

    /**
     * Maps a failure to a typed error. Camrig errors pass unchanged, network failures become
     * {@link HttpTransportException}; other exceptions (programming errors) pass unchanged.
     */
    Throwable translate(Throwable error, String operation) {
        if (error instanceof CamrigException) {
            return error;
        }
        SSLException tls = tlsCause(error);
        if (tls != null) {
            return new HttpTlsException("TLS handshake failed (" + tls.getClass().getSimpleName()
                    + "): the camera's certificate was not accepted", camera, operation, error);
        }
        if (error instanceof ReadTimeoutException || error instanceof TimeoutException) {
            return transientError("no response data for " + options.responseTimeout().toMillis() + " ms",
                    operation, error);
        }
        if (error instanceof ConnectTimeoutException) {
            return transientError("connect timed out after " + options.connectTimeout().toMillis() + " ms",
                    operation, error);
        }
        if (error instanceof ConnectException) {
            return transientError("connection refused or unreachable", operation, error);
        }
        if (error instanceof PrematureCloseException) {
            return transientError("connection closed before the response was complete", operation, error);
        }
        if (error instanceof DecoderException) {
            return transientError("malformed HTTP response", operation, error);
        }
        if (error instanceof IOException) {
            return transientError("I/O error (" + error.getClass().getSimpleName() + ")", operation, error);
        }
        return error;
    }

    private static SSLException tlsCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SSLException ssl) {
                return ssl;
            }
        }
        return null;
    }

    private HttpTransportException transientError(String message, String operation, Throwable cause) {
        return new HttpTransportException(message, camera, operation, 0, cause);
    }
}
