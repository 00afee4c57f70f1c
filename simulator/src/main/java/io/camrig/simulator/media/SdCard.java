package io.camrig.simulator.media;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The SD card of one virtual camera: the files it recorded, and their content.
 *
 * <p>Recordings are named as a GoPro names the chapters of a video: {@code GX01nnnn.MP4},
 * starting at {@code GX010001.MP4}, all in directory {@value #DIRECTORY}; each has the card's
 * configured size (or its MP4 head's, when larger). A recording larger than the chapter size
 * ({@link #splitChaptersAt}) is split into chapters {@code GX02nnnn.MP4} … of the same media id. Each recording is a small valid MP4 ({@link
 * Mp4Writer}: {@code udta} FIRM/CAME, {@code mvhd}, a {@code tmcd} track whose start frame comes
 * from the camera's clock at the start, a GPMF track) whose {@code mdat} runs to the end of the
 * file. Only that head (under 1 KiB) is stored: byte {@code i} past it is a pure function of the
 * camera's serial number, the file name and {@code i} (a SplitMix64 stream keyed by a hash of
 * serial and name, one 64-bit word per 8 bytes, so any offset is reached in constant time). {@link
 * #expectedBytes} recomputes a whole file for tests.
 *
 * <p>Thread-safe: the BLE side records while the HTTP side lists and reads.
 */
public final class SdCard {
    /** The directory every recording goes to. */
    public static final String DIRECTORY = "100GOPRO";
    /** The highest file number ({@code GX019999.MP4}); a camera starts a new directory after it. */
    public static final int MAX_FILES = 9999;

    /** A real camera's chapter size: about its 4 GB file limit ({@link #splitChaptersAt}). */
    public static final long DEFAULT_CHAPTER_BYTES = 4_000_000_000L;

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final String serial;
    private final long seed;
    private final int fileSizeBytes;
    private final List<SdCardFile> files = new CopyOnWriteArrayList<>();
    private final List<SdCardFile> listedOnly = new CopyOnWriteArrayList<>();
    private final java.util.Map<String, byte[]> heads = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, java.time.Duration> lengths = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, Long> recordedSizes = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile CardSpool spool;
    private volatile Deletes deletes = Deletes.DELETES;
    private final CardGroups groups = new CardGroups();
    private final RawVersions raws = new RawVersions();
    private volatile long chapterBytes = DEFAULT_CHAPTER_BYTES;
    private int recorded;
    private int groupNumber;

    /**
     * How the card answers a request to delete one file ({@link #delete}): a real camera may
     * refuse (a locked card, a busy camera) or, through a firmware bug, say it deleted a file it
     * still holds.
     */
    public enum Deletes {
        /** Deletes the file (the default). */
        DELETES,
        /** Refuses: keeps the file and reports it was not deleted (the HTTP route answers an error). */
        REFUSES,
        /** Keeps the file but reports it deleted (the HTTP route answers 200). */
        KEEPS
    }

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
        return Long.toUnsignedString(mix64(seed ^ fnv1a(serial)));
    }

    /**
     * Adds the next recording, {@code GX01nnnn.MP4} in {@value #DIRECTORY}, with a camera clock
     * that reads {@code when} in UTC, no length, model "GoPro" and the serial as camera id.
     *
     * @param when when it was recorded; truncated to whole seconds in the listing
     * @return the new file (its first chapter when it is split: {@link #splitChaptersAt})
     * @throws IllegalStateException when the card already holds {@value #MAX_FILES} recordings
     */
    public SdCardFile record(Instant when) {
        return record(when, new RecordingFacts("GoPro", "", serial,
                java.time.LocalDateTime.ofInstant(when, java.time.ZoneOffset.UTC), java.time.Duration.ZERO));
    }

    /**
     * Adds the next recording, its MP4 head written from {@code facts} (each chapter's from its
     * part of them when it is split: {@link #splitChaptersAt}).
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
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes must be >= 0, was " + sizeBytes);
        }
        int number = recorded + 1;
        if (number > MAX_FILES) {
            throw new IllegalStateException("SD card holds " + MAX_FILES + " recordings already");
        }
        SdCardFile first = null;
        for (Chapters.Chapter c : Chapters.split(sizeBytes, chapterBytes, facts.length())) {
            // Each chapter is an MP4 of its own: its timecode starts where the chapter before ended.
            RecordingFacts part = new RecordingFacts(facts.model(), facts.firmware(), facts.cameraId(),
                    facts.encodingStart().plus(c.start()), c.length());
            byte[] head = Mp4Writer.head(part, c.bytes());
            String name = String.format("GX%02d%04d.MP4", c.number(), number);
            SdCardFile file = new SdCardFile(DIRECTORY, name, Math.max(c.bytes(), head.length),
                    when.plus(c.start()).truncatedTo(ChronoUnit.SECONDS));
            heads.put(name, head);
            lengths.put(name, part.length());
            recordedSizes.put(name, file.size());
            if (spool != null) {
                spool.write(this, file);
            }
            files.add(file);
            first = first == null ? file : first;
        }
        recorded = number;
        return first;
    }

    /**
     * From the next recording on, splits each recording into chapters of at most {@code bytes}
     * bytes, as a GoPro splits a video at its 4 GB file limit (Open GoPro HTTP API 2.0, tag
     * "Media", section "Chapters"): {@code GX01nnnn.MP4}, {@code GX02nnnn.MP4} … sharing the media
     * id {@code nnnn}, each a valid MP4 whose {@code tmcd} start frame continues where the chapter
     * before ended and whose {@code mvhd} duration is its own part (the recording's length shared in
     * proportion to the bytes), listed as created when it starts. At most 99 chapters: the last
     * takes what is left. The default, {@value #DEFAULT_CHAPTER_BYTES} bytes, is over any size a
     * simulated recording can have, so recordings stay one file.
     *
     * @throws IllegalArgumentException when {@code bytes} is below 1
     */
    public void splitChaptersAt(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("chapter size must be >= 1 byte, was " + bytes);
        }
        chapterBytes = bytes;
    }

    /** The chapter size in bytes ({@link #splitChaptersAt}). */
    public long chapterBytes() {
        return chapterBytes;
    }

    /**
     * Adds a burst of {@code members} photos ({@link SdCardGroup}): member ids take the next
     * {@code members} file numbers (as a camera numbers photos and videos in one sequence), the
     * group the next group number; each member {@code memberSize} bytes of the card's filler.
     * Not spooled: its members are always computed.
     *
     * @return the group
     * @throws IllegalStateException when the numbers would pass {@value #MAX_FILES} or 999 groups
     */
    public synchronized SdCardGroup addGroup(int members, int memberSize, Instant when) {
        if (members < 1 || recorded + members > MAX_FILES || groupNumber >= 999) {
            throw new IllegalStateException("SD card cannot number " + members + " more photos in a group");
        }
        groupNumber++;
        SdCardGroup g = new SdCardGroup(DIRECTORY, groupNumber, recorded + 1, recorded + members, memberSize,
                when.truncatedTo(ChronoUnit.SECONDS), java.util.Set.of(), "", java.util.Set.of());
        g = g.listedAs(g.memberName(g.first()));
        groups.add(g);
        recorded += members;
        return g;
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
     */
    public synchronized SdCardFile addPhoto(int sizeBytes, boolean raw, Instant when) {
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes must be >= 0, was " + sizeBytes);
        }
        int number = recorded + 1;
        if (number > MAX_FILES) {
            throw new IllegalStateException("SD card holds " + MAX_FILES + " files already");
        }
        SdCardFile photo = new SdCardFile(DIRECTORY, String.format("GOPR%04d.JPG", number), sizeBytes,
                when.truncatedTo(ChronoUnit.SECONDS));
        if (raw) {
            raws.mark(photo);
        }
        files.add(photo);
        recorded = number;
        return photo;
    }

    /**
     * The RAW version ({@code .GPR}) the camera keeps beside a photo added with {@code raw}: same
     * directory and stem, three times the photo's size (at least 1 KiB), not listed.
     */
    public Optional<SdCardFile> rawVersion(SdCardFile photo) {
        return raws.of(photo);
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
        CardSpool s = new CardSpool(dir, serial);
        for (SdCardFile f : files) {
            s.write(this, f);
        }
        spool = s;
    }

    /** The file holding {@code file}'s whole content when the card is spooled ({@link #spoolTo}), else empty. */
    public Optional<java.nio.file.Path> contentFile(SdCardFile file) {
        CardSpool s = spool;
        return s == null ? Optional.empty() : s.find(file);
    }

    /** Deletes every file (Delete All Files); later recordings keep counting up from the last number. */
    public synchronized void deleteAll() {
        if (spool != null) {
            files.forEach(spool::delete);
        }
        files.clear();
        raws.clear();
        groups.clear();
        heads.clear();
        lengths.clear();
        recordedSizes.clear();
    }

    /**
     * Formats the card: every file gone and numbering restarted, so the next recording is {@code
     * GX010001.MP4} again, a name an earlier recording already had.
     */
    public synchronized void format() {
        deleteAll();
        recorded = 0;
        groupNumber = 0;
    }

    /** From now on, answers requests to delete one file as {@code behaviour} says ({@link Deletes#DELETES} by default). */
    public void deletes(Deletes behaviour) {
        deletes = Objects.requireNonNull(behaviour, "behaviour");
    }

    /**
     * Deletes one file; numbering goes on (a camera never reuses a file number, until a {@link
     * #format}). As {@link #deletes(Deletes)} says: a refusing card keeps the file and answers
     * {@code false}; a card that only claims to delete keeps it and answers {@code true}.
     *
     * @return {@code true} when it was on the card (and, unless {@link Deletes#REFUSES}, is said deleted)
     */
    public synchronized boolean delete(String directory, String name) {
        Deletes behaviour = deletes;
        if (behaviour != Deletes.DELETES) {
            return behaviour == Deletes.KEEPS
                    && (find(directory, name).isPresent() || groups.member(directory, name).isPresent());
        }
        if (groups.delete(directory, name)) {
            return true;    // a group's member: it joins the group's deleted ids (m)
        }
        Optional<SdCardFile> gone = find(directory, name);
        if (gone.isPresent() && spool != null) {
            spool.delete(gone.get());
        }
        boolean removed = files.removeIf(f -> f.directory().equals(directory) && f.name().equals(name));
        if (removed && directory.equals(DIRECTORY)) {
            raws.forget(name);
            heads.remove(name);
            lengths.remove(name);
            recordedSizes.remove(name);
        }
        return removed;
    }

    /**
     * Plays a camera whose listing and transfer of one file are cut short: from now on the media
     * list and the download give {@code size} bytes, while its media info ({@code GET
     * /gopro/media/info}, {@code s}) still reports the size it recorded.
     *
     * @return the file as now listed
     * @throws java.util.NoSuchElementException when the card does not hold it
     */
    public synchronized SdCardFile truncate(String directory, String name, long size) {
        SdCardFile old = find(directory, name).orElseThrow(() -> new java.util.NoSuchElementException(name));
        SdCardFile cut = new SdCardFile(old.directory(), old.name(), size, old.created());
        files.set(files.indexOf(old), cut);
        return cut;
    }

    /** The size the camera recorded for {@code file} (its media info's {@code s}); its listed size unless truncated. */
    public long recordedSize(SdCardFile file) {
        return recordedSizes.getOrDefault(file.name(), file.size());
    }

    /** How long {@code file} recorded (its media info's {@code dur}, its {@code mvhd} duration). */
    public java.time.Duration length(SdCardFile file) {
        return lengths.getOrDefault(file.name(), java.time.Duration.ZERO);
    }

    /**
     * The low-resolution video ({@code .LRV}) the camera keeps beside a recording {@code GXnnnnnn.MP4}:
     * {@code GLnnnnnn.LRV} in the same directory, a sixteenth of its size (at least 1 KiB), listed
     * only as the recording's {@code glrv} size and downloaded like any file.
     */
    public Optional<SdCardFile> lowResolution(SdCardFile video) {
        String n = video.name();
        if (!n.startsWith("GX") || !n.endsWith(".MP4") || !heads.containsKey(n)) {
            return Optional.empty();
        }
        return Optional.of(new SdCardFile(video.directory(), "GL" + n.substring(2, n.length() - 4) + ".LRV",
                Math.max(1024, video.size() / 16), video.created()));
    }

    /**
     * Fault injection, a camera that marks {@code photo} {@code "raw": "1"} but serves no RAW
     * version (its download answers 404), as a camera naming its RAW files otherwise would look.
     */
    public void withholdRawVersion(SdCardFile photo) {
        raws.withhold(photo);
    }

    /** Serves {@code photo}'s RAW version again after {@link #withholdRawVersion}. */
    public void serveRawVersion(SdCardFile photo) {
        raws.serve(photo);
    }

    /** A recording or photo, or the low-resolution video or RAW version of one, by directory and name. */
    public Optional<SdCardFile> findWithCompanions(String directory, String name) {
        Optional<SdCardFile> main = find(directory, name);
        if (main.isPresent()) {
            return main;
        }
        return files.stream().filter(f -> f.directory().equals(directory))
                .flatMap(f -> java.util.stream.Stream.of(lowResolution(f),
                        raws.served(f)))
                .flatMap(Optional::stream).filter(l -> l.name().equals(name)).findFirst();
    }

    /** How many files the card holds (the media-count status, 39), without a snapshot. */
    public int fileCount() {
        return files.size();
    }

    /**
     * Fault injection, a camera that lies in its media list: lists {@code entry} after the recorded
     * files, under whatever folder and name it has ({@code ../../x}, {@code /etc/passwd}, a
     * control character, 300 characters …), without holding it: it is never served nor found.
     */
    public void listAlso(SdCardFile entry) {
        listedOnly.add(Objects.requireNonNull(entry, "entry"));
    }

    /** What {@link #listAlso} added, in order; an immutable snapshot. */
    public List<SdCardFile> listedOnly() {
        return List.copyOf(listedOnly);
    }

    /** Every file, oldest first; an immutable snapshot. */
    public List<SdCardFile> files() {
        return List.copyOf(files);
    }

    /** The file with this directory and name (case sensitive), if recorded. */
    public Optional<SdCardFile> find(String directory, String name) {
        return files.stream().filter(f -> f.directory().equals(directory) && f.name().equals(name)).findFirst();
    }

    /**
     * Reads content of {@code file} into {@code dst}.
     *
     * @param offset position in the file, in bytes, {@code >= 0}
     * @return bytes read, {@code min(len, size - offset)}, or -1 when {@code offset >= size} and
     *     {@code len > 0}
     * @throws IndexOutOfBoundsException when {@code off}/{@code len} do not fit {@code dst}
     */
    public int read(SdCardFile file, long offset, byte[] dst, int off, int len) {
        Objects.checkFromIndexSize(off, len, dst.length);
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, was " + offset);
        }
        if (len == 0) {
            return 0;
        }
        if (offset >= file.size()) {
            return -1;
        }
        int n = (int) Math.min(len, file.size() - offset);
        byte[] head = heads.getOrDefault(file.name(), new byte[0]);
        int fromHead = offset >= head.length ? 0 : (int) Math.min(n, head.length - offset);
        if (fromHead > 0) {
            System.arraycopy(head, (int) offset, dst, off, fromHead);
        }
        fill(serial, file.name(), offset + fromHead, dst, off + fromHead, n - fromHead);
        return n;
    }

    /**
     * The filler of file {@code name} on camera {@code serial}: what every byte past the MP4 head
     * holds, as {@code size} bytes from offset 0 (the head then overwrites the start).
     */
    public static byte[] filler(String serial, String name, int size) {
        byte[] out = new byte[size];
        fill(serial, name, 0, out, 0, size);
        return out;
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

    /**
     * Writes bytes {@code [offset, offset + len)} of file {@code name} on camera {@code serial}
     * into {@code dst[off…]}; content is defined for any offset (the file's size only bounds
     * reads).
     */
    public static void fill(String serial, String name, long offset, byte[] dst, int off, int len) {
        Objects.checkFromIndexSize(off, len, dst.length);
        long key = mix64(fnv1a(serial) * 31 + fnv1a(name));
        long pos = offset;
        int i = off;
        int end = off + len;
        while (i < end) {
            long word = mix64(key + ((pos >>> 3) + 1) * GOLDEN_GAMMA);
            for (int b = (int) (pos & 7); b < 8 && i < end; b++, pos++) {
                dst[i++] = (byte) (word >>> (b << 3));
            }
        }
    }

    private static long fnv1a(String s) {
        long h = 0xCBF29CE484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * 0x100000001B3L;
        }
        return h;
    }

    /** The SplitMix64 output function. */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public String toString() {
        return "SdCard[" + serial + ", " + files.size() + " files]";
    }
}
