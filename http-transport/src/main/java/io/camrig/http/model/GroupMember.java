package io.camrig.http.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One file of a grouped media item ({@link MediaGroup}: a burst, a time lapse …): a photo the
 * media list does not name but implies. Its name is the group's first four characters, the
 * member id as four digits, and the group's extension ({@code G0017061.JPG} id 7065 →
 * {@code G0017065.JPG}; a MAX 360 group {@code GSAA0003.36P} id 11 → {@code GSAA0011.36P}), as
 * the official SDK's real-camera vectors show. It is downloaded from {@code GET
 * /videos/DCIM/{directory}/{name}} and deleted one by one ({@code GET /gopro/media/delete/file})
 * like a single file. Its size is not listed: {@link #asFile()} carries {@link
 * MediaFile#SIZE_NOT_LISTED}, and a download learns it from the response.
 *
 * <p>The constructor throws {@link IllegalArgumentException} when the name is not one path
 * segment or the id is outside the group's range.
 *
 * @param group the group it belongs to
 * @param id its member id, within {@code [firstMember, lastMember]} of the group
 * @param name its file name on the card
 */
public record GroupMember(MediaGroup group, int id, String name) {

    public GroupMember {
        Objects.requireNonNull(group, "group");
        PathNames.requireSegment(name, "member name");
        if (id < group.firstMember() || id > group.lastMember()) {
            throw new IllegalArgumentException("member " + id + " is outside " + group.firstMember() + ".."
                    + group.lastMember());
        }
    }

    /** The group's directory on the card. */
    public String directory() {
        return group.directory();
    }

    /** The group's creation time ({@code cre}); the member's own is not listed. */
    public Instant created() {
        return group.created();
    }

    /** {@code directory/name}. */
    public MediaPath path() {
        return new MediaPath(directory(), name);
    }

    /**
     * This member as a file to download: the group's directory and times, and size {@link
     * MediaFile#SIZE_NOT_LISTED}.
     */
    public MediaFile asFile() {
        return new MediaFile(directory(), name, MediaFile.SIZE_NOT_LISTED, group.created(), group.modified());
    }
}
