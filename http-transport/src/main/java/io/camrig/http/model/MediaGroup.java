package io.camrig.http.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A grouped media item (burst, continuous shot, night lapse, time lapse): one entry of the media
 * list standing for many files named {@code GXXXYYYY.ZZZ}. Implements the {@code
 * GroupedMediaListItem} schema of {@code GET /gopro/media/list} ({@code OGP_MEDIA_LIST}).
 *
 * <p>The spec's {@code GroupedMediaListItem} schema calls key {@code s} "number of files in the
 * group", but real cameras send the group's total size in bytes there: a HERO burst of 30 photos
 * ({@code b} 7061, {@code l} 7090) came with {@code "s": "170856763"} in a body captured by the
 * official SDK's tests. camrig follows the cameras: {@link #sizeBytes()} is {@code s}, and {@link
 * #memberCount()} is counted from the first and last member ids less the missing ones. The
 * members' own sizes are not listed, which is why groups are kept apart from files.
 *
 * <p>Its files are {@link #members()}; a camera's group whose members cannot be named ({@link
 * #problem()}) is left out of the list by {@link io.camrig.http.MediaListDecoder}, like a file
 * with an unsafe name.
 *
 * <p>The constructor throws {@link IllegalArgumentException} on a bad name, a negative size, or a
 * last member id before the first.
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
 * @param sizeBytes the group's total size in bytes as real cameras send it (key {@code s})
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
        long sizeBytes) {

    public MediaGroup {
        MediaFile.requirePathSegment(directory, "directory");
        MediaFile.requirePathSegment(name, "name");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(modified, "modified");
        Objects.requireNonNull(type, "type");
        missingMembers = List.copyOf(missingMembers);
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes must be >= 0, was " + sizeBytes);
        }
        if (lastMember < firstMember) {
            throw new IllegalArgumentException("last member " + lastMember + " is before the first " + firstMember);
        }
    }

    /** The most members a group may have: every 4-digit member id, {@code 0000} to {@code 9999}. */
    public static final int MAX_MEMBERS = 10_000;

    /**
     * The group's files, in id order: each id from {@link #firstMember()} to {@link #lastMember()}
     * not in {@link #missingMembers()} (ids there outside that range, or repeated, are ignored),
     * named as {@link GroupMember} says. At most {@value #MAX_MEMBERS}.
     *
     * @throws IllegalArgumentException when the members cannot be named ({@link #problem()} says why)
     */
    public java.util.List<GroupMember> members() {
        problem().ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        int dot = name.lastIndexOf('.');
        String prefix = name.substring(0, 4);
        String extension = name.substring(dot);
        java.util.Set<Integer> missing = new java.util.HashSet<>(missingMembers);
        java.util.List<GroupMember> out = new java.util.ArrayList<>(lastMember - firstMember + 1);
        for (int id = firstMember; id <= lastMember; id++) {
            if (!missing.contains(id)) {
                String digits = String.format(java.util.Locale.ROOT, "%04d", id);
                out.add(new GroupMember(this, id, prefix + digits + extension));
            }
        }
        return java.util.List.copyOf(out);
    }

    /**
     * Why this group's members cannot be named, if they cannot: the name {@code n} is not eight
     * characters, a dot and an extension, its last four characters before the dot are not the
     * first member id {@code b} as four digits, or the ids are outside {@code 0..9999} (at most
     * {@value #MAX_MEMBERS} members). Empty for a well-formed group.
     */
    public java.util.Optional<String> problem() {
        int dot = name.lastIndexOf('.');
        if (dot != 8 || dot == name.length() - 1) {
            return java.util.Optional.of("group '" + name + "' is not named as GXXXYYYY.EXT (8 characters, a dot, an "
                    + "extension): its members cannot be named");
        }
        if (firstMember < 0 || lastMember > MAX_MEMBERS - 1) {
            return java.util.Optional.of("group '" + name + "' has member ids " + firstMember + ".." + lastMember
                    + ", outside the 4-digit ids 0..9999");
        }
        String digits = name.substring(4, 8);
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9') || Integer.parseInt(digits) != firstMember) {
            return java.util.Optional.of("group '" + name + "' does not end in its first member id " + firstMember
                    + " as four digits: its members cannot be named");
        }
        return java.util.Optional.empty();
    }

    /**
     * The number of files in the group: the ids from {@link #firstMember()} to {@link #lastMember()}
     * inclusive, less the distinct {@link #missingMembers()} within that range.
     */
    public int memberCount() {
        long missing = missingMembers.stream().distinct()
                .filter(id -> id >= firstMember && id <= lastMember).count();
        return (int) ((long) lastMember - firstMember + 1 - missing);
    }
}
