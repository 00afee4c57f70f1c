package io.camrig.footage;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.footage.error.FootageFormatException;
import io.camrig.footage.gpmf.GpmfSummary;
import io.camrig.footage.testutil.MediaSamples;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDateTime;
import io.camrig.footage.testutil.MemoryChannel;
import io.camrig.footage.testutil.Mp4Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reads a real HERO5 Black recording (karma.mp4 from GoPro's gpmf-parser samples). */
class FootageReaderTest {

    @Test
    void readsUdtaMvhdTimecodeAndGpmfOfARealHero5File() throws Exception {
        FootageFacts f = FootageReader.read(MediaSamples.require("karma.mp4"));

        assertThat(f.majorBrand()).isEqualTo("mp41");
        assertThat(f.firmware()).isEqualTo("HD5.02.02.00.00");
        assertThat(f.cameraId()).hasSize(16).containsOnly(0);   // this camera wrote zeros
        assertThat(f.creationTime()).contains(LocalDateTime.of(2017, 4, 17, 19, 27, 57));
        assertThat(f.durationMillis()).isCloseTo(12078.7, org.assertj.core.data.Offset.offset(0.1));
        assertThat(f.tracks()).containsExactly("vide avc1 GoPro AVC", "soun mp4a GoPro AAC", "tmcd tmcd GoPro TCD",
                "meta gpmd GoPro MET", "meta fdsc GoPro SOS");
        assertThat(f.warnings()).isEmpty();

        Timecode tc = f.timecode().orElseThrow();
        assertThat(tc.startFrame()).isEqualTo(2_100_244);
        assertThat(tc.timescale()).isEqualTo(90_000);
        assertThat(tc.frameDuration()).isEqualTo(3003);
        assertThat(tc.frameRate()).isCloseTo(29.97, org.assertj.core.data.Offset.offset(0.001));
        assertThat(tc.dropFrame()).isFalse();
        assertThat(tc.smpte()).isEqualTo("19:26:48:04");
        // frames since the camera's midnight × 3003/90000 s: 19:27:58.14, a second after mvhd's creation time
        assertThat(tc.timeOfDay()).isBetween(Duration.parse("PT19H27M58.14S"), Duration.parse("PT19H27M58.15S"));

        GpmfSummary g = f.telemetry().orElseThrow();
        assertThat(g.devices()).extracting(GpmfSummary.Device::name).contains("Camera");
        assertThat(g.devices().get(0).streams()).anyMatch(s -> s.startsWith("Accelerometer"));
    }

    @Test
    void aFileWithoutMoovIsATypedErrorNamingTheFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path f = dir.resolve("GX010001.MP4");
        // ftyp, then an mdat that claims more bytes than the file has
        java.nio.file.Files.write(f, java.util.HexFormat.of().parseHex(
                "00000010667479706d703431000000000000ffff6d64617400"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FootageReader.read(f))
                .isInstanceOf(FootageFormatException.class)
                .hasMessageContaining("GX010001.MP4").hasMessageContaining("mdat").hasMessageContaining("offset 16")
                .hasMessageContaining("the file is cut short (an offload that stopped, a card pulled while recording)");
    }

    @Test
    void aRawGpmfPayloadIsToldApartFromABrokenMp4() throws Exception {
        // hero6.raw: a GPMF payload saved on its own, as GoPro's gpmf-parser samples ship them
        java.nio.file.Path raw = MediaSamples.require("hero6.raw");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FootageReader.read(raw))
                .isInstanceOf(FootageFormatException.class)
                .hasMessageContaining("hero6.raw")
                .hasMessageContaining("a raw GPMF payload (it starts with the KLV key DEVC), not an MP4");
    }

    @ParameterizedTest
    @ValueSource(longs = {Long.MAX_VALUE, -1L, Long.MIN_VALUE, FootageReader.MAX_CREATION_TIME + 1})
    void aCreationTimePastTheYear9999IsAWarningNotADateTimeException(long creation) throws Exception {
        // before: LocalDateTime.ofEpochSecond threw java.time.DateTimeException out of the reader
        byte[] file = Mp4Bytes.concat(Mp4Bytes.box("ftyp", Mp4Bytes.ascii("mp41")),
                Mp4Bytes.box("moov", Mp4Bytes.mvhdV1(creation, 90_000, 270_000)));

        FootageFacts f = FootageReader.read(new MemoryChannel(file), "v1.mp4");

        assertThat(f.creationTime()).isEmpty();
        assertThat(f.durationMillis()).isEqualTo(3000.0);
        assertThat(f.warnings()).contains("mvhd creation time " + Long.toUnsignedString(creation)
                + " s since 1904 is past the year 9999");
    }

    @Test
    void aCreationTimeOfTheLastSecondOfTheYear9999Reads() throws Exception {
        byte[] file = Mp4Bytes.concat(Mp4Bytes.box("ftyp", Mp4Bytes.ascii("mp41")),
                Mp4Bytes.box("moov", Mp4Bytes.mvhdV1(FootageReader.MAX_CREATION_TIME, 90_000, 270_000)));

        assertThat(FootageReader.read(new MemoryChannel(file), "v1.mp4").creationTime())
                .contains(LocalDateTime.of(9999, 12, 31, 23, 59, 59));
    }

    @Test
    void anEmptyFileSaysItIsEmpty() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FootageReader.read(new MemoryChannel(new byte[0]), "e"))
                .isInstanceOf(FootageFormatException.class)
                .extracting(e -> ((FootageFormatException) e).detail()).isEqualTo("the file is empty (0 bytes)");
    }

    @Test
    void aMalformedTrackIsAWarningAndTheRestOfTheFileIsStillRead() throws Exception {
        // the tmcd track's stsz says "sizes follow" (fixed size 0) for one sample, and none follows;
        // before, the whole file was unreadable: no firmware, no creation time, no telemetry
        byte[] file = Mp4Bytes.goproLike(1_106_808, 2, Files.readAllBytes(MediaSamples.require("hero6.raw")), false);
        Mp4Bytes.At stsz = Mp4Bytes.walk(file).stream().filter(b -> b.type().equals("stsz")).findFirst().orElseThrow();
        Mp4Bytes.At trak = Mp4Bytes.walk(file).stream().filter(b -> b.type().equals("trak")).findFirst().orElseThrow();
        java.nio.ByteBuffer.wrap(file).putInt(stsz.body() + 4, 0);

        FootageFacts f = FootageReader.read(new MemoryChannel(file), "GX010001.MP4");

        assertThat(f.firmware()).isEqualTo("H23.01.02.32.00");
        assertThat(f.creationTime()).isPresent();
        assertThat(f.telemetry()).isPresent();
        assertThat(f.timecode()).isEmpty();
        assertThat(f.tracks()).containsExactly("meta gpmd GoPro MET");
        assertThat(f.warnings()).containsExactly("trak at offset " + trak.offset() + " unreadable: stsz entries at offset "
                + stsz.offset() + " is truncated: needs 4 more bytes, has 0", "no timecode (tmcd) track");
    }
}
