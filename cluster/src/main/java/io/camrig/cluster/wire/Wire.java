package io.camrig.cluster.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camrig.proto.error.PermanentCamrigException;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Encodes and decodes the cluster's payloads; a payload that does not parse is a typed error. */
public final class Wire {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private Wire() {
    }

    /** The payload as UTF-8 JSON. */
    public static byte[] encode(Object payload) {
        try {
            return JSON.writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Decodes a payload.
     *
     * @throws MalformedPayloadException when it is not the expected JSON (truncated, wrong shape)
     */
    public static <T> T decode(byte[] bytes, Class<T> type, String topic) {
        try {
            T value = JSON.readValue(bytes, type);
            if (value == null) {
                throw new MalformedPayloadException(topic, "empty payload");
            }
            return value;
        } catch (IOException | IllegalArgumentException e) {
            throw new MalformedPayloadException(topic, e.getClass().getSimpleName());
        }
    }

    /** A payload on a cluster topic that is not what the topic carries. */
    public static final class MalformedPayloadException extends PermanentCamrigException {
        public MalformedPayloadException(String topic, String why) {
            super("malformed payload on " + topic + ": " + why, null, "decode", null);
        }
    }
}
