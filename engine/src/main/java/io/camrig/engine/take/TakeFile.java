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
 * @param size the size the camera announced, bytes; for a file it did not announce one for (a
 *     group's member, {@link #SIZE_NOT_LISTED}) the size received once verified
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
 * @param group for a member of a grouped item (a burst, a time lapse: {@link
 *     io.camrig.http.model.GroupMember}), the group's listed name ({@code n}, its first member's,
 *     e.g. {@code G0017061.JPG}) in the same folder; {@code null} otherwise
 * @param deletedFromCamera {@code true} once {@code --delete-after-verify} saw the camera delete it
 *     (its media info no longer answers); {@code null} (left out of the JSON) until then
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TakeFile(String folder, String name, long size, long createdEpochSeconds, State state, String sha256,
        String path, String error, Map<String, Object> footage, String companionOf, String group,
        Boolean deletedFromCamera) {

    /**
     * The size of a file the camera's media list does not give (a group's member): allowed only
     * while the file is not verified; verifying it records the size received ({@link #withSize}).
     */
    public static final long SIZE_NOT_LISTED = -1;

    /** Where a file's offload stands. */
    public enum State { PENDING, VERIFIED, FAILED }

    public TakeFile {
        PathNames.requireSegment(folder, "folder");
        PathNames.requireSegment(name, "file name");
        Objects.requireNonNull(state, "state");
        footage = footage == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(footage));
        if (group != null) {
            PathNames.requireSegment(group, "group name");
        }
        if (size < 0 && !(size == SIZE_NOT_LISTED && state != State.VERIFIED)) {
            throw new IllegalArgumentException("size must be >= 0 bytes (SIZE_NOT_LISTED only before verified), was "
                    + size);
        }
    }

    /** A file still to fetch. */
    public static TakeFile pending(String folder, String name, long size, long createdEpochSeconds) {
        return new TakeFile(folder, name, size, createdEpochSeconds, State.PENDING, null, null, null, Map.of(), null,
                null, null);
    }

    /**
     * A group's member still to fetch: size {@link #SIZE_NOT_LISTED}, the group's creation time.
     *
     * @param group the group's listed name ({@code n})
     */
    public static TakeFile pendingMember(String folder, String name, long createdEpochSeconds, String group) {
        return new TakeFile(folder, name, SIZE_NOT_LISTED, createdEpochSeconds, State.PENDING, null, null, null,
                Map.of(), null, PathNames.requireSegment(group, "group name"), null);
    }

    /** {@code false} for a file whose size the camera did not list and that is not yet verified. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean sizeKnown() {
        return size >= 0;
    }

    /** {@code true} once the camera was seen to delete it ({@link #deletedFromCamera()}). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean deleted() {
        return Boolean.TRUE.equals(deletedFromCamera);
    }

    /** A copy the camera was seen to delete. */
    public TakeFile withDeletedFromCamera() {
        return new TakeFile(folder, name, size, createdEpochSeconds, state, sha256, path, error, footage, companionOf,
                group, true);
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
                companionOf, group, deletedFromCamera);
    }

    /** A copy that failed with {@code reason}; it stays in the queue. */
    public TakeFile withFailed(String reason) {
        return new TakeFile(folder, name, size, createdEpochSeconds, State.FAILED, sha256, path, reason, footage,
                companionOf, group, deletedFromCamera);
    }

    /** A copy that is a companion of the video {@code video} (its name, same folder). */
    public TakeFile withCompanionOf(String video) {
        return new TakeFile(folder, name, size, createdEpochSeconds, state, sha256, path, error, footage,
                PathNames.requireSegment(video, "video name"), group, deletedFromCamera);
    }

    /** A copy with the size received (a thumbnail's size is known only once fetched). */
    public TakeFile withSize(long bytes) {
        return new TakeFile(folder, name, bytes, createdEpochSeconds, state, sha256, path, error, footage,
                companionOf, group, deletedFromCamera);
    }

    /** A copy with {@code facts} read from the footage (replacing earlier ones). */
    public TakeFile withFootage(Map<String, Object> facts) {
        return new TakeFile(folder, name, size, createdEpochSeconds, state, sha256, path, error, facts,
                companionOf, group, deletedFromCamera);
    }
}
