package io.camrig.footage.mp4;

import static io.camrig.footage.testutil.Mp4Bytes.ascii;
import static io.camrig.footage.testutil.Mp4Bytes.box;
import static io.camrig.footage.testutil.Mp4Bytes.concat;
import static io.camrig.footage.testutil.Mp4Bytes.largeBox;
import static io.camrig.footage.testutil.Mp4Bytes.u32;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camrig.footage.error.FootageFormatException;
import io.camrig.footage.testutil.MemoryChannel;
import io.camrig.footage.testutil.Mp4Bytes;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The box reader's limits, each found by FootageMutationTest. */
class Mp4ReaderTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final byte[] FTYP = box("ftyp", ascii("mp41"), u32(0), ascii("mp41"));
    private static final byte[] MVHD = Mp4Bytes.mvhd(3_974_177_730L, 90_000, 270_000);

    @Test
    void aMoovOfAMillionEmptyBoxesIsATypedErrorNotSevenHundredMegabytesOfRecords() throws Exception {
        // before: every look-up in moov listed all its children, 700 MB for this 8 MiB file
        byte[] file = concat(FTYP, box("moov", empties(1 << 20), MVHD));
        long before = THREADS.getCurrentThreadAllocatedBytes();

        assertThatThrownBy(() -> Mp4Reader.read(new MemoryChannel(file))).isInstanceOf(FootageFormatException.class)
                .hasMessageContaining("one more than the " + Box.MAX_CHILDREN + " boxes one box may hold")
                .hasMessageContaining("box 'free' at offset " + (FTYP.length + 8 + 8 * Box.MAX_CHILDREN));
        assertThat(THREADS.getCurrentThreadAllocatedBytes() - before).isLessThan(2L * file.length + (4 << 20));
    }

    @Test
    void aMoovOfExactlyTheLimitOfBoxesStillReads() throws Exception {
        byte[] file = concat(FTYP, box("moov", MVHD, empties(Box.MAX_CHILDREN - 1)));

        assertThat(Mp4Reader.read(new MemoryChannel(file)).timescale()).isEqualTo(90_000);
    }

    @Test
    void moreTopLevelBoxesThanTheLimitIsATypedErrorAndTheWalkAllocatesNothingPerBox() throws Exception {
        // before: no limit (a 4 GB file of 8-byte boxes was 512 million reads) and ~160 bytes of garbage per box
        byte[] file = concat(FTYP, empties(Mp4Reader.MAX_TOP_LEVEL_BOXES));
        long before = THREADS.getCurrentThreadAllocatedBytes();

        assertThatThrownBy(() -> Mp4Reader.read(new MemoryChannel(file))).isInstanceOf(FootageFormatException.class)
                .hasMessageContaining("more than " + Mp4Reader.MAX_TOP_LEVEL_BOXES + " top-level boxes")
                .hasMessageContaining("offset " + (FTYP.length + 8L * (Mp4Reader.MAX_TOP_LEVEL_BOXES - 1)));
        assertThat(THREADS.getCurrentThreadAllocatedBytes() - before).isLessThan(1 << 20);
    }

    @Test
    void offsetsInsideAMoovWithA64BitSizeCountItsSixteenByteHeader() {
        // mvhd right after a 16-byte moov header sits at 20 + 16 = 36 (before: reported as 28)
        byte[] file = concat(FTYP, largeBox("moov", box("mvhd", u32(0), u32(0))));

        assertThatThrownBy(() -> Mp4Reader.read(new MemoryChannel(file))).isInstanceOf(FootageFormatException.class)
                .hasMessageContaining("mvhd v0 at offset 36 is truncated");
    }

    @Test
    void aSampleOffsetNearLongMaxIsOutsideTheFileNotAnOverflowingSum() {
        // a co64 chunk offset of 2^63 - 2: offset + length overflowed to a negative sum that passed the check
        MemoryChannel ch = new MemoryChannel(new byte[64]);

        assertThatThrownBy(() -> Mp4Reader.readSample(ch, Long.MAX_VALUE - 1, 4, 4))
                .isInstanceOf(FootageFormatException.class).hasMessageContaining("lies outside the file (64 bytes)");
        assertThat(ch.largestRead()).isZero();
    }

    @Test
    void theMoovLimitIsAQuarterOfASmallHeapAndThirtyTwoMebibytesInALargeOne() {
        assertThat(Mp4Reader.moovLimit(16L << 20)).isEqualTo(4 << 20);
        assertThat(Mp4Reader.moovLimit(1L << 30)).isEqualTo(Mp4Reader.MAX_MOOV_BYTES);
    }

    private static byte[] empties(int count) {
        ByteBuffer b = ByteBuffer.allocate(8 * count);
        while (b.hasRemaining()) {
            b.putInt(8).put(ascii("free"));
        }
        return b.array();
    }
}
