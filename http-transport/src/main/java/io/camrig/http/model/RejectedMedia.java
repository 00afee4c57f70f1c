package io.camrig.http.model;

import java.util.Objects;

/**
 * An entry of the camera's media list left out of {@link MediaList} because its card folder
 * ({@code d}) or file name ({@code n}) cannot be one segment of a local path ({@link
 * PathNames#requireSegment}): {@code ../../x}, {@code /etc/passwd}, a backslash, a control
 * character, {@code .} or {@code ..}, an empty name, more than {@value PathNames#MAX_BYTES} bytes.
 * Also a group whose member files cannot be named ({@link MediaGroup#problem()}: a name not
 * {@code GXXXYYYY.EXT}, ids past 9999 …) or that lacks a field a group needs. Nothing is ever
 * written for it; the rest of the list stands.
 *
 * @param at where in the list, as a JSON path, e.g. {@code media[0].fs[3]}
 * @param folder the folder as the camera sent it, escaped for display ({@link PathNames#shown})
 * @param name the file name as the camera sent it, escaped for display ({@code ""} when it sent none)
 * @param reason why it cannot be a path, e.g. {@code "file name '../x' contains a path separator"}
 * @param modified its modification time ({@code mod}), or {@code null} when the camera sent none
 *     that could be read: then it may be the newest file
 */
public record RejectedMedia(String at, String folder, String name, String reason, java.time.Instant modified) {
    public RejectedMedia {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reason, "reason");
    }

    /** An entry whose modification time is not known. */
    public RejectedMedia(String at, String folder, String name, String reason) {
        this(at, folder, name, reason, null);
    }

    /** {@code folder/name} as shown. */
    public String shownPath() {
        return folder + "/" + name;
    }
}
