package io.camrig.http;

import io.camrig.http.model.RejectedMedia;
import java.util.Objects;

/**
 * A file the camera lists under a folder or name that cannot be one segment of a local path
 * ({@link RejectedMedia}: {@code ../../x}, {@code /etc/passwd}, a control character …): it is not
 * fetched, and nothing is written for it. Permanent: the camera will list it the same way again.
 * The other files of the list are not affected. Endpoint: {@code GET /gopro/media/list}.
 */
public final class UnsafeMediaNameException extends MediaFormatException {
    private final transient RejectedMedia entry;

    /**
     * @param entry the rejected entry (names already escaped for display)
     * @param camera the camera (base URI or serial, never credentials)
     */
    public UnsafeMediaNameException(RejectedMedia entry, String camera) {
        super(Objects.requireNonNull(entry, "entry").at() + ": not fetched: " + entry.reason(), camera,
                "GET /gopro/media/list", null);
        this.entry = entry;
    }

    /** The entry left out. */
    public RejectedMedia entry() {
        return entry;
    }
}
