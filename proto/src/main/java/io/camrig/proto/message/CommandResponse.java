package io.camrig.proto.message;

import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.id.TlvStatus;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A TLV command response on GP-0073: {@code [command id][status][optional response…]}.
 *
 * @param commandId the command id, 0..255
 * @param status    the command status
 * @param payload   the optional response bytes after the status (may be empty); their layout is
 *                  the command's own (see {@link HardwareInfo}, {@link OpenGoProVersion})
 */
public record CommandResponse(int commandId, TlvStatus status, byte[] payload) implements CameraMessage {
    public CommandResponse {
        Objects.requireNonNull(status, "status");
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public GoProUuid characteristic() {
        return GoProUuid.COMMAND_RESPONSE;
    }

    @Override
    public String kind() {
        return "command_response";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CommandResponse r && r.commandId == commandId && r.status.equals(status)
                && Arrays.equals(r.payload, payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(commandId, status, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return String.format("CommandResponse[0x%02X %s %s]", commandId, status, HexFormat.of().formatHex(payload));
    }
}
