package io.camrig.http;

import io.camrig.http.model.MediaFile;
import io.camrig.http.model.MediaList;
import io.camrig.http.model.Recording;
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

    /**
     * The newest file of {@code list} ({@link MediaList#newest()}), for callers that fetch a
     * take's recording as the camera's newest file.
     *
     * @throws UnsafeMediaNameException when an entry left out for its name is at least as new
     *     ({@link MediaList#newestRejected()}): it may be the recording, and an older file must
     *     not be fetched in its place
     */
    public static java.util.Optional<MediaFile> requireNewest(MediaList list, String camera) {
        java.util.Optional<RejectedMedia> rejected = list.newestRejected();
        if (rejected.isPresent()) {
            throw new UnsafeMediaNameException(rejected.get(), camera);
        }
        return list.newest();
    }

    /**
     * The newest recording of {@code list} ({@link Recording#newest}): its newest file and every
     * other chapter of it, ordered by chapter, or the photos of a newer group, for callers that
     * fetch a take's recording.
     *
     * @throws UnsafeMediaNameException as {@link #requireNewest}: when an entry left out for its
     *     name is at least as new as the newest file
     */
    public static java.util.Optional<Recording> requireNewestRecording(MediaList list, String camera) {
        requireNewest(list, camera);
        return Recording.newest(list);
    }

    /** The entry left out. */
    public RejectedMedia entry() {
        return entry;
    }
}
