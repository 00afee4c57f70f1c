package io.camrig.proto.request;

import io.camrig.proto.gatt.GoProUuid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A TLV command written to GP-0072: {@code [command id]([length][value…])*}, each parameter
 * length-prefixed by one byte. For example Set Shutter on is {@code 01 01 01}, Load Preset Group
 * video is {@code 3E 02 03 E8}.
 *
 * <p>Source: Open GoPro BLE spec, "Data Protocol" / "Commands" / "Command Request".
 *
 * @param commandId the command id, 0..255
 * @param params    the parameter values, each at most 255 bytes (copied in and out)
 */
public record CommandRequest(int commandId, List<byte[]> params) implements CameraRequest {
    public CommandRequest {
        if (commandId < 0 || commandId > 0xFF) {
            throw new IllegalArgumentException("command id is one byte, got " + commandId);
        }
        List<byte[]> copy = new ArrayList<>(params.size());
        for (byte[] p : params) {
            if (p.length > 0xFF) {
                throw new IllegalArgumentException("a parameter is at most 255 bytes, got " + p.length);
            }
            copy.add(p.clone());
        }
        params = List.copyOf(copy);
    }

    @Override
    public List<byte[]> params() {
        return params.stream().map(byte[]::clone).toList();
    }

    /** Parameter {@code i} (a copy). */
    public byte[] param(int i) {
        return params.get(i).clone();
    }

    @Override
    public GoProUuid characteristic() {
        return GoProUuid.COMMAND;
    }

    @Override
    public String kind() {
        return "command_request";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CommandRequest r) || r.commandId != commandId || r.params.size() != params.size()) {
            return false;
        }
        for (int i = 0; i < params.size(); i++) {
            if (!Arrays.equals(r.params.get(i), params.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = commandId;
        for (byte[] p : params) {
            h = 31 * h + Arrays.hashCode(p);
        }
        return h;
    }

    @Override
    public String toString() {
        return String.format("CommandRequest[0x%02X %s]", commandId,
                params.stream().map(p -> HexFormat.of().formatHex(p)).collect(Collectors.joining(",", "[", "]")));
    }
}
