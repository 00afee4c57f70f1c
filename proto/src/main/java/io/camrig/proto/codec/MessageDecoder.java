package io.camrig.proto.codec;

import com.google.protobuf.Message;
import com.google.protobuf.UnknownFieldSet;
import io.camrig.proto.catalog.ProtobufTypes;
import io.camrig.proto.error.MalformedMessageException;
import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.id.CommandId;
import io.camrig.proto.id.QueryId;
import io.camrig.proto.id.TlvStatus;
import io.camrig.proto.message.CameraMessage;
import io.camrig.proto.message.CommandResponse;
import io.camrig.proto.message.ProtobufError;
import io.camrig.proto.message.ProtobufMessage;
import io.camrig.proto.message.PushNotification;
import io.camrig.proto.message.QueryResponse;
import io.camrig.proto.message.RawProtobufMessage;
import io.camrig.proto.message.SettingResponse;
import io.camrig.proto.message.TlvEntries;
import io.camrig.proto.message.TlvEntry;
import io.camrig.proto.message.UnknownMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Decodes a whole message a camera sent (packet headers already removed) into a
 * {@link CameraMessage}. The one public decoder of camera messages.
 *
 * <p>The spec's "Decipher Message Payload Type" pseudocode, on the notify characteristics:
 * <ol>
 *   <li>If bytes 0 and 1 are a (feature id, action id) pair that {@link ProtobufTypes#response}
 *       knows: {@code [feature][action][serialized protobuf…]} → {@link ProtobufMessage}.</li>
 *   <li>If byte 0 is a protobuf feature whose answers arrive on this characteristic (0xF1 on
 *       GP-0073, 0xF5 on GP-0077, 0x02 and 0x03 on GP-0092), is not a TLV id there, and bytes 2..
 *       are valid protobuf wire format: a pair the catalog does not know (feature 0xF5, action
 *       0xFF from real cameras) → {@link RawProtobufMessage} with its untyped fields.</li>
 *   <li>Else TLV, by characteristic:
 *     <ul>
 *       <li>GP-0073: {@code [command id][status][response…]} → {@link CommandResponse}
 *           (unknown command id → {@link UnknownMessage})</li>
 *       <li>GP-0075: {@code [setting id][status]} → {@link SettingResponse} (Keep Alive is
 *           acknowledged here as setting 0x5B; anything longer than two bytes →
 *           {@link UnknownMessage})</li>
 *       <li>GP-0077: {@code [query id][status]([id][length][value…])*} → {@link QueryResponse}, or
 *           {@link PushNotification} for 0x92, 0x93, 0xA2 (unknown query id →
 *           {@link UnknownMessage})</li>
 *       <li>GP-0092 without a known pair, and every non-notify characteristic →
 *           {@link UnknownMessage}</li>
 *     </ul></li>
 * </ol>
 *
 * <p>A camera may answer a protobuf request it rejects with just the feature id and a status byte
 * ({@code [feature][status]}), or the feature id, the action id and a status byte. Both decode to
 * {@link ProtobufError}: the first when the feature's answers arrive on this characteristic (0xF1
 * on GP-0073, 0xF5 on GP-0077, 0x02 and 0x03 on GP-0092) and the pair is not a known one, the
 * second when the byte after a known pair does not parse. A 2-byte known pair decodes to a protobuf
 * message with no fields set.
 *
 * <p>Errors: {@link MalformedMessageException} for an empty message, a known TLV message shorter
 * than its id and status, a truncated id-length-value triplet, or a protobuf payload of two bytes or
 * more that does not parse (other than the 3-byte error form). No other exception escapes for any byte input.
 *
 * <p>Source: Open GoPro BLE spec, "Data Protocol" / "Decipher Message Payload Type", "Message
 * Payload"; "ID Tables".
 */
public final class MessageDecoder {
    private MessageDecoder() {
    }

    /**
     * Decodes one reassembled message.
     *
     * @param characteristic the characteristic it arrived on
     * @param message        the message bytes (not modified)
     * @return the decoded message
     * @throws MalformedMessageException when the bytes break the layout their ids announce
     */
    public static CameraMessage decode(GoProUuid characteristic, byte[] message) {
        Objects.requireNonNull(characteristic, "characteristic");
        Objects.requireNonNull(message, "message");
        if (message.length == 0) {
            throw new MalformedMessageException("empty message on " + characteristic.label());
        }
        if (characteristic.kind() != GoProUuid.Kind.NOTIFY) {
            return new UnknownMessage(characteristic, message);
        }
        if (message.length >= 2) {
            Optional<ProtobufTypes.Route> route = ProtobufTypes.response(message[0] & 0xFF, message[1] & 0xFF);
            if (route.isPresent()) {
                return protobuf(characteristic, route.get(), message);
            }
            if (message.length == 2 && answersFeature(characteristic, message[0] & 0xFF)) {
                return new ProtobufError(characteristic, message[0] & 0xFF, OptionalInt.empty(), message[1] & 0xFF);
            }
            if (answersFeature(characteristic, message[0] & 0xFF) && !isTlvId(characteristic, message[0] & 0xFF)) {
                Optional<UnknownFieldSet> raw = Protobufs.parseRaw(message);
                if (raw.isPresent()) {
                    return new RawProtobufMessage(characteristic, message[0] & 0xFF, message[1] & 0xFF, raw.get());
                }
            }
        }
        return switch (characteristic) {
            case COMMAND_RESPONSE -> command(message);
            case SETTINGS_RESPONSE -> setting(message);
            case QUERY_RESPONSE -> query(message);
            default -> new UnknownMessage(characteristic, message);
        };
    }

    private static CameraMessage protobuf(GoProUuid characteristic, ProtobufTypes.Route route, byte[] message) {
        Optional<Message> parsed = Protobufs.parsePartial(route.prototype(), message);
        if (parsed.isPresent()) {
            return new ProtobufMessage(characteristic, route.featureId(), route.actionId(), parsed.get());
        }
        if (message.length == 3) {
            return new ProtobufError(characteristic, route.featureId(), OptionalInt.of(route.actionId()), message[2] & 0xFF);
        }
        throw new MalformedMessageException(String.format("protobuf 0x%02X/0x%02X (%s) on %s does not parse as %s",
                route.featureId(), route.actionId(), route.operation(), characteristic.label(), route.messageName()));
    }

    /** {@code true} when answers to the feature's requests arrive on this characteristic. */
    private static boolean answersFeature(GoProUuid characteristic, int featureId) {
        return ProtobufTypes.answersFeatureOn(featureId, characteristic);
    }

    /** {@code true} when the TLV decoder of this characteristic knows {@code id} (a command or query). */
    private static boolean isTlvId(GoProUuid characteristic, int id) {
        return switch (characteristic) {
            case COMMAND_RESPONSE -> CommandId.name(id) != null;
            case QUERY_RESPONSE -> QueryId.name(id) != null;
            default -> false;
        };
    }

    private static CameraMessage command(byte[] m) {
        int id = m[0] & 0xFF;
        if (CommandId.name(id) == null) {
            return new UnknownMessage(GoProUuid.COMMAND_RESPONSE, m);
        }
        requireIdAndStatus(m, "command response");
        return new CommandResponse(id, TlvStatus.of(m[1] & 0xFF), Arrays.copyOfRange(m, 2, m.length));
    }

    private static CameraMessage setting(byte[] m) {
        requireIdAndStatus(m, "setting response");
        if (m.length > 2) {
            return new UnknownMessage(GoProUuid.SETTINGS_RESPONSE, m);
        }
        return new SettingResponse(m[0] & 0xFF, TlvStatus.of(m[1] & 0xFF));
    }

    private static CameraMessage query(byte[] m) {
        int id = m[0] & 0xFF;
        if (QueryId.name(id) == null) {
            return new UnknownMessage(GoProUuid.QUERY_RESPONSE, m);
        }
        requireIdAndStatus(m, "query response");
        TlvStatus status = TlvStatus.of(m[1] & 0xFF);
        List<TlvEntry> entries = triplets(m, 2);
        return QueryId.isPush(id) ? new PushNotification(id, status, entries) : new QueryResponse(id, status, entries);
    }

    /**
     * Reads {@code ([id][length][value…])*} from {@code offset} to the end: checks the layout,
     * counts the entries and keeps one copy of the bytes ({@link TlvEntries} reads them on demand).
     */
    static List<TlvEntry> triplets(byte[] m, int offset) {
        int count = 0;
        int pos = offset;
        while (pos < m.length) {
            if (pos + 2 > m.length) {
                throw new MalformedMessageException(String.format(
                        "query 0x%02X: triplet at offset %d has an id but no length", m[0] & 0xFF, pos));
            }
            int len = m[pos + 1] & 0xFF;
            if (pos + 2 + len > m.length) {
                throw new MalformedMessageException(String.format(
                        "query 0x%02X: id %d at offset %d declares %d value bytes, %d left",
                        m[0] & 0xFF, m[pos] & 0xFF, pos, len, m.length - pos - 2));
            }
            pos += 2 + len;
            count++;
        }
        return TlvEntries.copyOf(m, offset, m.length, count);
    }

    private static void requireIdAndStatus(byte[] m, String what) {
        if (m.length < 2) {
            throw new MalformedMessageException(String.format("%s 0x%02X has no status byte", what, m[0] & 0xFF));
        }
    }
}
