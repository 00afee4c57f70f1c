package io.camrig.proto.error;

/**
 * A reassembled message whose payload does not follow its documented layout: a TLV entry whose
 * length runs past the end, a protobuf payload that does not parse, an empty message.
 * Source: Open GoPro BLE spec, "Data Protocol" / "Message Payload".
 */
public class MalformedMessageException extends PermanentCamrigException {
    public MalformedMessageException(String message) {
        super(message, null, null, null);
    }

    public MalformedMessageException(String message, Throwable cause) {
        super(message, null, null, cause);
    }
}
