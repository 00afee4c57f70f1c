package io.camrig.proto.codec;

import com.google.protobuf.Message;
import io.camrig.proto.catalog.ProtobufTypes;
import io.camrig.proto.error.MalformedMessageException;
import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.id.CommandId;
import io.camrig.proto.id.QueryId;
import io.camrig.proto.request.CameraRequest;
import io.camrig.proto.request.CommandRequest;
import io.camrig.proto.request.ProtobufRequest;
import io.camrig.proto.request.QueryRequest;
import io.camrig.proto.request.SettingRequest;
import io.camrig.proto.request.UnknownRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decodes a whole message a client wrote (packet headers already removed) into a
 * {@link CameraRequest}: the camera's side, used by the simulator.
 *
 * <ul>
 *   <li>GP-0072, GP-0076, GP-0091: if bytes 0 and 1 are a (feature, action) pair
 *       {@link ProtobufTypes#request} knows → {@link ProtobufRequest} (required fields may be
 *       missing).</li>
 *   <li>GP-0072: {@code [command id]([length][value…])*} → {@link CommandRequest}; unknown command id
 *       → {@link UnknownRequest}.</li>
 *   <li>GP-0074: {@code [setting id][length][value…]} → {@link SettingRequest} (Keep Alive is
 *       {@code 5B 01 42}).</li>
 *   <li>GP-0076: {@code [query id][element id]*} → {@link QueryRequest}; unknown or push query id →
 *       {@link UnknownRequest}.</li>
 *   <li>Anything else → {@link UnknownRequest}.</li>
 * </ul>
 *
 * <p>Errors: {@link MalformedMessageException} for an empty message, a parameter or setting value
 * whose length byte runs past the end, a setting request with bytes after its value, or a protobuf
 * payload that does not parse. No other exception escapes for any byte input.
 *
 * <p>Source: Open GoPro BLE spec, "Data Protocol" / "Command Request", "Query Request", "Protobuf".
 */
public final class RequestDecoder {
    private RequestDecoder() {
    }

    /**
     * Decodes one reassembled request.
     *
     * @param characteristic the characteristic it was written to
     * @param message        the message bytes (not modified)
     * @throws MalformedMessageException when the bytes break the layout their ids announce
     */
    public static CameraRequest decode(GoProUuid characteristic, byte[] message) {
        Objects.requireNonNull(characteristic, "characteristic");
        Objects.requireNonNull(message, "message");
        if (message.length == 0) {
            throw new MalformedMessageException("empty request on " + characteristic.label());
        }
        boolean protobufCapable = characteristic == GoProUuid.COMMAND || characteristic == GoProUuid.QUERY
                || characteristic == GoProUuid.NETWORK_MANAGEMENT_COMMAND;
        if (protobufCapable && message.length >= 2) {
            Optional<ProtobufTypes.Route> route = ProtobufTypes.request(message[0] & 0xFF, message[1] & 0xFF);
            if (route.isPresent()) {
                return protobuf(characteristic, route.get(), message);
            }
        }
        return switch (characteristic) {
            case COMMAND -> command(message);
            case SETTINGS -> setting(message);
            case QUERY -> query(message);
            default -> new UnknownRequest(characteristic, message);
        };
    }

    private static CameraRequest protobuf(GoProUuid characteristic, ProtobufTypes.Route route, byte[] message) {
        Message parsed = Protobufs.parsePartial(route.prototype(), message).orElseThrow(() ->
                new MalformedMessageException(String.format("protobuf 0x%02X/0x%02X on %s does not parse as %s",
                        route.featureId(), route.actionId(), characteristic.label(), route.messageName())));
        return new ProtobufRequest(characteristic, route.featureId(), route.actionId(), parsed);
    }

    private static CameraRequest command(byte[] m) {
        int id = m[0] & 0xFF;
        if (CommandId.name(id) == null) {
            return new UnknownRequest(GoProUuid.COMMAND, m);
        }
        List<byte[]> params = new ArrayList<>();
        int pos = 1;
        while (pos < m.length) {
            int len = m[pos] & 0xFF;
            if (pos + 1 + len > m.length) {
                throw new MalformedMessageException(String.format(
                        "command 0x%02X: parameter at offset %d declares %d bytes, %d left", id, pos, len, m.length - pos - 1));
            }
            params.add(Arrays.copyOfRange(m, pos + 1, pos + 1 + len));
            pos += 1 + len;
        }
        return new CommandRequest(id, params);
    }

    private static CameraRequest setting(byte[] m) {
        int id = m[0] & 0xFF;
        if (m.length < 2) {
            throw new MalformedMessageException("setting " + id + " request has no value length");
        }
        int len = m[1] & 0xFF;
        if (m.length != 2 + len) {
            throw new MalformedMessageException(String.format(
                    "setting %d request declares %d value bytes, has %d", id, len, m.length - 2));
        }
        return new SettingRequest(id, Arrays.copyOfRange(m, 2, m.length));
    }

    private static CameraRequest query(byte[] m) {
        int id = m[0] & 0xFF;
        if (QueryId.name(id) == null || QueryId.isPush(id)) {
            return new UnknownRequest(GoProUuid.QUERY, m);
        }
        List<Integer> ids = new ArrayList<>(m.length - 1);
        for (int i = 1; i < m.length; i++) {
            ids.add(m[i] & 0xFF);
        }
        return new QueryRequest(id, ids);
    }
}
