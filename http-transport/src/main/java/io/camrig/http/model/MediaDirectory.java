package io.camrig.http.model;

import java.util.List;

/**
 * One directory of the media list (an element of {@code media} in {@code GET /gopro/media/list},
 * keys {@code d} and {@code fs}), split into single files and grouped items.
 *
 * <p>The constructor throws {@link IllegalArgumentException} when a file or group names another
 * directory.
 *
 * @param name the directory name, for example {@code 100GOPRO} (key {@code d})
 * @param files the single files in the order the camera listed them; each file's
 *     {@link MediaFile#directory()} equals {@code name}
 * @param groups the grouped items (bursts, lapses) in the order the camera listed them
 */
public record MediaDirectory(String name, List<MediaFile> files, List<MediaGroup> groups) {

    public MediaDirectory {
        MediaFile.requirePathSegment(name, "directory");
        files = List.copyOf(files);
        groups = List.copyOf(groups);
        for (MediaFile f : files) {
            if (!f.directory().equals(name)) {
                throw new IllegalArgumentException("file " + f.name() + " is in " + f.directory() + ", not " + name);
            }
        }
        for (MediaGroup g : groups) {
            if (!g.directory().equals(name)) {
                throw new IllegalArgumentException("group " + g.name() + " is in " + g.directory() + ", not " + name);
            }
        }
    }
}
