package io.camrig.footage;

import static io.camrig.footage.testutil.Mp4Bytes.ascii;
import static io.camrig.footage.testutil.Mp4Bytes.box;
import static io.camrig.footage.testutil.Mp4Bytes.concat;
import static io.camrig.footage.testutil.Mp4Bytes.u32;
import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.footage.gpmf.GpmfParser;
import io.camrig.footage.testutil.Mp4Bytes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * After an offload, {@code camrig offload} reads each file's footage in its own JVM, whose heap is
 * 16 MiB ({@code -XX:+UseSerialGC -Xmx16m -Xmn4m}, the launcher's defaults). A hostile file must be
 * a typed error there too, not an {@link OutOfMemoryError} that ends the offload of every camera:
 * before, a 31 MiB {@code moov} was one (the reader allowed 32 MiB), and so was a 4 MiB GPMF payload
 * of empty entries with a live set of 8 MiB.
 */
class OffloadHeapTest {
    private static final byte[] FTYP = box("ftyp", ascii("mp41"), u32(0), ascii("mp41"));
    private static final byte[] MVHD = Mp4Bytes.mvhd(3_974_177_730L, 90_000, 270_000);

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void hostileFilesAreTypedErrorsInTheOffloadsSixteenMegabyteHeap(@TempDir Path dir) throws Exception {
        List<String> files = new ArrayList<>();
        // moov bodies of 31 MiB (under the old 32 MiB limit) and of 3 MiB (more than a long chapter's), with a track
        byte[] trak = Mp4Bytes.trak("meta", "GoPro MET", Mp4Bytes.gpmdEntry(), 4, 0, false);
        files.add(write(dir, "moov31.mp4", concat(FTYP, box("moov", MVHD, box("free", new byte[31 << 20]), trak))));
        files.add(write(dir, "moov3.mp4", concat(FTYP, box("moov", MVHD, box("free", new byte[3 << 20]), trak))));
        // GPMF payloads of empty entries: at the payload limit with as many entries as allowed, and over both
        files.add(write(dir, "gpmf-at-limits.mp4", Mp4Bytes.goproLike(1, 2,
                entries(GpmfParser.MAX_ENTRIES, FootageReader.MAX_GPMF_PAYLOAD), false)));
        files.add(write(dir, "gpmf-4mib.mp4", Mp4Bytes.goproLike(1, 2, entries(1 << 19, 4 << 20), false)));

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx16m", "-Xmn4m", "-cp", System.getProperty("java.class.path"),
                SmallHeapReads.class.getName(), "8"));
        command.addAll(files);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(50, TimeUnit.SECONDS)).isTrue();

        assertThat(out.lines()).as(out).hasSize(5).satisfiesExactly(
                l -> assertThat(l).startsWith("typed moov31.mp4: moov at offset 20 declares ")
                        .contains("over the limit of").endsWith(" MiB heap)"),
                l -> assertThat(l).isEqualTo("facts moov3.mp4"),
                l -> assertThat(l).isEqualTo("facts gpmf-at-limits.mp4"),
                l -> assertThat(l).isEqualTo("facts gpmf-4mib.mp4"),
                l -> assertThat(l).isEqualTo("live 8 MiB"));
    }

    /** {@code count} empty STMP entries, then zeros (padding) up to {@code size} bytes. */
    private static byte[] entries(int count, int size) {
        ByteBuffer b = ByteBuffer.allocate(size);
        for (int i = 0; i < count && b.remaining() >= 8; i++) {
            b.put(ascii("STMP")).put((byte) 'J').put((byte) 8).putShort((short) 0);
        }
        return b.array();
    }

    private static String write(Path dir, String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes).toString();
    }
}
