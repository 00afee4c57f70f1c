package io.camrig.footage;

import io.camrig.footage.error.FootageFormatException;
import io.camrig.footage.gpmf.GpmfParser;
import io.camrig.footage.gpmf.GpmfSummary;
import io.camrig.footage.mp4.Mp4Movie;
import io.camrig.footage.mp4.Mp4Reader;
import io.camrig.footage.mp4.Track;
import io.camrig.proto.error.CamrigException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@link FootageFacts} from a GoPro MP4: {@code moov} only (a 4 GB {@code mdat} is never
 * read), plus the first {@code tmcd} sample (4 bytes) and the first {@code gpmd} sample (at most
 * {@value #MAX_GPMF_PAYLOAD} bytes). Blocking file I/O: call it off event loops.
 *
 * <p>Errors: {@link FootageFormatException} when the file is not a readable MP4 (empty, no
 * {@code moov}, a box overrunning its parent or the file, more boxes than {@link Mp4Reader}'s limits,
 * a raw GPMF payload saved on its own); a malformed track (its tables, its timecode or GPMF), or
 * an {@code mvhd} creation time past the year 9999, does not fail the read, it becomes a
 * {@linkplain FootageFacts#warnings() warning}. Nothing is allocated from a declared size before it is checked
 * against the bytes that hold it. {@link IOException} from the file.
 */
public final class FootageReader {
    /**
     * The largest GPMF payload read, bytes: a second of HERO telemetry is tens of KB; 1 MiB with its
     * entries' records fits beside a 4 MiB {@code moov} in the offload's 16 MiB heap.
     */
    public static final int MAX_GPMF_PAYLOAD = 1 << 20;
    /** Seconds from 1904-01-01 (the MP4 epoch) to 1970-01-01. */
    static final long MP4_EPOCH_OFFSET = 2_082_844_800L;
    /** 9999-12-31T23:59:59 in seconds since 1904 (a 64-bit {@code mvhd} may claim any time). */
    static final long MAX_CREATION_TIME = 253_402_300_799L + MP4_EPOCH_OFFSET;

    private FootageReader() {
    }

    /** Reads the facts of {@code file}. */
    public static FootageFacts read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(ch, String.valueOf(file.getFileName()));
        } catch (FootageFormatException e) {
            throw e.inFile(String.valueOf(file.getFileName()));
        }
    }

    /** Reads the facts of the MP4 behind {@code ch}, named {@code name} in the result. */
    public static FootageFacts read(SeekableByteChannel ch, String name) throws IOException {
        Mp4Movie movie;
        try {
            movie = Mp4Reader.read(ch);
        } catch (FootageFormatException e) {
            if (startsWithGpmf(ch)) {
                throw new FootageFormatException("a raw GPMF payload (it starts with the KLV key DEVC), not an MP4: "
                        + "camrig reads GPMF from an MP4's gpmd track", null, e);
            }
            throw e;
        }
        List<String> warnings = new ArrayList<>(movie.unreadableTracks());
        List<String> tracks = new ArrayList<>();
        for (Track t : movie.tracks()) {
            tracks.add(t.handlerType() + " " + t.format() + " " + t.handlerName().trim());
        }
        Optional<Timecode> timecode = Optional.empty();
        Optional<Track> tmcd = movie.track("tmcd");
        if (tmcd.isEmpty()) {
            warnings.add("no timecode (tmcd) track");
        } else {
            try {
                timecode = Optional.of(timecode(ch, tmcd.get()));
            } catch (CamrigException e) {
                warnings.add("timecode unreadable: " + e.getMessage());
            }
        }
        Optional<GpmfSummary> telemetry = Optional.empty();
        Optional<Track> gpmd = movie.track("gpmd");
        if (gpmd.isEmpty()) {
            warnings.add("no GPMF (gpmd) track");
        } else if (gpmd.get().firstSampleOffset() < 0) {
            warnings.add("GPMF track has no sample");
        } else {
            try {
                ByteBuffer payload = Mp4Reader.readSample(ch, gpmd.get().firstSampleOffset(),
                        gpmd.get().firstSampleSize(), MAX_GPMF_PAYLOAD);
                telemetry = Optional.of(GpmfSummary.of(GpmfParser.parse(payload)));
            } catch (CamrigException e) {
                warnings.add("GPMF unreadable: " + e.getMessage());
            }
        }
        byte[] firm = movie.userData().getOrDefault("FIRM", new byte[0]);
        byte[] came = movie.userData().getOrDefault("CAME", new byte[0]);
        Optional<LocalDateTime> created = Optional.empty();
        if (movie.creationTime() < 0 || movie.creationTime() > MAX_CREATION_TIME) {
            warnings.add("mvhd creation time " + Long.toUnsignedString(movie.creationTime())
                    + " s since 1904 is past the year 9999");
        } else if (movie.creationTime() != 0) {
            created = Optional.of(LocalDateTime.ofEpochSecond(movie.creationTime() - MP4_EPOCH_OFFSET, 0,
                    java.time.ZoneOffset.UTC));
        }
        double duration = movie.timescale() == 0 ? 0 : movie.duration() * 1000.0 / movie.timescale();
        return new FootageFacts(name, ch.size(), movie.majorBrand(), Mp4Reader.text(firm), came, created, duration, timecode,
                telemetry, tracks, warnings);
    }

    /** {@code true} when the bytes start with GPMF's device key {@code DEVC} (a payload saved on its own). */
    private static boolean startsWithGpmf(SeekableByteChannel ch) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(4);
        ch.position(0);
        while (head.hasRemaining() && ch.read(head) > 0) {
            // a channel may return fewer bytes than asked
        }
        return !head.hasRemaining() && head.getInt(0) == 0x44455643;
    }

    private static Timecode timecode(SeekableByteChannel ch, Track t) throws IOException {
        ByteBuffer e = t.sampleEntry().duplicate();
        if (e.remaining() < 25) {
            throw new FootageFormatException("tmcd sample entry has " + e.remaining() + " bytes, needs 25");
        }
        if (t.firstSampleOffset() < 0 || t.firstSampleSize() < 4) {
            throw new FootageFormatException("tmcd track has no 4-byte sample");
        }
        int flags = e.getInt(12);
        long timescale = Integer.toUnsignedLong(e.getInt(16));
        long frameDuration = Integer.toUnsignedLong(e.getInt(20));
        int frames = e.get(24) & 0xFF;
        long start = Integer.toUnsignedLong(Mp4Reader.readSample(ch, t.firstSampleOffset(), 4, 4).getInt());
        return new Timecode(start, timescale, frameDuration, frames, flags);
    }
}
