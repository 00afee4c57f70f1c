package io.camrig.simulator.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camrig.footage.FootageFacts;
import io.camrig.footage.FootageReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recording over the chapter size is split as a GoPro splits one (spec: Media, "Chapters"). */
class ChaptersTest {
    private static final Instant T0 = Instant.parse("2026-12-07T10:15:30Z");
    private static final LocalDateTime START = LocalDateTime.of(2026, 12, 7, 10, 15, 30, 500_000_000);

    @Test
    void aRecordingOverTheChapterSizeIsChaptersOfOneMediaIdEachAValidMp4ContinuingTheTimecode(@TempDir Path dir)
            throws Exception {
        SdCard card = new SdCard("C3501324500001", 42, 250_000);
        card.videos().splitChaptersAt(100_000);
        card.record(T0.minusSeconds(60));
        SdCardFile first = card.record(T0, new RecordingFacts("HERO12 Black", "H23", "C3501324500001", START,
                Duration.ofSeconds(10)));
        SdCardFile next = card.record(T0.plusSeconds(60));

        assertThat(first.name()).isEqualTo("GX010002.MP4");
        assertThat(card.files()).extracting(SdCardFile::name).containsExactly(
                "GX010001.MP4", "GX020001.MP4", "GX030001.MP4",
                "GX010002.MP4", "GX020002.MP4", "GX030002.MP4",
                "GX010003.MP4", "GX020003.MP4", "GX030003.MP4");
        assertThat(next.name()).isEqualTo("GX010003.MP4");
        List<SdCardFile> chapters = card.files().subList(3, 6);
        assertThat(chapters).extracting(SdCardFile::size).containsExactly(100_000L, 100_000L, 50_000L);
        // Listed as created when each starts: 4 s and 8 s into the recording.
        assertThat(chapters).extracting(SdCardFile::created).containsExactly(T0, T0.plusSeconds(4), T0.plusSeconds(8));

        List<FootageFacts> facts = new ArrayList<>();
        for (SdCardFile c : chapters) {
            Path mp4 = dir.resolve(c.name());
            Files.write(mp4, card.expectedBytes(c));
            facts.add(FootageReader.read(mp4));
            assertThat(card.videos().length(c)).isEqualTo(Duration.ofMillis(c.name().startsWith("GX03") ? 2000 : 4000));
        }
        assertThat(facts).extracting(FootageFacts::durationMillis).containsExactly(4000.0, 4000.0, 2000.0);
        assertThat(facts).allSatisfy(f -> assertThat(f.warnings()).isEmpty());
        long[] frames = facts.stream().mapToLong(f -> f.timecode().orElseThrow().startFrame()).toArray();
        // 10:15:30.5 → frame 1106808; the next chapters start 4 s and 8 s later (36934.5 s and 36938.5 s
        // × 30000/1001 = 1106928.07… and 1107047.95…): where the chapter before ended, to the frame.
        assertThat(frames).containsExactly(1_106_808, 1_106_928, 1_107_047);
        // Each chapter's bytes are keyed by its own name, so no two chapters are alike.
        assertThat(card.expectedBytes(chapters.get(0))).isNotEqualTo(card.expectedBytes(chapters.get(1)));
        assertThat(card.videos().lowResolution(chapters.get(1))).map(SdCardFile::name).hasValue("GL020002.LRV");
    }

    @Test
    void byDefaultARecordingStaysOneFile() {
        SdCard card = new SdCard("S", 1, Integer.MAX_VALUE - 16);
        assertThat(card.videos().chapterBytes()).isEqualTo(RecordedVideos.DEFAULT_CHAPTER_BYTES);
        assertThat(Chapters.split(Integer.MAX_VALUE, RecordedVideos.DEFAULT_CHAPTER_BYTES, Duration.ofHours(1))).hasSize(1);
        assertThatThrownBy(() -> card.videos().splitChaptersAt(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void atMostNinetyNineChaptersTheLastTakingTheRest() {
        List<Chapters.Chapter> c = Chapters.split(10_000, 10, Duration.ofSeconds(1000));

        assertThat(c).hasSize(99);
        assertThat(c.get(98).number()).isEqualTo(99);
        assertThat(c.get(98).bytes()).isEqualTo(10_000 - 98 * 10);
        assertThat(c.get(98).start().plus(c.get(98).length())).isEqualTo(Duration.ofSeconds(1000));
        assertThat(c.stream().mapToLong(Chapters.Chapter::bytes).sum()).isEqualTo(10_000);
    }
}
