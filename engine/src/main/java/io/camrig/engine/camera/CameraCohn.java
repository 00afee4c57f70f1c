package io.camrig.engine.camera;

import io.camrig.proto.catalog.Operation;
import io.camrig.proto.catalog.ProtobufRef;
import io.camrig.proto.message.ProtobufMessage;
import io.camrig.proto.pb.NotifyCOHNStatus;
import io.camrig.proto.pb.RequestClearCOHNCert;
import io.camrig.proto.pb.RequestCOHNCert;
import io.camrig.proto.pb.RequestCreateCOHNCert;
import io.camrig.proto.pb.RequestGetCOHNStatus;
import io.camrig.proto.pb.RequestSetCOHNSetting;
import io.camrig.proto.pb.ResponseCOHNCert;
import io.camrig.proto.pb.ResponseGeneric;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Camera on the home network (COHN) of one camera ({@link Camera#cohn()}): the certificate, the
 * setting, and the status with its credentials. NotifyCOHNStatus carries the basic-auth password:
 * a secret that camrig never logs or puts in errors ({@code camrig decode} redacts it).
 *
 * <p>Create (F1 67), clear (F1 66) and set (F1 65) are answered by ResponseGeneric; get the
 * certificate F5 6E → F5 EE ResponseCOHNCert; status F5 6F → F5 EF NotifyCOHNStatus, also pushed
 * after {@code register_cohn_status}.
 *
 * <p>Source: Open GoPro BLE spec, "Camera on the Home Network"; tutorial 9.
 */
public final class CameraCohn {
    private static final int[] KEY = {1};

    private final CameraLink link;
    private final PushRegistry registry;

    CameraCohn(CameraLink link, PushRegistry registry) {
        this.link = link;
        this.registry = registry;
    }

    /** Get COHN Status, without registering. */
    @Implements(Operation.GET_COHN_STATUS)
    public Mono<NotifyCOHNStatus> status() {
        return link.deliver(link.protobuf(Operation.GET_COHN_STATUS, RequestGetCOHNStatus.getDefaultInstance(),
                NotifyCOHNStatus.class));
    }

    /** The COHN status now, then each change (F5 EF); cancelling unregisters. */
    public Flux<NotifyCOHNStatus> statusUpdates() {
        ProtobufRef n = Operation.GET_COHN_STATUS.info().notification().orElseThrow();
        return Pushes.registered(link,
                m -> m instanceof ProtobufMessage p && p.featureId() == n.featureId() && p.actionId() == n.actionId(),
                m -> List.of((NotifyCOHNStatus) ((ProtobufMessage) m).message()),
                Mono.defer(() -> {
                    registry.acquire(PushRegistry.Kind.COHN, KEY);
                    return link.protobuf(Operation.GET_COHN_STATUS,
                            RequestGetCOHNStatus.newBuilder().setRegisterCohnStatus(true).build(),
                            NotifyCOHNStatus.class).map(List::of);
                }),
                () -> {
                    if (registry.release(PushRegistry.Kind.COHN, KEY).length > 0) {
                        Pushes.fireAndForget(link, link.protobuf(Operation.GET_COHN_STATUS,
                                RequestGetCOHNStatus.newBuilder().setRegisterCohnStatus(false).build(),
                                NotifyCOHNStatus.class));
                    }
                });
    }

    /** Create COHN Certificate; {@code override} replaces an existing one. */
    @Implements(Operation.CREATE_COHN_CERTIFICATE)
    public Mono<Void> createCertificate(boolean override) {
        return generic(Operation.CREATE_COHN_CERTIFICATE, RequestCreateCOHNCert.newBuilder().setOverride(override).build());
    }

    /** Clear COHN Certificate. */
    @Implements(Operation.CLEAR_COHN_CERTIFICATE)
    public Mono<Void> clearCertificate() {
        return generic(Operation.CLEAR_COHN_CERTIFICATE, RequestClearCOHNCert.getDefaultInstance());
    }

    /** Get COHN Certificate: the root CA certificate, PEM text. */
    @Implements(Operation.GET_COHN_CERTIFICATE)
    public Mono<String> certificate() {
        return link.deliver(link.protobuf(Operation.GET_COHN_CERTIFICATE, RequestCOHNCert.getDefaultInstance(),
                ResponseCOHNCert.class).map(ResponseCOHNCert::getCert));
    }

    /** Set COHN Setting: enables or disables COHN. */
    @Implements(Operation.SET_COHN_SETTING)
    public Mono<Void> setActive(boolean active) {
        return generic(Operation.SET_COHN_SETTING, RequestSetCOHNSetting.newBuilder().setCohnActive(active).build());
    }

    private Mono<Void> generic(Operation op, com.google.protobuf.Message request) {
        return link.deliver(link.protobuf(op, request, ResponseGeneric.class).then());
    }
}
