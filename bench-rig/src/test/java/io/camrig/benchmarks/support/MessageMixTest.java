package io.camrig.benchmarks.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camrig.proto.codec.MessageDecoder;
import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.message.PushNotification;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MessageMixTest {

    @Test
    void mixedLengthsFollowTheIssueMix() {
        List<byte[]> messages = MessageMix.mixedMessages(10_000, 1);
        long small = messages.stream().filter(m -> m.length >= 3 && m.length <= 19).count();
        long medium = messages.stream().filter(m -> m.length >= 50 && m.length <= 400).count();
        long large = messages.stream().filter(m -> m.length >= 1000 && m.length <= 8000).count();
        assertThat(small + medium + large).isEqualTo(10_000);
        assertThat(small).isBetween(6_700L, 7_300L);
        assertThat(medium).isBetween(2_200L, 2_800L);
        assertThat(large).isBetween(350L, 650L);
    }

    @Test
    void everyPushOfEveryLengthDecodesToAPushNotification() {
        SplittableRandom random = new SplittableRandom(7);
        for (int length = 4; length <= 8000; length += length < 600 ? 1 : 97) {
            byte[] push = MessageMix.push(random, length);
            assertThat(push).hasSize(length);
            assertThat(MessageDecoder.decode(GoProUuid.QUERY_RESPONSE, push))
                    .as("length %d", length).isInstanceOf(PushNotification.class);
        }
    }

    @Test
    void aThreeBytePushCannotExist() {
        assertThatThrownBy(() -> MessageMix.push(new SplittableRandom(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void messageFloorCountsArrayHeadersAndPadding() {
        // One 3-byte message in one packet: 16-byte header + 3 bytes, rounded up to 24.
        assertThat(MessageMix.messageBytesPerPacket(List.of(new byte[3]))).isEqualTo(24.0);
    }
}
