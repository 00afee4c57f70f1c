package io.camrig.simulator.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SdCardTest {
    private static final Instant T0 = Instant.parse("2023-09-29T15:06:40.750Z");

    @Test
    void recordingsAreNumberedFromGx010001InTheGoProDirectory() {
        SdCard card = new SdCard("C3501324500001", 42, 4000);

        SdCardFile first = card.record(T0);
        SdCardFile second = card.record(T0.plusSeconds(5));

        assertThat(first).isEqualTo(new SdCardFile("100GOPRO", "GX010001.MP4", 4000,
                Instant.parse("2023-09-29T15:06:40Z")));
        assertThat(second.name()).isEqualTo("GX010002.MP4");
        assertThat(card.files()).containsExactly(first, second);
        assertThat(card.find("100GOPRO", "GX010002.MP4")).contains(second);
        assertThat(card.find("100GOPRO", "gx010002.mp4")).isEmpty();
        assertThat(card.find("101GOPRO", "GX010002.MP4")).isEmpty();
    }

    @Test
    void readReturnsTheSameBytesAsExpectedBytesAtAnyOffset() {
        SdCard card = new SdCard("SERIAL1", 1, 100_003);
        SdCardFile file = card.record(T0);
        byte[] expected = card.expectedBytes(file);
        byte[] filler = CardContent.filler("SERIAL1", "GX010001.MP4", 100_003);
        assertThat(new String(expected, 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ftyp");
        assertThat(java.util.Arrays.copyOfRange(expected, 2048, expected.length))
                .isEqualTo(java.util.Arrays.copyOfRange(filler, 2048, filler.length));

        for (long offset : new long[] {0, 1, 7, 8, 9, 65_535, 65_536, 99_990}) {
            byte[] dst = new byte[20];
            int n = card.read(file, offset, dst, 3, 17);
            int want = (int) Math.min(17, 100_003 - offset);
            assertThat(n).isEqualTo(want);
            assertThat(Arrays.copyOfRange(dst, 3, 3 + n))
                    .isEqualTo(Arrays.copyOfRange(expected, (int) offset, (int) offset + want));
        }
        assertThat(card.read(file, 100_003, new byte[4], 0, 4)).isEqualTo(-1);
        assertThat(card.read(file, 100_003, new byte[4], 0, 0)).isZero();
        assertThatThrownBy(() -> card.read(file, 0, new byte[4], 2, 4)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void contentIsDeterministicAndDependsOnSerialAndName() {
        byte[] a = CardContent.filler("A", "GX010001.MP4", 4096);

        assertThat(CardContent.filler("A", "GX010001.MP4", 4096)).isEqualTo(a);
        assertThat(CardContent.filler("B", "GX010001.MP4", 4096)).isNotEqualTo(a);
        assertThat(CardContent.filler("A", "GX010002.MP4", 4096)).isNotEqualTo(a);
        // Not a trivial pattern: every byte value shows up in 4 KiB of content.
        boolean[] seen = new boolean[256];
        for (byte b : a) {
            seen[b & 0xFF] = true;
        }
        assertThat(IntStream.range(0, 256).allMatch(i -> seen[i])).isTrue();
    }

    @Test
    void concurrentRecordingsGetDistinctNames() {
        SdCard card = new SdCard("S", 1, 10);

        IntStream.range(0, 200).parallel().forEach(i -> card.record(T0));

        assertThat(card.files()).hasSize(200);
        assertThat(card.files().stream().map(SdCardFile::name).distinct()).hasSize(200);
        assertThat(card.files().get(199).name()).isEqualTo("GX010200.MP4");
    }

    @Test
    void theMediaListIdDependsOnTheSeed() {
        assertThat(new SdCard("S", 1, 10).mediaListId()).isEqualTo(new SdCard("S", 1, 99).mediaListId())
                .isNotEqualTo(new SdCard("S", 2, 10).mediaListId())
                .matches("[0-9]+");
    }

    @Test
    void rejectsANegativeFileSize() {
        assertThatThrownBy(() -> new SdCard("S", 1, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deletingFreesTheFileButNeverItsNumber() {
        SdCard card = new SdCard("C3501460050001", 42, 10);
        card.record(Instant.EPOCH);
        card.record(Instant.EPOCH);

        assertThat(card.delete("100GOPRO", "GX010002.MP4")).isTrue();
        assertThat(card.delete("100GOPRO", "GX010002.MP4")).isFalse();
        assertThat(card.record(Instant.EPOCH).name()).isEqualTo("GX010003.MP4");
        assertThat(card.files()).extracting(SdCardFile::name).containsExactly("GX010001.MP4", "GX010003.MP4");
        assertThat(card.fileCount()).isEqualTo(2);
        card.deleteAll();
        assertThat(card.fileCount()).isZero();
    }
}
