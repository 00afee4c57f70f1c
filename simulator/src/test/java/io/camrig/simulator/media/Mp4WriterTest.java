package io.camrig.simulator.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.footage.FootageFacts;
import io.camrig.footage.FootageReader;
import io.camrig.footage.Timecode;
import io.camrig.footage.gpmf.GpmfSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A simulated recording reads back, through the footage reader, as what the camera knew. */
class Mp4WriterTest {
    private static final LocalDateTime START = LocalDateTime.of(2026, 12, 7, 10, 15, 30, 500_000_000);

    @Test
    void aRecordingOfTheConfiguredSizeReadsBackWithItsClockFirmwareAndId(@TempDir Path dir) throws Exception {
        SdCard card = new SdCard("C3501324500001", 42, 1 << 20);
        SdCardFile file = card.record(Instant.parse("2026-12-07T10:15:30Z"),
                new RecordingFacts("HERO12 Black", "H23.01.02.32.00", "C3501324500001", START, Duration.ofSeconds(3)));
        Path mp4 = dir.resolve(file.name());
        Files.write(mp4, card.expectedBytes(file));

        FootageFacts f = FootageReader.read(mp4);

        assertThat(f.sizeBytes()).isEqualTo(1 << 20).isEqualTo(file.size());
        assertThat(f.majorBrand()).isEqualTo("mp41");
        assertThat(f.firmware()).isEqualTo("H23.01.02.32.00");
        assertThat(f.cameraIdText()).isEqualTo("C3501324500001");
        assertThat(f.creationTime()).contains(LocalDateTime.of(2026, 12, 7, 10, 15, 30));
        assertThat(f.durationMillis()).isEqualTo(3000.0);
        assertThat(f.warnings()).isEmpty();
        Timecode tc = f.timecode().orElseThrow();
        // 10:15:30.5 = 36930.5 s × 30000/1001 = 1106808.69… → frame 1106808
        assertThat(tc.startFrame()).isEqualTo(1_106_808);
        assertThat(tc.frameRate()).isCloseTo(29.97, org.assertj.core.data.Offset.offset(0.001));
        assertThat(tc.timeOfDay()).isBetween(Duration.parse("PT10H15M30.47S"), Duration.parse("PT10H15M30.5S"));
        GpmfSummary g = f.telemetry().orElseThrow();
        assertThat(g.devices()).singleElement().satisfies(d -> {
            assertThat(d.name()).isEqualTo("HERO12 Black");
            assertThat(d.streams()).containsExactly("Camera temperature");
        });
        assertThat(g.firstTimestampMicros()).hasValue(36_930_500_000L);
        assertThat(g.gpsLocked()).isFalse();
    }

    @Test
    void aFileSizeSmallerThanTheHeadGrowsToTheHead(@TempDir Path dir) throws Exception {
        SdCard card = new SdCard("S", 1, 16);
        SdCardFile file = card.record(Instant.EPOCH);
        Path mp4 = dir.resolve(file.name());
        Files.write(mp4, card.expectedBytes(file));

        assertThat(file.size()).isGreaterThan(16);
        assertThat(FootageReader.read(mp4).timecode()).isPresent();
    }

    @Test
    void aSimulatedRecordingCutOrOverwrittenAnywhereInItsHeadIsFactsOrATypedError(@TempDir Path dir) throws Exception {
        // the simulator's own layout through the footage reader, as FootageMutationTest does for real files
        // (the footage module cannot reach the simulator: the simulator's tests depend on it)
        SdCard card = new SdCard("C3501324500001", 42, 4096);
        SdCardFile file = card.record(Instant.parse("2026-12-07T10:15:30Z"),
                new RecordingFacts("HERO12 Black", "H23.01.02.32.00", "C3501324500001", START, Duration.ofSeconds(3)));
        byte[] good = card.expectedBytes(file);
        int head = Mp4Writer.head(new RecordingFacts("HERO12 Black", "H23.01.02.32.00", "C3501324500001", START,
                Duration.ofSeconds(3)), good.length).length;
        Path mp4 = dir.resolve("GX010001.MP4");
        int[] outcomes = new int[2];   // facts, typed errors
        for (int cut = 0; cut <= head; cut++) {
            Files.write(mp4, java.util.Arrays.copyOf(good, cut));
            judge(mp4, "cut at " + cut, outcomes);
        }
        for (int at = 0; at < head; at++) {
            byte[] bad = good.clone();
            for (int value : new int[] {0x00, 0xFF, good[at] ^ 0x80}) {
                bad[at] = (byte) value;
                Files.write(mp4, bad);
                judge(mp4, "byte " + at + " = " + value, outcomes);
            }
        }
        assertThat(outcomes[0]).as("mutants read").isPositive();
        assertThat(outcomes[1]).as("mutants refused").isPositive();
    }

    private static void judge(Path mp4, String what, int[] outcomes) {
        try {
            FootageFacts f = FootageReader.read(mp4);
            f.timecode().ifPresent(tc -> tc.smpte());
            f.cameraIdText();
            outcomes[0]++;
        } catch (io.camrig.footage.error.FootageFormatException e) {
            outcomes[1]++;
        } catch (Throwable t) {
            throw new AssertionError(what + ": " + t + " escaped the footage reader", t);
        }
    }
}
