package io.camrig.http.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of one recording: a GoPro splits a video longer than its 4 GB file limit into
 * chapters, each listed as its own file, named {@code G<quality><chapter><id>.<extension>}:
 * quality {@code X}, {@code H}, {@code M} or {@code L}, chapter {@code 01}–{@code 99}, media id
 * {@code 0001}–{@code 9999}; later chapters keep the quality, media id and extension and count the
 * chapter up ({@code GH010078.MP4}, {@code GH020078.MP4}, {@code GH030078.MP4} …). Source: Open
 * GoPro HTTP API 2.0, tag "Media", section "Chapters" ({@code GET /gopro/media/list}).
 *
 * <p>Chapters are told apart by name only, as that section documents; a name that does not follow
 * the pattern (a photo {@code GOPR0001.JPG}, a MAX's {@code GS…} name, whose letter the section
 * does not list, any other name) is a recording of one file. A chapter the card no longer holds
 * (deleted) is simply absent: the others are still the recording. Chapters in another directory
 * are another recording. Grouping was tested against the simulator's chapters, not a real camera.
 *
 * <p>A rig fired in a burst or lapse preset records a group's photos instead ({@link #members}):
 * then the recording is those photos, and a take queues them as members of their group, so that
 * a later {@code --since-last-take} knows them and a group's total can be checked.
 *
 * @param chapters the recording's files, ordered by chapter number (never empty; one file for a
 *     name outside the pattern); for a group's photos, each {@link GroupMember#asFile()}, in id order
 * <p>The constructor throws {@link IllegalArgumentException} when {@code chapters} is empty, or
 * {@code members} is not empty and {@code chapters} is not exactly its photos as files.
 *
 * @param members the group's photos the recording is made of, or empty for a video or single photo
 */
public record Recording(List<MediaFile> chapters, List<GroupMember> members) {
    private static final Pattern CHAPTER = Pattern.compile("G([XHML])(\\d{2})(\\d{4})\\.([A-Za-z0-9]+)");

    public Recording {
        chapters = List.copyOf(chapters);
        members = List.copyOf(members);
        if (chapters.isEmpty()) {
            throw new IllegalArgumentException("a recording has at least one file");
        }
        if (!members.isEmpty() && !chapters.equals(members.stream().map(GroupMember::asFile).toList())) {
            throw new IllegalArgumentException("a group's recording is its photos");
        }
    }

    /** A recording of single files: a video's chapters, or one photo. */
    public Recording(List<MediaFile> chapters) {
        this(chapters, List.of());
    }

    /** The recording a group's {@code members} make (a burst's photos), in the order given. */
    public static Recording ofMembers(List<GroupMember> members) {
        return new Recording(members.stream().map(GroupMember::asFile).toList(), members);
    }

    /**
     * The recording the newest file of {@code list} ({@link MediaList#newest()}) belongs to: that
     * file and every other chapter of it in the same directory; or, when a group (a burst, a
     * lapse: {@link MediaGroup}) is newer than every single file (by modification time, then
     * creation time), that group's photos ({@link GroupMember#asFile()}, in id order, size {@link
     * MediaFile#SIZE_NOT_LISTED}): a rig fired in a burst preset made them, and an older file must
     * not stand in for them. Does not look at the entries left out for their names; {@link
     * io.camrig.http.UnsafeMediaNameException#requireNewestRecording} does.
     *
     * @return empty when the list holds no single file and no group with a photo left
     */
    public static Optional<Recording> newest(MediaList list) {
        Optional<MediaFile> file = list.newest();
        Optional<MediaGroup> group = list.groups().stream().filter(g -> !g.members().isEmpty())
                .max(Comparator.comparing(MediaGroup::modified).thenComparing(MediaGroup::created));
        if (group.isPresent() && (file.isEmpty() || newer(group.get(), file.get()))) {
            return Optional.of(ofMembers(group.get().members()));
        }
        return file.map(n -> of(n, list.files()));
    }

    private static boolean newer(MediaGroup group, MediaFile file) {
        int byModified = group.modified().compareTo(file.modified());
        return byModified != 0 ? byModified > 0 : group.created().isAfter(file.created());
    }

    /** The recording {@code file} belongs to among {@code files} ({@code file} included even when absent from them). */
    static Recording of(MediaFile file, List<MediaFile> files) {
        Optional<String> key = key(file.name());
        if (key.isEmpty()) {
            return new Recording(List.of(file));
        }
        List<MediaFile> chapters = new java.util.ArrayList<>(files.stream()
                .filter(f -> f.directory().equals(file.directory()) && !f.name().equals(file.name()))
                .filter(f -> key(f.name()).equals(key))
                .toList());
        chapters.add(file);
        chapters.sort(Comparator.comparingInt(f -> chapter(f.name())));
        return new Recording(chapters);
    }

    /** What the chapters of one recording share (quality, media id, extension), or empty outside the pattern. */
    private static Optional<String> key(String name) {
        Matcher m = CHAPTER.matcher(name);
        return chapter(name) < 1 ? Optional.empty() : Optional.of(m.replaceFirst("$1/$3/$4"));
    }

    /**
     * The chapter number {@code name} carries ({@code GH020078.MP4} → 2), or -1 when it does not
     * follow the chapter pattern (chapter {@code 00} or media id {@code 0000} included).
     */
    public static int chapter(String name) {
        Matcher m = CHAPTER.matcher(name);
        if (!m.matches() || Integer.parseInt(m.group(3)) == 0) {
            return -1;
        }
        int chapter = Integer.parseInt(m.group(2));
        return chapter == 0 ? -1 : chapter;
    }

    /**
     * The first chapter the card holds: chapter 01 unless deleted, when only its start timecode is
     * the recording's ({@link #startUnknown(String)}).
     */
    public MediaFile first() {
        return chapters.get(0);
    }

    /** {@link #startUnknown(String)} of this recording's {@link #first()}. */
    public Optional<String> startUnknown() {
        return startUnknown(first().name());
    }

    /**
     * Why a recording whose first file on the card is {@code firstHeld} has no known start: a
     * chapter after 01 ({@code GX020078.MP4}) starts where the chapter before it ended, minutes
     * after the recording began, so its start timecode is not the recording's; with chapter 01
     * gone (deleted, or never listed) the start is unknown, not late.
     *
     * @param firstHeld the name of the recording's lowest-numbered chapter the card holds
     * @return {@code "chapter 01 is not on the card (first held: GX020078.MP4): start unknown"};
     *     empty for chapter 01 and for a name outside the chapter pattern (a recording of one file)
     */
    public static Optional<String> startUnknown(String firstHeld) {
        return chapter(firstHeld) > 1
                ? Optional.of("chapter 01 is not on the card (first held: " + firstHeld + "): start unknown")
                : Optional.empty();
    }

    /**
     * The first chapter among {@code files} (the lowest chapter number; a name outside the pattern
     * counts as -1, before any chapter), each named by {@code name}: the file whose footage holds
     * the recording's start when {@link #startUnknown(String)} is empty for it.
     *
     * @return empty when {@code files} is empty
     */
    public static <T> Optional<T> firstChapter(java.util.Collection<T> files, java.util.function.Function<T, String> name) {
        return files.stream().min(Comparator.comparingInt(f -> chapter(name.apply(f))));
    }

    /** The total size of the chapters the list gives a size for, in bytes (a group's photos have none). */
    public long size() {
        return chapters.stream().mapToLong(MediaFile::size).filter(b -> b >= 0).sum();
    }
}
