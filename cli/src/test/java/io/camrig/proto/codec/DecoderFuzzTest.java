package io.camrig.proto.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.camrig.proto.error.MalformedMessageException;
import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.json.MessageJson;
import io.camrig.proto.message.CameraMessage;
import io.camrig.proto.request.CameraRequest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random bytes on every characteristic: the decoders throw nothing but
 * {@link MalformedMessageException}, and whatever they decode renders as JSON.
 */
class DecoderFuzzTest {
    private static final int[] INTERESTING_FIRST_BYTES = {
        0x01, 0x02, 0x03, 0x0D, 0x0E, 0x3C, 0x3E, 0x51, 0x5B, 0x12, 0x13, 0x32, 0x52, 0x53, 0x62, 0x72,
        0x73, 0x82, 0x92, 0x93, 0xA2, 0xF1, 0xF5, 0x02, 0x00, 0xFF};
    private static final int[] INTERESTING_SECOND_BYTES = {
        0x00, 0x01, 0x02, 0xE9, 0xEB, 0xE7, 0xED, 0xEE, 0xEF, 0x69, 0x6B, 0x6D, 0x6E, 0x6F, 0x66, 0x67, 0xFF};

    @Test
    void randomBytesNeverThrowAnythingButMalformed() {
        Random random = new Random(0x5EED_CA4L);
        GoProUuid[] characteristics = GoProUuid.values();
        int malformed = 0;
        for (int i = 0; i < 200_000; i++) {
            byte[] message = new byte[random.nextInt(48)];
            random.nextBytes(message);
            if (message.length > 0 && random.nextBoolean()) {
                message[0] = (byte) INTERESTING_FIRST_BYTES[random.nextInt(INTERESTING_FIRST_BYTES.length)];
            }
            if (message.length > 1 && random.nextBoolean()) {
                message[1] = (byte) INTERESTING_SECOND_BYTES[random.nextInt(INTERESTING_SECOND_BYTES.length)];
            }
            GoProUuid c = characteristics[random.nextInt(characteristics.length)];
            try {
                CameraMessage m = MessageDecoder.decode(c, message);
                assertThat(MessageJson.toJson(m, message, random.nextBoolean())).isNotNull();
            } catch (MalformedMessageException e) {
                malformed++;
            } catch (RuntimeException e) {
                fail("MessageDecoder on " + c.label() + " " + HexFormat.of().formatHex(message) + " threw " + e, e);
            }
            try {
                CameraRequest r = RequestDecoder.decode(c, message);
                assertThat(MessageJson.toJson(r, message, random.nextBoolean())).isNotNull();
            } catch (MalformedMessageException e) {
                malformed++;
            } catch (RuntimeException e) {
                fail("RequestDecoder on " + c.label() + " " + HexFormat.of().formatHex(message) + " threw " + e, e);
            }
        }
        assertThat(malformed).as("the fuzzer reaches the error paths").isPositive();
    }
}
