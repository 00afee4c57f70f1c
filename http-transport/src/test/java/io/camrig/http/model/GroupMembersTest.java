package io.camrig.http.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camrig.http.MediaListDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A group's member files, named from real cameras' groups (the official SDK's vectors), and hostile groups left out. */
class GroupMembersTest {

    private static MediaList decode(String entries) {
        return MediaListDecoder.decode(("{\"id\":\"1\",\"media\":[{\"d\":\"100GOPRO\",\"fs\":[" + entries + "]}]}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static MediaGroup group(String name, int first, int last, List<Integer> missing) {
        return new MediaGroup("100GOPRO", name, Instant.ofEpochSecond(5), Instant.ofEpochSecond(6), 1, "b", first, last,
                missing, 100);
    }

    @Test
    void aHeroBurstHasThirtyMembersNamedFromItsIds() {
        // As a HERO camera listed it (the official SDK's vectors): b 7061, l 7090, s in bytes.
        MediaList list = decode("""
                {"n": "G0017061.JPG", "g": "1", "b": "7061", "l": "7090", "cre": "1729860144",
                 "mod": "1729860144", "s": "170856763", "t": "b", "m": []}""");

        List<GroupMember> members = list.members();
        assertThat(members).hasSize(30);
        assertThat(members.get(0).name()).isEqualTo("G0017061.JPG");
        assertThat(members.get(1).name()).isEqualTo("G0017062.JPG");
        assertThat(members.get(29).name()).isEqualTo("G0017090.JPG");
        assertThat(members).allSatisfy(m -> {
            assertThat(m.directory()).isEqualTo("100GOPRO");
            assertThat(m.created()).isEqualTo(Instant.ofEpochSecond(1729860144L));
            assertThat(m.asFile().size()).isEqualTo(MediaFile.SIZE_NOT_LISTED);
        });
        assertThat(list.rejected()).isEmpty();
    }

    @Test
    void aMax360GroupKeepsItsFourLetterPrefixAndExtension() {
        MediaList list = decode("""
                {"n": "GS010001.36P", "cre": "1748346433", "mod": "1748346433", "s": "3264094"},
                {"n": "GSAA0003.36P", "g": "1001", "b": "3", "l": "11", "cre": "1750861268",
                 "mod": "1750861268", "s": "48802268", "t": "b", "m": []},
                {"n": "GSAB0013.36P", "g": "1002", "b": "13", "l": "22", "cre": "1750864146",
                 "mod": "1750864146", "s": "54954054", "t": "b", "m": []}""");

        assertThat(list.groups().get(0).members()).extracting(GroupMember::name).containsExactly("GSAA0003.36P",
                "GSAA0004.36P", "GSAA0005.36P", "GSAA0006.36P", "GSAA0007.36P", "GSAA0008.36P", "GSAA0009.36P",
                "GSAA0010.36P", "GSAA0011.36P");
        assertThat(list.members()).hasSize(9 + 10);
        assertThat(list.members().get(9).name()).isEqualTo("GSAB0013.36P");
        assertThat(list.files()).extracting(MediaFile::name).containsExactly("GS010001.36P");
    }

    @Test
    void missingIdsAreLeftOutAndIdsOutsideTheRangeOrRepeatedAreIgnored() {
        MediaGroup lapse = group("G0020001.JPG", 1, 10, List.of(3, 7, 7, 99, -4));

        assertThat(lapse.members()).extracting(GroupMember::id).containsExactly(1, 2, 4, 5, 6, 8, 9, 10);
        assertThat(lapse.members()).hasSize(lapse.memberCount());
    }

    @Test
    void aGroupWhoseMembersCannotBeNamedSaysWhy() {
        assertThat(group("G0017061.JPG", 7061, 7090, List.of()).problem()).isEmpty();
        assertThat(group("G001706.JPG", 706, 710, List.of()).problem()).get().asString().contains("GXXXYYYY.EXT");
        assertThat(group("G0017061JPG", 7061, 7090, List.of()).problem()).isPresent();
        assertThat(group("G0017061.", 7061, 7090, List.of()).problem()).isPresent();
        assertThat(group("G0017062.JPG", 7061, 7090, List.of()).problem()).get().asString().contains("first member id 7061");
        assertThat(group("G001ABCD.JPG", 7061, 7090, List.of()).problem()).isPresent();
        assertThat(group("G0010000.JPG", 0, 10_000, List.of()).problem()).get().asString().contains("0..9999");
        assertThat(group("G0010000.JPG", -1, 3, List.of()).problem()).isPresent();
        assertThatThrownBy(() -> group("G0017062.JPG", 7061, 7090, List.of()).members())
                .isInstanceOf(IllegalArgumentException.class);
        // the widest group that can be named: every 4-digit id, 10 000 members
        assertThat(group("G0010000.JPG", 0, 9999, List.of()).members()).hasSize(MediaGroup.MAX_MEMBERS)
                .last().extracting(GroupMember::name).isEqualTo("G0019999.JPG");
    }

    @Test
    void hostileGroupsAreRejectedAndTheRestOfTheCardStands() {
        MediaList list = decode("""
                {"n": "GX010001.MP4", "cre": "1", "mod": "1", "s": "10"},
                {"n": "G001706.JPG", "g": "1", "b": "706", "l": "710", "cre": "1", "mod": "1", "s": "1", "t": "b"},
                {"n": "G0017061.JPG", "g": "1", "b": "7061", "l": "2000000000", "cre": "1", "mod": "1", "s": "1", "t": "b"},
                {"n": "G0017061.JPG", "g": "1", "b": "9", "l": "2", "cre": "1", "mod": "1", "s": "1", "t": "b"},
                {"n": "G0017061.JPG", "g": "1", "b": "7061", "cre": "1", "mod": "1", "s": "1", "t": "b"},
                {"n": "G0017061.JPG", "g": "1", "b": "7061", "l": "7062", "cre": "1", "mod": "1", "s": "1",
                 "m": ["x"]},
                {"n": "G0020001.JPG", "g": "2", "b": "1", "l": "2", "cre": "1", "mod": "1", "s": "2", "t": "t"}""");

        assertThat(list.files()).extracting(MediaFile::name).containsExactly("GX010001.MP4");
        assertThat(list.groups()).extracting(MediaGroup::name).containsExactly("G0020001.JPG");
        assertThat(list.members()).extracting(GroupMember::name).containsExactly("G0020001.JPG", "G0020002.JPG");
        assertThat(list.rejected()).extracting(RejectedMedia::at).containsExactly("media[0].fs[1]", "media[0].fs[2]",
                "media[0].fs[3]", "media[0].fs[4]", "media[0].fs[5]");
        assertThat(list.rejected().get(1).reason()).contains("0..9999");
        assertThat(list.rejected().get(3).reason()).contains(".l");
    }

    @Test
    void aMemberIsOnePathSegmentWithinItsGroup() {
        MediaGroup g = group("G0017061.JPG", 7061, 7090, List.of());
        assertThatThrownBy(() -> new GroupMember(g, 7060, "G0017060.JPG")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GroupMember(g, 7061, "../x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new GroupMember(g, 7061, "G0017061.JPG").path()).hasToString("100GOPRO/G0017061.JPG");
    }
}
