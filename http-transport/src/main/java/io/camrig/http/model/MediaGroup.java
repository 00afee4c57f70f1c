package io.camrig.http.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A grouped media item (burst, continuous shot, night lapse, time lapse): one entry of the media
 * list standing for many files named {@code GXXXYYYY.ZZZ}. Implements the {@code
 * GroupedMediaListItem} schema of {@code GET /gopro/media/list} ({@code OGP_MEDIA_LIST}).
 *
 * <p>Unlike {@link MediaFile}, key {@code s} of a group is the number of files in it, not a size
 * in bytes, and the members' sizes are not listed; this is why groups are kept apart from files.
 *
 * <p>The constructor throws {@link IllegalArgumentException} on a bad name or a negative count.
 *
 * @param directory the directory on the card, for example {@code 100GOPRO}
 * @param name the first member's file name, for example {@code G0010008.JPG} (key {@code n})
 * @param created creation time, whole seconds since the epoch (key {@code cre})
 * @param modified last modification time, whole seconds since the epoch (key {@code mod})
 * @param groupId the group identifier (key {@code g})
 * @param type the group type as sent: {@code b} burst, {@code c} continuous, {@code n} night lapse,
 *     {@code t} time lapse (key {@code t}); other letters are kept as they come
 * @param firstMember id of the first member (key {@code b})
 * @param lastMember id of the last member (key {@code l})
 * @param missingMembers ids of deleted members (key {@code m}); empty when none
 * @param memberCount number of files in the group (key {@code s})
 */
public record MediaGroup(
        String directory,
        String name,
        Instant created,
        Instant modified,
        int groupId,
        String type,
        int firstMember,
        int lastMember,
        List<Integer> missingMembers,
        int memberCount) {

    public MediaGroup {
        MediaFile.requirePathSegment(directory, "directory");
        MediaFile.requirePathSegment(name, "name");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(modified, "modified");
        Objects.requireNonNull(type, "type");
        missingMembers = List.copyOf(missingMembers);
        if (memberCount < 0) {
            throw new IllegalArgumentException("memberCount must be >= 0, was " + memberCount);
        }
    }
}
