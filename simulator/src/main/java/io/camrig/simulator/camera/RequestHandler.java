package io.camrig.simulator.camera;

import io.camrig.proto.catalog.Operation;
import io.camrig.proto.codec.ResponseEncoder;
import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.id.TlvStatus;
import io.camrig.proto.message.TlvEntry;
import io.camrig.proto.request.CameraRequest;
import io.camrig.proto.request.CommandRequest;
import io.camrig.proto.request.ProtobufRequest;
import io.camrig.proto.request.QueryRequest;
import io.camrig.proto.request.SettingRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Answers decoded requests the way a camera of the simulated model does: TLV commands
 * ({@link CommandHandler}), settings and queries ({@link QueryHandler}) and protobuf requests
 * ({@link ProtobufHandler}, {@link NetworkHandler}), each with the spec's response layout. Returns
 * the response message (not yet packetized), or {@code null} when a camera stays silent (an
 * unknown request).
 */
final class RequestHandler {
    private final CommandHandler commands;
    private final QueryHandler queries;
    private final ProtobufHandler protobufs;

    RequestHandler(VirtualCamera camera, GattServerSession session) {
        this.commands = new CommandHandler(camera, session);
        this.queries = new QueryHandler(camera, session.registrations());
        this.protobufs = new ProtobufHandler(camera, session, session.registrations());
    }

    /** Every catalog operation the simulator answers. */
    static Set<Operation> implemented() {
        Set<Operation> all = EnumSet.of(Operation.KEEP_ALIVE);
        all.addAll(CommandHandler.operations());
        all.addAll(QueryHandler.operations());
        all.addAll(ProtobufHandler.operations());
        return all;
    }

    byte[] handle(GoProUuid characteristic, CameraRequest request) {
        if (request instanceof ProtobufRequest p) {
            return protobufs.handle(p);
        }
        if (request instanceof CommandRequest c) {
            return commands.handle(c);
        }
        if (request instanceof SettingRequest s) {
            if (s.isKeepAlive()) {
                return ResponseEncoder.settingResponse(s.settingId(), TlvStatus.SUCCESS);
            }
            return queries.setSetting(s);
        }
        if (request instanceof QueryRequest q) {
            return queries.handle(q);
        }
        return null;    // an unknown request: a real camera does not answer either
    }

    List<TlvEntry> capabilityEntries(int settingId) {
        return queries.capabilityEntries(settingId);
    }

    byte[] presetStatusNotification() {
        return protobufs.presetStatusNotification();
    }

    byte[] livestreamNotification() {
        return protobufs.livestreamNotification();
    }

    byte[] cohnNotification() {
        return protobufs.cohnNotification();
    }
}
