package io.camrig.simulator.media;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The SD card of one virtual camera: the files it recorded, and their content.
 *
 * <p>Recordings are named as a GoPro names the chapters of a video: {@code GX01nnnn.MP4},
 * starting at {@code GX010001.MP4}, all in directory {@value #DIRECTORY}; each has the card's
 * configured size (or its MP4 head's, when larger). A recording larger than the chapter size
 * ({@link RecordedVideos#splitChaptersAt}) is split into chapters {@code GX02nnnn.MP4} … of the
 * same media id ({@link #videos()}). Each recording is a small valid MP4 ({@link
 * Mp4Writer}: {@code udta} FIRM/CAME, {@code mvhd}, a {@code tmcd} track whose start frame comes
 * from the camera's clock at the start, a GPMF track) whose {@code mdat} runs to the end of the
 * file. Only that head (under 1 KiB) is stored: byte {@code i} past it is a pure function of the
 * camera's serial number, the file name and {@code i} ({@link CardContent}). {@link
 * #expectedBytes} recomputes a whole file for tests.
 *
 * <p>Beside the files: its bursts ({@link #groups()}), and fault injection ({@link #faults()}).
 *
 * <p>Thread-safe: the BLE side records while the HTTP side lists and reads.
 */
public final class SdCard {
    /** The directory every recording goes to. */
    public static final String DIRECTORY = "100GOPRO";
    /** The highest file number ({@code GX019999.MP4}); a camera starts a new directory after it. */
    public static final int MAX_FILES = 9999;

    private final String serial;
    private final long seed;
    private final int fileSizeBytes;
    private final CardFiles files = new CardFiles(this);
    private final RecordedVideos videos = new RecordedVideos(DIRECTORY);
    private final CardGroups groups = new CardGroups();
    private final RawVersions raws = new RawVersions();
    private final CardFaults faults = new CardFaults(this, raws);
    private final CardWriter writer = new CardWriter(files, videos, raws, groups);

    /**
     * An empty card.
     *
     * @param serial the camera's serial number; part of every file's content
     * @param seed the simulation seed; decides the media list id
     * @param fileSizeBytes size of every recording, in bytes, at least 0 (the simulator's default
     *     is 4 MiB)
     */
    public SdCard(String serial, long seed, int fileSizeBytes) {
        this.serial = Objects.requireNonNull(serial, "serial");
        if (fileSizeBytes < 0) {
            throw new IllegalArgumentException("fileSizeBytes must be >= 0, was " + fileSizeBytes);
        }
        this.seed = seed;
        this.fileSizeBytes = fileSizeBytes;
    }

    /** The camera's serial number. */
    public String serial() {
        return serial;
    }

    /** Size of each new recording, in bytes. */
    public int fileSizeBytes() {
        return fileSizeBytes;
    }

    /** The media list id this card reports: a decimal number derived from the seed. */
    public String mediaListId() {
        return CardContent.mediaListId(serial, seed);
    }

    /**
     * Adds the next recording, {@code GX01nnnn.MP4} in {@value #DIRECTORY}, with a camera clock
     * that reads {@code when} in UTC, no length, model "GoPro" and the serial as camera id.
     *
     * @param when when it was recorded; truncated to whole seconds in the listing
     * @return the new file (its first chapter when it is split: {@link RecordedVideos#splitChaptersAt})
     * @throws IllegalStateException when the card already holds {@value #MAX_FILES} recordings
     */
    public SdCardFile record(Instant when) {
        return record(when, new RecordingFacts("GoPro", "", serial,
                java.time.LocalDateTime.ofInstant(when, java.time.ZoneOffset.UTC), java.time.Duration.ZERO));
    }

    /**
     * Adds the next recording, its MP4 head written from {@code facts} (each chapter's from its
     * part of them when it is split: {@link RecordedVideos#splitChaptersAt}).
     *
     * @param when when it was recorded (the media list's creation time); truncated to whole seconds
     * @return the new file, or its first chapter
     * @throws IllegalStateException when the card already holds {@value #MAX_FILES} recordings
     */
    public synchronized SdCardFile record(Instant when, RecordingFacts facts) {
        return record(when, facts, fileSizeBytes);
    }

    /**
     * As {@link #record(Instant, RecordingFacts)}, this one recording {@code sizeBytes} long (or
     * its MP4 head's size, when larger) instead of the card's configured size.
     *
     * @throws IllegalArgumentException when {@code sizeBytes} is negative
     */
    public synchronized SdCardFile record(Instant when, RecordingFacts facts, int sizeBytes) {
        return writer.record(when, facts, sizeBytes);
    }

    /**
     * Adds a burst of {@code members} photos ({@link SdCardGroup}): member ids take the next
     * {@code members} file numbers (as a camera numbers photos and videos in one sequence), the
     * group the next group number; each member {@code memberSize} bytes of the card's filler.
     * Not spooled: its members are always computed.
     *
     * @return the group
     * @throws IllegalStateException when {@code members} is below 1, or the numbers would pass
     *     {@value #MAX_FILES} or 999 groups
     */
    public synchronized SdCardGroup addGroup(int members, int memberSize, Instant when) {
        return writer.addGroup(members, memberSize, when);
    }

    /**
     * Adds a single photo, {@code GOPRnnnn.JPG} in {@value #DIRECTORY} (the next file number),
     * {@code sizeBytes} of the card's filler. With {@code raw}, the camera also keeps its RAW
     * version {@code GOPRnnnn.GPR} ({@link #rawVersion}): the list marks the photo {@code "raw":
     * "1"} and does not list the GPR, which downloads like any file and goes when the photo is
     * deleted (as a camera deletes a RAW photo's two files together: assumed, not seen).
     *
     * @return the photo
     * @throws IllegalStateException when the card already holds {@value #MAX_FILES} files
     * @throws IllegalArgumentException when {@code sizeBytes} is negative
     */
    public synchronized SdCardFile addPhoto(int sizeBytes, boolean raw, Instant when) {
        return writer.addPhoto(sizeBytes, raw, when);
    }

    /**
     * The RAW version ({@code .GPR}) the camera keeps beside a photo added with {@code raw}: same
     * directory and stem, three times the photo's size (at least 1 KiB), not listed.
     */
    public Optional<SdCardFile> rawVersion(SdCardFile photo) {
        return raws.of(photo);
    }

    /** The recorded videos: their chapter size, lengths, recorded sizes and low-resolution companions. */
    public RecordedVideos videos() {
        return videos;
    }

    /** Fault injection: a card that lies in its list, cuts files short, keeps what it should delete … */
    public CardFaults faults() {
        return faults;
    }

    /** The card's grouped items (bursts), their members downloadable and deletable one by one. */
    public CardGroups groups() {
        return groups;
    }

    /**
     * Also keeps each recording's whole content in a file under {@code dir} (the ones on the card
     * now, and each new one when it is recorded, deleted with it), so a server can send it from
     * the page cache with zero copy ({@code sendfile}) instead of computing every byte. Blocking:
     * writes {@code size} bytes per recording.
     *
     * @throws java.io.UncheckedIOException when {@code dir} cannot be written
     */
    public synchronized void spoolTo(java.nio.file.Path dir) {
        files.spoolTo(dir);
    }

    /** The file holding {@code file}'s whole content when the card is spooled ({@link #spoolTo}), else empty. */
    public Optional<java.nio.file.Path> contentFile(SdCardFile file) {
        return files.contentFile(file);
    }

    /** Deletes every file (Delete All Files); later recordings keep counting up from the last number. */
    public synchronized void deleteAll() {
        files.clear();
        raws.clear();
        groups.clear();
        videos.clear();
    }

    /**
     * Formats the card: every file gone and numbering restarted, so the next recording is {@code
     * GX010001.MP4} again, a name an earlier recording already had.
     */
    public synchronized void format() {
        deleteAll();
        writer.restart();
    }

    /**
     * Deletes one file; numbering goes on (a camera never reuses a file number, until a {@link
     * #format}). As {@link CardFaults#deletes(CardFaults.Deletes)} says: a refusing card keeps the
     * file and answers {@code false}; a card that only claims to delete keeps it and answers {@code
     * true}.
     *
     * @return {@code true} when it was on the card (and, unless {@link CardFaults.Deletes#REFUSES},
     *     is said deleted)
     */
    public synchronized boolean delete(String directory, String name) {
        CardFaults.Deletes behaviour = faults.deletes();
        if (behaviour != CardFaults.Deletes.DELETES) {
            return behaviour == CardFaults.Deletes.KEEPS
                    && (find(directory, name).isPresent() || groups.member(directory, name).isPresent());
        }
        if (groups.delete(directory, name)) {
            return true;    // a group's member: it joins the group's deleted ids (m)
        }
        boolean removed = files.remove(directory, name);
        if (removed && directory.equals(DIRECTORY)) {
            raws.forget(name);
            videos.forget(name);
        }
        return removed;
    }

    /** Replaces file {@code directory/name} with {@code change} applied to it; for {@link CardFaults#truncate}. */
    synchronized SdCardFile replace(String directory, String name, java.util.function.UnaryOperator<SdCardFile> change) {
        return files.replace(directory, name, change);
    }

    /** A recording or photo, or the low-resolution video or RAW version of one, by directory and name. */
    public Optional<SdCardFile> findWithCompanions(String directory, String name) {
        Optional<SdCardFile> main = find(directory, name);
        if (main.isPresent()) {
            return main;
        }
        return files.in(directory)
                .flatMap(f -> java.util.stream.Stream.of(videos.lowResolution(f), raws.served(f)))
                .flatMap(Optional::stream).filter(l -> l.name().equals(name)).findFirst();
    }

    /** How many files the card holds (the media-count status, 39), without a snapshot. */
    public int fileCount() {
        return files.count();
    }

    /** Every file, oldest first; an immutable snapshot. */
    public List<SdCardFile> files() {
        return files.snapshot();
    }

    /** The file with this directory and name (case sensitive), if recorded. */
    public Optional<SdCardFile> find(String directory, String name) {
        return files.find(directory, name);
    }

    /**
     * Reads content of {@code file} into {@code dst}.
     *
     * @param offset position in the file, in bytes, {@code >= 0}
     * @return bytes read, {@code min(len, size - offset)}, or -1 when {@code offset >= size} and
     *     {@code len > 0}
     * @throws IndexOutOfBoundsException when {@code off}/{@code len} do not fit {@code dst}
     * @throws IllegalArgumentException when {@code offset} is negative
     */
    public int read(SdCardFile file, long offset, byte[] dst, int off, int len) {
        return CardContent.read(serial, videos.head(file.name()), file, offset, dst, off, len);
    }

    /** The whole content of {@code file} on this card; what a correct download must produce. */
    public byte[] expectedBytes(SdCardFile file) {
        if (file.size() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("file too large for one array: " + file.size() + " bytes");
        }
        byte[] out = new byte[(int) file.size()];
        read(file, 0, out, 0, out.length);
        return out;
    }

    @Override
    public String toString() {
        return "SdCard[" + serial + ", " + files.count() + " files]";
    }
}
