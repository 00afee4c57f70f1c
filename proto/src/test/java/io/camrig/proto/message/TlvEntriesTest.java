package io.camrig.proto.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camrig.proto.codec.MessageDecoder;
import io.camrig.proto.gatt.GoProUuid;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class TlvEntriesTest {
    /** A 0x93 push: status 8 = 1, status 70 = 0x0157 (2 bytes), status 30 = "GP1" (3 bytes). */
    private static final byte[] PUSH = HexFormat.of().parseHex("9300" + "080101" + "46020157" + "1E03475031");

    private PushNotification decode(byte[] message) {
        return (PushNotification) MessageDecoder.decode(GoProUuid.QUERY_RESPONSE, message);
    }

    @Test
    void theValuesReadInPlaceAreTheEntriesValues() {
        List<TlvEntry> entries = decode(PUSH).entries();
        assertThat(entries).isInstanceOf(TlvEntries.class);

        List<String> visited = new ArrayList<>();
        ((TlvEntries) entries).forEachValue((id, value) -> visited.add(id + "=" + value));

        assertThat(visited).containsExactly("8=1", "70=343", "30=" + 0x475031);
        assertThat(entries).extracting(e -> e.id() + "=" + e.asLong()).containsExactlyElementsOf(visited);
        assertThat(entries.get(2).asString()).isEqualTo("GP1");
    }

    @Test
    void aDecodedListEqualsTheSameEntriesBuiltByHandAndIsImmutable() {
        List<TlvEntry> entries = decode(PUSH).entries();
        List<TlvEntry> byHand = List.of(new TlvEntry(8, new byte[] {1}), new TlvEntry(70, new byte[] {1, 0x57}),
                new TlvEntry(30, "GP1".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));

        assertThat(entries).isEqualTo(byHand).hasSameHashCodeAs(byHand);
        assertThat(new PushNotification(0x93, decode(PUSH).status(), byHand))
                .isEqualTo(decode(PUSH));
        assertThatThrownBy(() -> entries.add(new TlvEntry(1, new byte[0])))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(entries.get(0)).isSameAs(entries.get(0));
    }

    @Test
    void theMessageMayChangeAfterDecodingWithoutChangingTheEntries() {
        byte[] message = PUSH.clone();
        PushNotification push = decode(message);
        java.util.Arrays.fill(message, (byte) 0);

        assertThat(push.entry(70)).map(TlvEntry::asLong).contains(343L);
    }

    @Test
    void aPushWithoutEntriesIsEmpty() {
        TlvEntries none = (TlvEntries) decode(HexFormat.of().parseHex("9300")).entries();
        List<Integer> visited = new ArrayList<>();
        none.forEachValue((id, value) -> visited.add(id));

        assertThat(none).isEmpty();
        assertThat(visited).isEmpty();
    }
}
