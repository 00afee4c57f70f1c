package io.camrig.footage.gpmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camrig.footage.error.FootageFormatException;
import io.camrig.footage.testutil.MediaSamples;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GpmfParserTest {

    @Test
    void readsTheDocumentedNestedExample() {
        // DEVC null 4×7 { DVID L 4 1 0x1001, DVNM c 1 6 "Camera" + 2 pad }
        List<Klv> klv = GpmfParser.parse(ByteBuffer.wrap(HexFormat.of().parseHex(
                "44455643" + "0004" + "0007"
                        + "4456494" + "44c040001" + "00001001"
                        + "44564e4d" + "63010006" + "43616d6572610000")));
        assertThat(klv).hasSize(1);
        Klv devc = klv.get(0);
        assertThat(devc.nested()).isTrue();
        assertThat(devc.child("DVID").flatMap(Klv::firstInteger)).contains(0x1001L);
        assertThat(devc.child("DVNM").map(Klv::text)).contains("Camera");
    }

    @Test
    void aLengthPastItsParentIsATypedError() {
        // DEVC claims 4×7 bytes inside, but only 8 follow
        ByteBuffer b = ByteBuffer.wrap(HexFormat.of().parseHex("44455643000400074456494" + "44c04000100001001"));
        assertThatThrownBy(() -> GpmfParser.parse(b)).isInstanceOf(FootageFormatException.class)
                .hasMessageContaining("DEVC").hasMessageContaining("offset 0");
    }

    @Test
    void aNonAsciiKeyIsATypedError() {
        ByteBuffer b = ByteBuffer.wrap(HexFormat.of().parseHex("1b5b324a4c04000100000001"));
        assertThatThrownBy(() -> GpmfParser.parse(b)).isInstanceOf(FootageFormatException.class)
                .hasMessageContaining("not ASCII");
    }

    @Test
    void nestingDeeperThanTheLimitIsATypedError() {
        // ten DEVC headers nested in each other, each declaring the rest
        StringBuilder hex = new StringBuilder();
        int levels = GpmfParser.MAX_DEPTH + 2;
        for (int i = 0; i < levels; i++) {
            int inner = (levels - i - 1) * 8 + 8;
            hex.append("44455643").append("00").append("04").append(String.format("%04x", inner / 4));
        }
        hex.append("4456494" + "44c04000100000001");
        assertThatThrownBy(() -> GpmfParser.parse(ByteBuffer.wrap(HexFormat.of().parseHex(hex))))
                .isInstanceOf(FootageFormatException.class).hasMessageContaining("deeper");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hero5.raw", "hero6.raw", "hero6+ble.raw", "Fusion.raw", "karma.raw"})
    void everyRealPayloadParsesIntoDevicesWithNamedStreams(String name) throws Exception {
        byte[] raw = Files.readAllBytes(MediaSamples.require(name));
        GpmfSummary s = GpmfSummary.of(GpmfParser.parse(ByteBuffer.wrap(raw)));
        assertThat(s.devices()).isNotEmpty();
        assertThat(s.devices()).allSatisfy(d -> assertThat(d.streams()).isNotEmpty());
    }

    @Test
    void aLockedHero5PayloadGivesGpsUtcTime() throws Exception {
        byte[] raw = Files.readAllBytes(MediaSamples.require("hero5.raw"));
        GpmfSummary s = GpmfSummary.of(GpmfParser.parse(ByteBuffer.wrap(raw)));
        assertThat(s.gpsUtc()).contains(LocalDateTime.of(2017, 4, 17, 17, 31, 3));
        assertThat(s.gpsFix()).hasValue(3);
        assertThat(s.gpsLocked()).isTrue();
        assertThat(s.devices().get(0).name()).isEqualTo("Camera");
    }

    @Test
    void aHero6PayloadWithoutFixIsNotLockedThoughItCarriesATime() throws Exception {
        GpmfSummary s = GpmfSummary.of(GpmfParser.parse(ByteBuffer.wrap(
                Files.readAllBytes(MediaSamples.require("hero6.raw")))));
        assertThat(s.gpsUtc()).contains(LocalDateTime.of(2018, 1, 24, 19, 28, 1, 699_000_000));
        assertThat(s.gpsFix()).hasValue(0);
        assertThat(s.gpsLocked()).isFalse();
        assertThat(s.devices()).extracting(GpmfSummary.Device::name).contains("Hero6 Black");
    }

    @Test
    void aFusionPayloadCarriesMicrosecondTimestamps() throws Exception {
        GpmfSummary s = GpmfSummary.of(GpmfParser.parse(ByteBuffer.wrap(
                Files.readAllBytes(MediaSamples.require("Fusion.raw")))));
        assertThat(s.firstTimestampMicros()).hasValue(0x04e2e5ebL);
        assertThat(s.devices()).extracting(GpmfSummary.Device::name).contains("Fusion");
    }

    @Test
    void moreEntriesThanTheLimitIsATypedErrorNotAQuarterGigabyteOfRecords() {
        // 4 MiB of empty entries (FootageReader's payload limit when found); before: 512 Ki records, 275 MB
        ByteBuffer b = ByteBuffer.allocate(4 << 20);
        while (b.hasRemaining()) {
            b.put(HexFormat.of().parseHex("53544d50" + "4a080000"));   // STMP J 8×0
        }

        assertThatThrownBy(() -> GpmfParser.parse(b.flip())).isInstanceOf(FootageFormatException.class)
                .hasMessageContaining("more than " + GpmfParser.MAX_ENTRIES + " entries")
                .hasMessageContaining("offset " + 8L * GpmfParser.MAX_ENTRIES);
    }

    @Test
    void exactlyTheLimitOfEntriesParses() {
        ByteBuffer b = ByteBuffer.allocate(8 * GpmfParser.MAX_ENTRIES);
        while (b.hasRemaining()) {
            b.put(HexFormat.of().parseHex("53544d50" + "4a080000"));
        }

        assertThat(GpmfParser.parse(b.flip())).hasSize(GpmfParser.MAX_ENTRIES);
    }
}
