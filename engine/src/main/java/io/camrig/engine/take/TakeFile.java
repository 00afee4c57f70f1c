package io.camrig.engine.take;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.camrig.http.model.PathNames;
import java.util.Map;
import java.util.Objects;

/**
 * One file a camera produced for a take, and where its offload stands.
 *
 * @param folder the camera's folder, e.g. {@code 100GOPRO} (one path segment)
 * @param name the camera's file name, e.g. {@code GX010001.MP4} (one path segment)
 * @param size the size the camera announced, bytes
 * @param createdEpochSeconds the camera's creation time ({@code cre}), seconds since the epoch
 * @param state {@code PENDING} (still to fetch), {@code VERIFIED} (on disk, size checked,
 *     {@code sha256} set) or {@code FAILED} ({@code error} says why; fetched again next time)
 * @param sha256 SHA-256 of the bytes, 64 lowercase hex digits, computed while they streamed;
 *     {@code null} until verified
 * @param path where the file is, relative to the take's directory ({@code <serial>/<folder>/<name>},
 *     or a {@code ~n} name when another file held that one); {@code null} until verified
 * @param error the last failure, one line; {@code null} when none
 * @param footage open record of facts read from the file itself (firmware, camera id, creation
 *     time, duration, start timecode …), keyed by fact name; empty until someone reads them
 * @param companionOf for a companion file ({@link Companion}: {@code .LRV}, {@code .THM}), the
 *     name of the video it belongs to in the same folder; {@code null} for a camera's own file
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TakeFile(String folder, String name, long size, long createdEpochSeconds, State state, String sha256,
        String path, String error, Map<String, Object> footage, String companionOf) {

    /** Where a file's offload stands. */
    public enum State { PENDING, VERIFIED, FAILED }

    public TakeFile {
        PathNames.requireSegment(folder, "folder");
        PathNames.requireSegment(name, "file name");
        Objects.requireNonNull(state, "state");
        footage = footage == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(footage));
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0 bytes, was " + size);
        }
    }

    /** A file still to fetch. */
    public static TakeFile pending(String folder, String name, long size, long createdEpochSeconds) {
        return new TakeFile(folder, name, size, createdEpochSeconds, State.PENDING, null, null, null, Map.of(), null);
    }

    /** {@code folder/name} as the camera names it. */
    public String cameraPath() {
        return folder + "/" + name;
    }

    /** {@code true} once on disk with its SHA-256. */
    public boolean verified() {
        return state == State.VERIFIED;
    }

    /** A copy that is verified at {@code relativePath} with {@code hash}. */
    public TakeFile withVerified(String relativePath, String hash) {
        return new TakeFile(folder, name, size, createdEpochSeconds, State.VERIFIED, hash, relativePath, null, footage,
                companionOf);
    }

    /** A copy that failed with {@code reason}; it stays in the queue. */
    public TakeFile withFailed(String reason) {
        return new TakeFile(folder, name, size, createdEpochSeconds, State.FAILED, sha256, path, reason, footage,
                companionOf);
    }

    /** A copy that is a companion of the video {@code video} (its name, same folder). */
    public TakeFile withCompanionOf(String video) {
        return new TakeFile(folder, name, size, createdEpochSeconds, state, sha256, path, error, footage,
                PathNames.requireSegment(video, "video name"));
    }

    /** A copy with the size received (a thumbnail's size is known only once fetched). */
    public TakeFile withSize(long bytes) {
        return new TakeFile(folder, name, bytes, createdEpochSeconds, state, sha256, path, error, footage, companionOf);
    }

    /** A copy with {@code facts} read from the footage (replacing earlier ones). */
    public TakeFile withFootage(Map<String, Object> facts) {
        return new TakeFile(folder, name, size, createdEpochSeconds, state, sha256, path, error, facts, companionOf);
    }
}
