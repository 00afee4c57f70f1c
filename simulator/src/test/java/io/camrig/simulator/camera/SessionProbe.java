package io.camrig.simulator.camera;

import io.camrig.ble.packet.MessageAssembler;
import io.camrig.ble.packet.PacketFragmenter;
import io.camrig.proto.codec.EncodedRequest;
import io.camrig.proto.codec.MessageDecoder;
import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.message.CameraMessage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A central's view of one GATT server session, in bytes: writes requests as packets, reassembles and
 * decodes what the camera notifies. The session answers synchronously, so {@link #request} returns
 * the answer at once.
 */
final class SessionProbe {
    final GattServerSession session;
    private final Map<GoProUuid, MessageAssembler> assemblers = new EnumMap<>(GoProUuid.class);
    private final List<CameraMessage> received = new CopyOnWriteArrayList<>();

    SessionProbe(VirtualCamera camera) {
        this.session = camera.openSession(n -> {
            GoProUuid uuid = GoProUuid.of(n.characteristic()).orElseThrow();
            assemblers.computeIfAbsent(uuid, u -> new MessageAssembler())
                    .accept(n.value(), m -> received.add(MessageDecoder.decode(uuid, m)), e -> {
                        throw new AssertionError(e);
                    });
        }, () -> { });
        for (GoProUuid u : GoProUuid.values()) {
            if (u.kind() == GoProUuid.Kind.NOTIFY) {
                session.enableNotifications(u.uuid());
            }
        }
    }

    /** Writes a request and returns the last message the camera sent in answer. */
    CameraMessage request(EncodedRequest request) {
        int before = received.size();
        for (byte[] packet : PacketFragmenter.fragment(request.bytes())) {
            session.onWrite(request.characteristic().uuid(), packet);
        }
        List<CameraMessage> answers = received.subList(before, received.size());
        if (answers.isEmpty()) {
            throw new AssertionError("no answer to " + request);
        }
        return answers.get(answers.size() - 1);
    }

    /** Everything received so far, then forgets it. */
    List<CameraMessage> drain() {
        List<CameraMessage> out = new ArrayList<>(received);
        received.clear();
        return out;
    }
}
