package io.camrig.engine.camera;

import io.camrig.proto.catalog.Operation;
import io.camrig.proto.catalog.ProtobufRef;
import io.camrig.proto.message.ProtobufMessage;
import io.camrig.proto.pb.EnumRegisterLiveStreamStatus;
import io.camrig.proto.pb.NotifyLiveStreamStatus;
import io.camrig.proto.pb.RequestGetLiveStreamStatus;
import io.camrig.proto.pb.RequestSetLiveStreamMode;
import io.camrig.proto.pb.ResponseGeneric;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Live streaming of one camera ({@link Camera#livestream()}): Set Livestream Mode (F1 79 →
 * F1 F9 ResponseGeneric) and Get Livestream Status (F5 74 → F5 F4 NotifyLiveStreamStatus), with
 * {@link #statusUpdates()} registering for every kind of F5 F5 notification (status, error, mode,
 * bitrate); cancelling unregisters.
 *
 * <p>Source: Open GoPro BLE spec, "Live Streaming"; references.json.
 */
public final class CameraLivestream {
    private static final List<EnumRegisterLiveStreamStatus> KINDS = List.of(EnumRegisterLiveStreamStatus.values());

    private final CameraLink link;
    private final PushRegistry registry;

    CameraLivestream(CameraLink link, PushRegistry registry) {
        this.link = link;
        this.registry = registry;
    }

    /** Set Livestream Mode: the RTMP URL, encoding, window size, bitrates and lens. */
    @Implements(Operation.SET_LIVESTREAM_MODE)
    public Mono<Void> setMode(RequestSetLiveStreamMode mode) {
        return link.deliver(link.protobuf(Operation.SET_LIVESTREAM_MODE, mode, ResponseGeneric.class).then());
    }

    /** Get Livestream Status, without registering. */
    @Implements(Operation.GET_LIVESTREAM_STATUS)
    public Mono<NotifyLiveStreamStatus> status() {
        return link.deliver(link.protobuf(Operation.GET_LIVESTREAM_STATUS, RequestGetLiveStreamStatus.getDefaultInstance(),
                NotifyLiveStreamStatus.class));
    }

    /** The live stream status now, then each change (F5 F5); cancelling unregisters. */
    public Flux<NotifyLiveStreamStatus> statusUpdates() {
        ProtobufRef n = Operation.GET_LIVESTREAM_STATUS.info().notification().orElseThrow();
        int[] kinds = KINDS.stream().mapToInt(EnumRegisterLiveStreamStatus::getNumber).toArray();
        return Pushes.registered(link,
                m -> m instanceof ProtobufMessage p && p.featureId() == n.featureId() && p.actionId() == n.actionId(),
                m -> List.of((NotifyLiveStreamStatus) ((ProtobufMessage) m).message()),
                Mono.defer(() -> {
                    registry.acquire(PushRegistry.Kind.LIVESTREAM, kinds);
                    return link.protobuf(Operation.GET_LIVESTREAM_STATUS,
                            RequestGetLiveStreamStatus.newBuilder().addAllRegisterLiveStreamStatus(KINDS).build(),
                            NotifyLiveStreamStatus.class).map(List::of);
                }),
                () -> {
                    if (registry.release(PushRegistry.Kind.LIVESTREAM, kinds).length > 0) {
                        Pushes.fireAndForget(link, link.protobuf(Operation.GET_LIVESTREAM_STATUS,
                                RequestGetLiveStreamStatus.newBuilder().addAllUnregisterLiveStreamStatus(KINDS).build(),
                                NotifyLiveStreamStatus.class));
                    }
                });
    }
}
