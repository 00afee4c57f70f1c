package io.camrig.engine.camera;

import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.camrig.engine.error.CameraStatusException;
import io.camrig.proto.catalog.CameraModel;
import io.camrig.proto.catalog.Operation;
import io.camrig.proto.catalog.OperationInfo;
import io.camrig.proto.catalog.ProtobufRef;
import io.camrig.proto.codec.EncodedRequest;
import io.camrig.proto.codec.RequestEncoder;
import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.message.CameraMessage;
import io.camrig.proto.message.CommandResponse;
import io.camrig.proto.message.ProtobufError;
import io.camrig.proto.message.ProtobufMessage;
import io.camrig.proto.message.QueryResponse;
import io.camrig.proto.message.SettingResponse;
import io.camrig.proto.message.UnknownMessage;
import io.camrig.proto.pb.EnumResultGeneric;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the operation groups of a {@link Camera} share: the request queues, the stream of
 * unsolicited messages, the camera's model once known, and the exchange helpers that check a
 * response's status (TLV status byte, protobuf {@code result}) and turn a refusal into
 * {@link CameraStatusException}. Every helper returns a cold {@code Mono} delivered on the
 * camera's delivery scheduler.
 */
final class CameraLink {
    private final String name;
    private final CameraOptions options;
    private final Map<GoProUuid, ExchangeQueue> queues;
    private final Flux<CameraMessage> unsolicited;
    private final BooleanSupplier connected;
    private final AtomicReference<CameraModel> model = new AtomicReference<>();

    CameraLink(String name, CameraOptions options, Map<GoProUuid, ExchangeQueue> queues, Flux<CameraMessage> unsolicited,
               BooleanSupplier connected) {
        this.name = name;
        this.options = options;
        this.queues = queues;
        this.unsolicited = unsolicited;
        this.connected = connected;
    }

    String name() {
        return name;
    }

    CameraOptions options() {
        return options;
    }

    boolean connected() {
        return connected.getAsBoolean();
    }

    /**
     * Unsolicited messages as decoded, not yet delivered: pushes on the transport's thread,
     * responses nobody waited for on the camera's worker. Subscribers must be quick and must not
     * block.
     */
    Flux<CameraMessage> unsolicited() {
        return unsolicited;
    }

    Optional<CameraModel> model() {
        return Optional.ofNullable(model.get());
    }

    void model(CameraModel m) {
        model.set(m);
    }

    /** Errors with OperationNotSupportedException when the model is known and lacks the operation. */
    Mono<Void> check(Operation operation) {
        return Mono.fromRunnable(() -> model().ifPresent(m -> operation.info().check(name, m)));
    }

    /** A TLV command on GP-0072 (or Keep Alive on GP-0074), its status checked. */
    Mono<ExchangeResult> command(int commandId, EncodedRequest request) {
        String op = ExchangeLabels.command(commandId);
        return exchange(op, request, m -> m instanceof CommandResponse c && c.commandId() == commandId)
                .doOnNext(r -> {
                    CommandResponse c = (CommandResponse) r.response();
                    requireSuccess(op, c.status().isSuccess(), c.status().label());
                });
    }

    /** A TLV command's response payload (the bytes after id and status). */
    Mono<byte[]> commandPayload(int commandId, EncodedRequest request) {
        return command(commandId, request).map(r -> ((CommandResponse) r.response()).payload());
    }

    /** A setting request on GP-0074, answered {@code [setting id][status]} on GP-0075. */
    Mono<Void> setting(String op, EncodedRequest request, int settingId) {
        return exchange(op, request, m -> m instanceof SettingResponse r && r.settingId() == settingId)
                .doOnNext(r -> {
                    SettingResponse s = (SettingResponse) r.response();
                    requireSuccess(op, s.status().isSuccess(), s.status().label());
                })
                .then();
    }

    /** A TLV query on GP-0076, its status checked. */
    Mono<QueryResponse> query(int queryId, int... ids) {
        String op = ExchangeLabels.query(queryId);
        return exchange(op, RequestEncoder.query(queryId, ids),
                m -> m instanceof QueryResponse q && q.queryId() == queryId)
                .map(r -> {
                    QueryResponse q = (QueryResponse) r.response();
                    requireSuccess(op, q.status().isSuccess(), q.status().label());
                    return q;
                });
    }

    /**
     * A protobuf operation: writes the request on its characteristic and waits for its response
     * pair, or a protobuf error ({@code [feature]([action])[status]}). A {@code result} field other
     * than RESULT_SUCCESS fails with {@link CameraStatusException}.
     */
    <T extends Message> Mono<T> protobuf(Operation operation, Message request, Class<T> responseType) {
        OperationInfo info = operation.info();
        ProtobufRef response = info.response().orElseThrow();
        String op = ExchangeLabels.protobuf(operation);
        return check(operation)
                .then(Mono.defer(() -> exchange(op, RequestEncoder.protobuf(operation, request),
                        answers(response.featureId(), response.actionId()))))
                .map(r -> {
                    CameraMessage m = r.response();
                    if (!(m instanceof ProtobufMessage p) || !responseType.isInstance(p.message())) {
                        throw new CameraStatusException(name, op, errorStatus(m));
                    }
                    Message body = p.message();
                    FieldDescriptor result = body.getDescriptorForType().findFieldByName("result");
                    if (result != null && body.hasField(result)) {
                        String value = ((EnumValueDescriptor) body.getField(result)).getName();
                        requireSuccess(op, value.equals(EnumResultGeneric.RESULT_SUCCESS.name()), value);
                    } else if (result != null && result.isRequired()) {
                        throw new CameraStatusException(name, op, "a reply without its result");
                    }
                    return responseType.cast(body);
                });
    }

    Mono<ExchangeResult> exchange(String operation, EncodedRequest request, Predicate<CameraMessage> matcher) {
        return queues.get(request.characteristic()).submit(operation, request.bytes(), matcher, options.exchangeTimeout());
    }

    ExchangeQueue queue(GoProUuid characteristic) {
        return queues.get(characteristic);
    }

    <T> Mono<T> deliver(Mono<T> mono) {
        return mono.publishOn(options.deliveryScheduler());
    }

    <T> Flux<T> deliver(Flux<T> flux) {
        return flux.publishOn(options.deliveryScheduler());
    }

    void requireSuccess(String operation, boolean success, String status) {
        if (!success) {
            throw new CameraStatusException(name, operation, status);
        }
    }

    /** A response pair, a protobuf error of the feature, or an undecodable reply starting with it. */
    static Predicate<CameraMessage> answers(int feature, int action) {
        return m -> (m instanceof ProtobufMessage p && p.featureId() == feature && p.actionId() == action)
                || (m instanceof ProtobufError e && e.featureId() == feature)
                || (m instanceof UnknownMessage u && u.payload().id() == feature);
    }

    private static String errorStatus(CameraMessage m) {
        if (m instanceof ProtobufError e) {
            return e.tlvStatus().label();
        }
        return "an unexpected reply (" + m.kind() + ")";
    }
}
