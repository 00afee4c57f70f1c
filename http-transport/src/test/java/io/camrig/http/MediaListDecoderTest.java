package io.camrig.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camrig.http.model.MediaFile;
import io.camrig.http.model.MediaGroup;
import io.camrig.http.model.MediaList;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MediaListDecoderTest {

    private static MediaList decode(String json) {
        return MediaListDecoder.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String oneFile(String fileJson) {
        return "{\"id\":\"1\",\"media\":[{\"d\":\"100GOPRO\",\"fs\":[" + fileJson + "]}]}";
    }

    @Test
    void decodesNumbersSentAsStringsAsTheCameraDoes() {
        MediaList list = decode("""
                {"id": "2510746051348624995", "media": [{"d": "100GOPRO", "fs": [
                  {"n": "GOPR0987.JPG", "cre": "1618583762", "mod": "1618583762", "s": "5013927"},
                  {"n": "GX010990.MP4", "cre": "1451608343", "mod": "1451608343",
                   "glrv": "806586", "ls": "-1", "s": "10725219"}]}]}""");

        assertThat(list.id()).isEqualTo("2510746051348624995");
        assertThat(list.files()).containsExactly(
                new MediaFile("100GOPRO", "GOPR0987.JPG", 5_013_927L,
                        Instant.ofEpochSecond(1618583762L), Instant.ofEpochSecond(1618583762L)),
                new MediaFile("100GOPRO", "GX010990.MP4", 10_725_219L,
                        Instant.ofEpochSecond(1451608343L), Instant.ofEpochSecond(1451608343L), 806_586L));
        // the photo has no low-resolution video; the video's is glrv (ls is -1: none under that key)
        assertThat(list.files()).extracting(MediaFile::lowResolutionSize).containsExactly(-1L, 806_586L);
        assertThat(list.groups()).isEmpty();
    }

    @Test
    void acceptsJsonNumbersAndSizesBeyondFourGigabytes() {
        MediaList list = decode(oneFile("{\"n\":\"GX010001.MP4\",\"cre\":1,\"mod\":2,\"s\":5000000000}"));

        assertThat(list.files().get(0).size()).isEqualTo(5_000_000_000L);
        assertThat(list.files().get(0).modified()).isEqualTo(Instant.ofEpochSecond(2));
    }

    @Test
    void ignoresUnknownFieldsAtEveryLevel() {
        MediaList list = decode("""
                {"id": "7", "future": {"x": 1}, "media": [{"d": "100GOPRO", "extra": [1, 2], "fs": [
                  {"n": "GX010001.MP4", "cre": "10", "mod": "11", "s": "42", "raw": "1", "new": "?"}]}]}""");

        assertThat(list.files()).singleElement().extracting(MediaFile::size).isEqualTo(42L);
    }

    @Test
    void aPhotoListedWithRawHasItsGprBesideItAndOtherValuesMeanNone() {
        // the entry as in the official SDK's test vectors of a camera's list: the JPG marked, no GPR entry
        MediaList list = decode("""
                {"id": "1", "media": [{"d": "100GOPRO", "fs": [
                  {"n": "GOPR0039.JPG", "cre": "1724339068", "mod": "1724339068", "raw": "1", "s": "783927"},
                  {"n": "GOPR0040.JPG", "cre": "1724339070", "mod": "1724339070", "raw": 1, "s": "1"},
                  {"n": "GOPR0041.JPG", "cre": "1724339071", "mod": "1724339071", "raw": "0", "s": "1"},
                  {"n": "GOPR0042.JPG", "cre": "1724339072", "mod": "1724339072", "raw": "yes", "s": "1"},
                  {"n": "GOPR0043", "cre": "1724339073", "mod": "1724339073", "raw": "1", "s": "1"},
                  {"n": "GOPR0044.JPG", "cre": "1724339074", "mod": "1724339074", "s": "1"}]}]}""");

        assertThat(list.files()).extracting(MediaFile::raw).containsExactly(true, true, false, false, true, false);
        assertThat(list.files()).extracting(f -> f.rawName().orElse("-"))
                .containsExactly("GOPR0039.GPR", "GOPR0040.GPR", "-", "-", "-", "-");
    }

    @Test
    void keepsGroupedItemsApartFromFiles() {
        MediaList list = decode(oneFile("""
                {"b": "8", "cre": "1613669353", "g": "1", "l": "396", "m": ["75", "139"],
                 "mod": "1613669353", "n": "G0010008.JPG", "s": "389", "t": "t"}"""));

        assertThat(list.files()).isEmpty();
        assertThat(list.groups()).containsExactly(new MediaGroup("100GOPRO", "G0010008.JPG",
                Instant.ofEpochSecond(1613669353L), Instant.ofEpochSecond(1613669353L),
                1, "t", 8, 396, java.util.List.of(75, 139), 389));
        assertThat(list.groups().get(0).memberCount()).isEqualTo(387);
        assertThat(list.newest()).isEmpty();
    }

    @Test
    void aBurstAsRealCamerasSendItCountsItsMembersAndKeepsItsSizeInBytes() {
        // Facts from a media list a HERO camera sent (the official SDK's test vectors): a burst
        // G0017061.JPG with members 7061..7090, none missing, and s = 170856763, its size in bytes.
        MediaList list = decode(oneFile("""
                {"n": "G0017061.JPG", "g": "1", "b": "7061", "l": "7090", "cre": "1729860144",
                 "mod": "1729860144", "s": "170856763", "t": "b", "m": []}"""));

        MediaGroup burst = list.groups().get(0);
        assertThat(burst.memberCount()).isEqualTo(30);
        assertThat(burst.sizeBytes()).isEqualTo(170_856_763L);
        assertThat(burst.type()).isEqualTo("b");
        // a time lapse with two deleted members, one of them listed twice
        MediaGroup lapse = decode(oneFile("""
                {"n": "G0020001.JPG", "g": "2", "b": "1", "l": "10", "cre": "1", "mod": "1",
                 "s": "5000", "t": "t", "m": ["3", "7", "7", "99"]}""")).groups().get(0);
        assertThat(lapse.memberCount()).isEqualTo(8);
    }

    @Test
    void aGroupWhoseLastMemberPrecedesItsFirstIsLeftOutNotFatal() {
        MediaList list = decode(oneFile("""
                {"n": "G0017061.JPG", "g": "1", "b": "9", "l": "2", "cre": "1", "mod": "1", "s": "1", "t": "b"}"""));
        assertThat(list.groups()).isEmpty();
        assertThat(list.rejected()).singleElement().satisfies(r -> {
            assertThat(r.at()).isEqualTo("media[0].fs[0]");
            assertThat(r.reason()).contains("before the first");
        });
    }

    @Test
    void aFileWithoutSizeIsAnErrorNamingItsPath() {
        assertThatThrownBy(() -> decode(oneFile(
                "{\"n\":\"A.MP4\",\"cre\":\"1\",\"mod\":\"1\",\"s\":\"1\"},{\"n\":\"B.MP4\",\"cre\":\"1\",\"mod\":\"1\"}")))
                .isInstanceOf(MediaFormatException.class)
                .hasMessageContaining("media[0].fs[1].s: missing")
                .satisfies(e -> assertThat(((MediaFormatException) e).isTransient()).isFalse());
    }

    @Test
    void anUnparsableOrNegativeSizeIsAnError() {
        assertThatThrownBy(() -> decode(oneFile("{\"n\":\"A.MP4\",\"cre\":\"1\",\"mod\":\"1\",\"s\":\"12x\"}")))
                .isInstanceOf(MediaFormatException.class)
                .hasMessageContaining("media[0].fs[0].s: not a whole number: '12x'");
        assertThatThrownBy(() -> decode(oneFile("{\"n\":\"A.MP4\",\"cre\":\"1\",\"mod\":\"1\",\"s\":\"-5\"}")))
                .isInstanceOf(MediaFormatException.class)
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> decode(oneFile("{\"n\":\"A.MP4\",\"cre\":\"1\",\"mod\":\"1\",\"s\":1.5}")))
                .isInstanceOf(MediaFormatException.class);
    }

    /** Names a camera (or something posing as one) could send to write outside the take. */
    static final java.util.List<String> HOSTILE = java.util.List.of("../../x", "/etc/passwd", "a/../../b",
            "..\\..\\win", "C:evil", "nul\u0000byte", "bell\u0007", "line\nbreak", ".", "..", "", ".hidden",
            "x".repeat(300));

    @Test
    void fileNamesThatArePathsAreLeftOutAndTheRestOfTheCardStands() {
        StringBuilder fs = new StringBuilder("{\"n\":\"GX010001.MP4\",\"cre\":\"1\",\"mod\":\"1\",\"s\":\"1\"}");
        for (String name : HOSTILE) {
            fs.append(",{\"n\":").append(json(name)).append(",\"cre\":\"1\",\"mod\":\"1\",\"s\":\"1\"}");
        }
        fs.append(",{\"n\":\"GX010002.MP4\",\"cre\":\"2\",\"mod\":\"2\",\"s\":\"2\"}");

        MediaList list = decode(oneFile(fs.toString()));

        assertThat(list.files()).extracting(MediaFile::name).containsExactly("GX010001.MP4", "GX010002.MP4");
        assertThat(list.rejected()).hasSize(HOSTILE.size());
        assertThat(list.rejected().get(0).at()).isEqualTo("media[0].fs[1]");
        assertThat(list.rejected().get(0).reason()).contains("starts with '.'");
        // What may be shown of a rejected name never carries a control character to a terminal.
        assertThat(list.rejected()).allSatisfy(r -> assertThat(r.shownPath().chars().noneMatch(Character::isISOControl))
                .isTrue());
    }

    @Test
    void aFolderWhoseNameIsAPathLeavesOutItsFilesOnlyEachNamed() {
        for (String folder : HOSTILE) {
            MediaList list = decode("{\"media\":[{\"d\":" + json(folder) + ",\"fs\":["
                    + "{\"n\":\"A.MP4\",\"cre\":\"1\",\"mod\":\"1\",\"s\":\"1\"},"
                    + "{\"n\":\"B.MP4\",\"cre\":\"1\",\"mod\":\"1\",\"s\":\"1\"}]},"
                    + "{\"d\":\"100GOPRO\",\"fs\":[{\"n\":\"C.MP4\",\"cre\":\"1\",\"mod\":\"1\",\"s\":\"1\"}]}]}");

            assertThat(list.files()).as(folder).extracting(MediaFile::name).containsExactly("C.MP4");
            assertThat(list.rejected()).as(folder).extracting(r -> r.name()).containsExactly("A.MP4", "B.MP4");
            assertThat(list.rejected()).allSatisfy(r -> assertThat(r.reason()).startsWith("folder"));
        }
    }

    @Test
    void aRejectedEntryBecomesATypedPermanentError() {
        MediaList list = decode(oneFile("{\"n\":\"../../etc/passwd\",\"cre\":\"1\",\"mod\":\"1\",\"s\":\"1\"}"));
        UnsafeMediaNameException e = new UnsafeMediaNameException(list.rejected().get(0), "http://cam");

        assertThat(e).isInstanceOf(MediaFormatException.class).hasMessageContaining("media[0].fs[0]");
        assertThat(e.isTransient()).isFalse();
        assertThat(e.entry().shownPath()).isEqualTo("100GOPRO/../../etc/passwd");
    }

    @Test
    void theNewestRecordingIsNeverAnOlderFileStandingInForARejectedNewerOne() {
        String older = "{\"n\":\"GX010001.MP4\",\"cre\":\"100\",\"mod\":\"100\",\"s\":\"1\"}";

        MediaList hostileNewest = decode(oneFile(older + ",{\"n\":\"../GX010002.MP4\",\"cre\":\"200\",\"mod\":\"200\",\"s\":\"1\"}"));
        assertThatThrownBy(() -> UnsafeMediaNameException.requireNewest(hostileNewest, "cam"))
                .isInstanceOf(UnsafeMediaNameException.class).hasMessageContaining("media[0].fs[1]");

        MediaList hostileUndated = decode(oneFile(older + ",{\"n\":\"../x\",\"s\":\"1\"}"));
        assertThat(hostileUndated.newestRejected()).isPresent();

        MediaList hostileOlder = decode(oneFile(older + ",{\"n\":\"../GX000009.MP4\",\"cre\":\"50\",\"mod\":\"50\",\"s\":\"1\"}"));
        assertThat(UnsafeMediaNameException.requireNewest(hostileOlder, "cam")).map(MediaFile::name).hasValue("GX010001.MP4");
    }

    private static String json(String s) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void structuralProblemsAreErrors() {
        assertThatThrownBy(() -> decode("{\"id\":\"1\"}")).isInstanceOf(MediaFormatException.class)
                .hasMessageContaining("media: missing or not an array");
        assertThatThrownBy(() -> decode("{\"media\":[{\"fs\":[]}]}")).isInstanceOf(MediaFormatException.class)
                .hasMessageContaining("media[0].d");
        assertThatThrownBy(() -> decode("{\"media\":[{\"d\":\"100GOPRO\"}]}"))
                .isInstanceOf(MediaFormatException.class).hasMessageContaining("media[0].fs");
        assertThatThrownBy(() -> decode("[1]")).isInstanceOf(MediaFormatException.class);
        assertThatThrownBy(() -> decode("{\"id\":\"1\",\"media\":[{\"d\":\"100GO"))
                .isInstanceOf(MediaFormatException.class).hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> decode("")).isInstanceOf(MediaFormatException.class);
    }

    @Test
    void anEmptyCardAndAMissingIdAreFine() {
        MediaList list = decode("{\"media\":[]}");

        assertThat(list.id()).isEmpty();
        assertThat(list.isEmpty()).isTrue();
        assertThat(list.newest()).isEmpty();
    }
}
