package io.camrig.http.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The camera's media list: every file on the SD card, by directory. Implements the {@code
 * MediaList} schema returned by {@code GET /gopro/media/list} (Open GoPro HTTP API 2.0, {@code
 * OGP_MEDIA_LIST}); decode it with {@link io.camrig.http.MediaListDecoder}.
 *
 * @param id the media list identifier the camera sent (key {@code id}); empty when absent
 * @param directories the directories in the order the camera listed them
 * @param rejected the entries left out because a folder or name cannot be a local path
 *     ({@link RejectedMedia}), in listing order; empty for a well-behaved camera
 */
public record MediaList(String id, List<MediaDirectory> directories, List<RejectedMedia> rejected) {

    public MediaList {
        Objects.requireNonNull(id, "id");
        directories = List.copyOf(directories);
        rejected = List.copyOf(rejected);
    }

    /** A list with nothing left out. */
    public MediaList(String id, List<MediaDirectory> directories) {
        this(id, directories, List.of());
    }

    /** Every single file of every directory, in listing order (groups excluded). */
    public List<MediaFile> files() {
        return directories.stream().flatMap(d -> d.files().stream()).toList();
    }

    /** Every grouped item of every directory, in listing order. */
    public List<MediaGroup> groups() {
        return directories.stream().flatMap(d -> d.groups().stream()).toList();
    }

    /**
     * Every member file of every group ({@link MediaGroup#members()}), in listing order; each
     * group's members in id order. Their sizes are not listed.
     */
    public List<GroupMember> members() {
        return groups().stream().flatMap(g -> g.members().stream()).toList();
    }

    /**
     * The most recent single file: greatest modification time, then creation time, then directory
     * and name (so {@code GX010002.MP4} beats {@code GX010001.MP4} recorded in the same second).
     *
     * @return the newest file, or empty when the card holds no single file
     */
    public Optional<MediaFile> newest() {
        return files().stream().max(MediaFile.BY_AGE);
    }

    /**
     * The entry left out for its name ({@link #rejected()}) that is at least as new as {@link
     * #newest()} (or whose time is unknown): when a caller wants the newest recording, that entry
     * may be it, and an older file must not stand in for it.
     */
    public Optional<RejectedMedia> newestRejected() {
        Optional<MediaFile> newest = newest();
        return rejected.stream().filter(r -> r.modified() == null || newest.isEmpty()
                || !r.modified().isBefore(newest.get().modified())).findFirst();
    }

    /** The single file with this directory and name (case sensitive), if listed. */
    public Optional<MediaFile> find(String directory, String name) {
        return files().stream()
                .filter(f -> f.directory().equals(directory) && f.name().equals(name))
                .findFirst();
    }

    /** {@code true} when the list holds neither files nor groups. */
    public boolean isEmpty() {
        return directories.stream().allMatch(d -> d.files().isEmpty() && d.groups().isEmpty());
    }
}
