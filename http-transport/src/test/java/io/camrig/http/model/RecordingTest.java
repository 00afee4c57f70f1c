package io.camrig.http.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camrig.http.UnsafeMediaNameException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A recording's chapters, per the spec's "Chapters" section (tag "Media"). */
class RecordingTest {

    private static MediaFile file(String dir, String name, long mod) {
        return new MediaFile(dir, name, 100 + mod, Instant.ofEpochSecond(mod), Instant.ofEpochSecond(mod));
    }

    private static MediaList list(List<RejectedMedia> rejected, MediaFile... files) {
        List<MediaDirectory> dirs = Arrays.stream(files).map(MediaFile::directory).distinct()
                .map(d -> new MediaDirectory(d, Arrays.stream(files).filter(f -> f.directory().equals(d)).toList(),
                        List.of()))
                .toList();
        return new MediaList("id", dirs, rejected);
    }

    private static MediaList list(MediaFile... files) {
        return list(List.of(), files);
    }

    private static List<String> newest(MediaList list) {
        return Recording.newest(list).orElseThrow().chapters().stream().map(MediaFile::name).toList();
    }

    @Test
    void theNewestRecordingIsEveryChapterOfTheNewestFileInChapterOrder() {
        // As the spec's example lists them, the card's order shuffled, an older recording beside them.
        MediaList l = list(file("100GOPRO", "GH030078.MP4", 300), file("100GOPRO", "GH010078.MP4", 100),
                file("100GOPRO", "GX010077.MP4", 50), file("100GOPRO", "GH040078.MP4", 400),
                file("100GOPRO", "GH020078.MP4", 200));

        assertThat(newest(l)).containsExactly("GH010078.MP4", "GH020078.MP4", "GH030078.MP4", "GH040078.MP4");
        Recording r = Recording.newest(l).orElseThrow();
        assertThat(r.first().name()).isEqualTo("GH010078.MP4");
        assertThat(r.size()).isEqualTo(200 + 300 + 400 + 500);
    }

    @Test
    void onlyTheSameQualityMediaIdExtensionAndDirectoryAreChaptersOfIt() {
        MediaList l = list(file("100GOPRO", "GH010078.MP4", 100), file("100GOPRO", "GH020078.MP4", 200),
                file("100GOPRO", "GX010079.MP4", 50),      // another media id
                file("100GOPRO", "GX020078.MP4", 60),      // another quality letter
                file("100GOPRO", "GH030078.360", 70),      // another extension
                file("101GOPRO", "GH030078.MP4", 80),      // another directory, same id
                file("100GOPRO", "GH0300780.MP4", 90));    // not the pattern

        assertThat(newest(l)).containsExactly("GH010078.MP4", "GH020078.MP4");
    }

    @Test
    void aRecordingOfOneChapterIsThatFile() {
        MediaList l = list(file("100GOPRO", "GH010078.MP4", 100), file("100GOPRO", "GX010079.MP4", 200));

        assertThat(newest(l)).containsExactly("GX010079.MP4");
    }

    @Test
    void aNameOutsideThePatternIsARecordingOfOneFile() {
        for (String name : List.of("GOPR0001.JPG", "GS010078.360", "GH000078.MP4", "GH010000.MP4", "gh020078.mp4",
                "VID_0001.MP4")) {
            MediaList l = list(file("100GOPRO", "GH010078.MP4", 100), file("100GOPRO", name, 200));
            assertThat(newest(l)).as(name).containsExactly(name);
            assertThat(Recording.chapter(name)).as(name).isEqualTo(-1);
        }
    }

    @Test
    void aPhotoNewestIsItsOwnRecordingEvenBesideChapters() {
        MediaList l = list(file("100GOPRO", "GH010078.MP4", 100), file("100GOPRO", "GH020078.MP4", 200),
                file("100GOPRO", "GOPR0079.JPG", 300));

        assertThat(newest(l)).containsExactly("GOPR0079.JPG");
    }

    @Test
    void ninetyNineChaptersAreOneRecording() {
        List<MediaFile> files = new ArrayList<>();
        for (int c = 99; c >= 1; c--) {
            files.add(file("100GOPRO", String.format("GX%02d9999.MP4", c), c));
        }
        List<String> names = newest(list(files.toArray(MediaFile[]::new)));

        assertThat(names).hasSize(99).startsWith("GX019999.MP4").endsWith("GX999999.MP4");
        assertThat(names).isSortedAccordingTo(java.util.Comparator.comparingInt(Recording::chapter));
    }

    @Test
    void aDeletedChapterLeavesTheOthers() {
        MediaList l = list(file("100GOPRO", "GH010078.MP4", 100), file("100GOPRO", "GH030078.MP4", 300),
                file("100GOPRO", "GH040078.MP4", 400));

        assertThat(newest(l)).containsExactly("GH010078.MP4", "GH030078.MP4", "GH040078.MP4");
    }

    @Test
    void anEmptyCardHasNoRecording() {
        assertThat(Recording.newest(list())).isEmpty();
        assertThat(UnsafeMediaNameException.requireNewestRecording(list(), "cam")).isEmpty();
        assertThatThrownBy(() -> new Recording(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRejectedEntryAtLeastAsNewAsTheLastChapterFailsTyped() {
        MediaFile[] chapters = {file("100GOPRO", "GH010078.MP4", 100), file("100GOPRO", "GH020078.MP4", 200)};
        RejectedMedia newer = new RejectedMedia("media[0].fs[2]", "100GOPRO", "../GH030078.MP4", "name",
                Instant.ofEpochSecond(300));
        RejectedMedia older = new RejectedMedia("media[0].fs[2]", "100GOPRO", "../GX010001.MP4", "name",
                Instant.ofEpochSecond(50));

        assertThatThrownBy(() -> UnsafeMediaNameException.requireNewestRecording(list(List.of(newer), chapters), "cam"))
                .isInstanceOf(UnsafeMediaNameException.class).hasMessageContaining("media[0].fs[2]");
        assertThat(UnsafeMediaNameException.requireNewestRecording(list(List.of(older), chapters), "cam")
                .orElseThrow().chapters()).extracting(MediaFile::name).containsExactly("GH010078.MP4", "GH020078.MP4");
    }

    private static MediaList withGroup(long mod, MediaFile... files) {
        MediaGroup burst = new MediaGroup("100GOPRO", "G0010061.JPG", Instant.ofEpochSecond(mod),
                Instant.ofEpochSecond(mod), 1, "b", 61, 64, List.of(62), 3_000);
        List<MediaDirectory> dirs = List.of(new MediaDirectory("100GOPRO", Arrays.asList(files), List.of(burst)));
        return new MediaList("id", dirs, List.of());
    }

    @Test
    void aBurstNewerThanEveryFileIsTheRecordingPhotoByPhotoWithTheirSizesNotListed() {
        MediaList l = withGroup(500, file("100GOPRO", "GX010060.MP4", 400));

        Recording r = Recording.newest(l).orElseThrow();

        assertThat(r.chapters()).extracting(MediaFile::name)
                .containsExactly("G0010061.JPG", "G0010063.JPG", "G0010064.JPG");
        assertThat(r.chapters()).allSatisfy(f -> assertThat(f.size()).isEqualTo(MediaFile.SIZE_NOT_LISTED));
        assertThat(r.size()).isZero();
        // each photo keeps its group, so a take can record it as the group's member
        assertThat(r.members()).extracting(GroupMember::id).containsExactly(61, 63, 64);
        assertThat(r.members()).allSatisfy(m -> assertThat(m.group().name()).isEqualTo("G0010061.JPG"));
        // a card holding only the burst still has a recording
        assertThat(newest(withGroup(500))).containsExactly("G0010061.JPG", "G0010063.JPG", "G0010064.JPG");
        assertThat(UnsafeMediaNameException.requireNewestRecording(withGroup(500), "cam")).isPresent();
    }

    @Test
    void aBurstOlderThanTheNewestFileLeavesTheRecordingThatFile() {
        assertThat(newest(withGroup(300, file("100GOPRO", "GX010065.MP4", 400)))).containsExactly("GX010065.MP4");
        assertThat(Recording.newest(withGroup(300, file("100GOPRO", "GX010065.MP4", 400))).orElseThrow().members())
                .isEmpty();
    }

    @Test
    void aGroupsRecordingIsExactlyItsPhotos() {
        List<GroupMember> members = withGroup(500).members();
        MediaFile other = file("100GOPRO", "GX010060.MP4", 400);

        assertThatThrownBy(() -> new Recording(List.of(other), members)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Recording.ofMembers(members).chapters()).containsExactlyElementsOf(
                members.stream().map(GroupMember::asFile).toList());
    }

    @Test
    void withChapterOneGoneTheStartIsUnknownAndSaysWhichChapterIsFirstHeld() {
        // The user deleted GH010078.MP4: chapter 02 is first on the card, and its timecode is not the start.
        Recording r = Recording.newest(list(file("100GOPRO", "GH030078.MP4", 300),
                file("100GOPRO", "GH020078.MP4", 200))).orElseThrow();

        assertThat(r.first().name()).isEqualTo("GH020078.MP4");
        assertThat(r.startUnknown()).hasValue("chapter 01 is not on the card (first held: GH020078.MP4): start unknown");
    }

    @Test
    void chapterOneOrAFileOutsideThePatternHasAKnownStart() {
        assertThat(Recording.startUnknown("GX010078.MP4")).isEmpty();
        assertThat(Recording.startUnknown("GOPR0001.JPG")).isEmpty();     // a photo: one file
        assertThat(Recording.startUnknown("GS020078.360")).isEmpty();     // a letter the section does not list
        assertThat(Recording.startUnknown("GX020000.MP4")).isEmpty();     // media id 0000: not a chapter
        assertThat(Recording.startUnknown("GL990078.LRV")).hasValueSatisfying(r -> assertThat(r)
                .contains("first held: GL990078.LRV"));
        assertThat(Recording.newest(list(file("100GOPRO", "GX010078.MP4", 100), file("100GOPRO", "GX020078.MP4", 200)))
                .orElseThrow().startUnknown()).isEmpty();
    }

    @Test
    void theFirstChapterOfAnyFilesIsTheLowestNumberedAFileOutsideThePatternFirst() {
        assertThat(Recording.firstChapter(List.of("GX030078.MP4", "GX020078.MP4", "GX040078.MP4"), n -> n))
                .hasValue("GX020078.MP4");
        assertThat(Recording.firstChapter(List.of("GX020078.MP4", "GOPR0001.JPG"), n -> n)).hasValue("GOPR0001.JPG");
        assertThat(Recording.firstChapter(List.<String>of(), n -> n)).isEmpty();
    }
}
