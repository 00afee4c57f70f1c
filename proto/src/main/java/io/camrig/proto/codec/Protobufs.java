package io.camrig.proto.codec;

import com.google.protobuf.ExtensionRegistryLite;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.UnknownFieldSet;
import java.util.Arrays;
import java.util.Optional;

/** Shared protobuf parsing for the two decoders. */
final class Protobufs {
    private Protobufs() {
    }

    /**
     * Parses {@code message[2..]} as the prototype's type without requiring required fields (a
     * camera's short error reply may leave them out).
     *
     * @return the message, or empty when the bytes are not a valid encoding
     */
    /**
     * Parses {@code message[2..]} as untyped protobuf fields.
     *
     * @return the fields, or empty when the bytes are not valid protobuf wire format
     */
    static Optional<UnknownFieldSet> parseRaw(byte[] message) {
        try {
            return Optional.of(UnknownFieldSet.parseFrom(Arrays.copyOfRange(message, 2, message.length)));
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static Optional<Message> parsePartial(Message prototype, byte[] message) {
        byte[] payload = Arrays.copyOfRange(message, 2, message.length);
        try {
            return Optional.of(prototype.newBuilderForType()
                    .mergeFrom(payload, ExtensionRegistryLite.getEmptyRegistry())
                    .buildPartial());
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
