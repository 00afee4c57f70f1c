package io.camrig.proto.codec;

import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.message.RawPayload;
import java.util.Objects;

/**
 * A request ready to be fragmented into packets and written: the message bytes (no packet header)
 * and the characteristic to write them to. Produced by {@link RequestEncoder}. Equal, and printed,
 * as its message: {@code GP-0072 0101}.
 *
 * @param message the characteristic to write to (GP-0072, GP-0074, GP-0076 or GP-0091) and the
 *                whole message
 */
public record EncodedRequest(RawPayload message) {
    public EncodedRequest {
        Objects.requireNonNull(message, "message");
    }

    /** The message {@code bytes} to write to {@code characteristic} (copied in and out). */
    public EncodedRequest(GoProUuid characteristic, byte[] bytes) {
        this(new RawPayload(characteristic, bytes));
    }

    /** The characteristic to write to. */
    public GoProUuid characteristic() {
        return message.characteristic();
    }

    /** The whole message, a copy. */
    public byte[] bytes() {
        return message.bytes();
    }

    /** The message length in bytes. */
    public int length() {
        return message.length();
    }

    /** The characteristic the answer arrives on (GP-0073, GP-0075, GP-0077 or GP-0092). */
    public GoProUuid responseCharacteristic() {
        return message.characteristic().responseCharacteristic().orElseThrow();
    }

    @Override
    public String toString() {
        return message.toString();
    }
}
