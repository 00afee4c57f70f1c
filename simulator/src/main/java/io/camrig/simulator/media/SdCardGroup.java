package io.camrig.simulator.media;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One grouped media item on a simulated SD card (a burst), as a camera lists it in {@code GET
 * /gopro/media/list} (schema {@code GroupedMediaListItem}, in the shape the official SDK's
 * real-camera vectors show): {@code n} its first member's name, {@code g} the group number,
 * {@code b}/{@code l} the first and last member ids, {@code s} the total size in BYTES (as real
 * cameras send it, not the spec's "number of files"), {@code t} {@code "b"}, {@code m} the ids of
 * deleted members. Member {@code id} is named {@code G} + the group number as three digits + the
 * id as four digits + {@code .JPG} ({@code G0017061.JPG}); its content is the card's filler for
 * that name ({@link CardContent#fill}).
 *
 * @param directory the directory, e.g. {@code 100GOPRO}
 * @param number the group number ({@code g}), 1..999
 * @param first the first member id ({@code b})
 * @param last the last member id ({@code l})
 * @param memberSize every member's size, bytes
 * @param created creation time, whole seconds ({@code cre}, {@code mod})
 * @param deleted ids deleted one by one ({@code m}); sorted, immutable
 * @param listedName the {@code n} listed: the first member's name, or another for a hostile camera
 * @param unserved ids whose download the camera answers 404 (a hostile camera); sorted, immutable
 */
public record SdCardGroup(String directory, int number, int first, int last, int memberSize, Instant created,
        Set<Integer> deleted, String listedName, Set<Integer> unserved) {

    public SdCardGroup {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(listedName, "listedName");
        if (number < 1 || number > 999 || first < 0 || last < first || last > 9999 || memberSize < 0) {
            throw new IllegalArgumentException("group " + number + " ids " + first + ".." + last + " size " + memberSize);
        }
        deleted = Set.copyOf(new TreeSet<>(deleted));
        unserved = Set.copyOf(new TreeSet<>(unserved));
    }

    /** The name of member {@code id}. */
    public String memberName(int id) {
        return String.format(Locale.ROOT, "G%03d%04d.JPG", number, id);
    }

    /** The members still on the card, in id order. */
    public List<SdCardFile> members() {
        List<SdCardFile> out = new java.util.ArrayList<>();
        for (int id = first; id <= last; id++) {
            if (!deleted.contains(id)) {
                out.add(new SdCardFile(directory, memberName(id), memberSize, created));
            }
        }
        return out;
    }

    /** The total size of the members still on the card, bytes ({@code s}). */
    public long sizeBytes() {
        return (long) memberSize * members().size();
    }

    /** The id of the member named {@code name} (deleted or not), or -1. */
    int idOf(String name) {
        String prefix = String.format(Locale.ROOT, "G%03d", number);
        if (name.length() != 12 || !name.startsWith(prefix) || !name.endsWith(".JPG")) {
            return -1;
        }
        String digits = name.substring(4, 8);
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        int id = Integer.parseInt(digits);
        return id >= first && id <= last ? id : -1;
    }

    /** A copy without member {@code id}. */
    SdCardGroup withDeleted(int id) {
        Set<Integer> d = new TreeSet<>(deleted);
        d.add(id);
        return new SdCardGroup(directory, number, first, last, memberSize, created, d, listedName, unserved);
    }

    /** A copy listed under {@code name} (a hostile camera's group name). */
    public SdCardGroup listedAs(String name) {
        return new SdCardGroup(directory, number, first, last, memberSize, created, deleted, name, unserved);
    }

    /** A copy whose member {@code id} the camera lists but answers 404 for. */
    public SdCardGroup withUnserved(int id) {
        Set<Integer> u = new TreeSet<>(unserved);
        u.add(id);
        return new SdCardGroup(directory, number, first, last, memberSize, created, deleted, listedName, u);
    }
}
