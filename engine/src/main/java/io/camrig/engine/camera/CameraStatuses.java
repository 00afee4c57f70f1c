package io.camrig.engine.camera;

import io.camrig.proto.catalog.Operation;
import io.camrig.proto.catalog.Status;
import io.camrig.proto.id.QueryId;
import io.camrig.proto.message.CameraMessage;
import io.camrig.proto.message.PushNotification;
import io.camrig.proto.message.TlvEntry;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Statuses of one camera ({@link Camera#statuses()}), typed by the catalog: get one, several or
 * all (query 0x13 on GP-0076), and a push stream of changes (register 0x53, push 0x93 on GP-0077,
 * unregister 0x73 when the last subscriber cancels). Values decode by their declared type where the
 * bytes allow, else by what the bytes say, keeping the raw bytes ({@link StatusValue}).
 *
 * <p>Every value read also updates the camera's status cache ({@link Camera#status(int)}) and
 * {@link Camera#statusUpdates()}, which readiness checks use.
 *
 * <p>Source: Open GoPro BLE spec, "Statuses", "Query"; references.json {@code statuses}.
 */
public final class CameraStatuses {
    private final CameraLink link;
    private final PushRegistry registry;

    CameraStatuses(CameraLink link, PushRegistry registry) {
        this.link = link;
        this.registry = registry;
    }

    /** Get Status Values (0x13) of one status; empty when the camera does not report it. */
    @Implements(Operation.GET_STATUS_VALUES)
    public Mono<StatusValue> get(Status status) {
        return get(new Status[] {status}).flatMap(values -> Mono.justOrEmpty(values.stream()
                .filter(v -> v.statusId() == status.id()).findFirst()));
    }

    /** Get Status Values (0x13) of several statuses; none means all. */
    public Mono<List<StatusValue>> get(Status... statuses) {
        return link.deliver(link.query(QueryId.GET_STATUS_VALUES, ids(statuses))
                .map(q -> q.entries().stream().map(StatusValue::of).toList()));
    }

    /** Every status the camera reports (0x13 with no ids). */
    public Mono<List<StatusValue>> all() {
        return get(new Status[0]);
    }

    /**
     * Register for Status Value Updates (0x53): the current values, then every change (push
     * 0x93). Cancelling unregisters (0x73) what no other subscriber (nor
     * {@link Camera#registerStatusUpdates}) needs.
     */
    @Implements({Operation.REGISTER_FOR_STATUS_VALUE_UPDATES, Operation.UNREGISTER_FOR_STATUS_VALUE_UPDATES})
    public Flux<StatusValue> updates(Status... statuses) {
        if (statuses.length == 0) {
            return Flux.error(new IllegalArgumentException("name at least one status"));
        }
        int[] ids = ids(statuses);
        Predicate<CameraMessage> pushes = m -> m instanceof PushNotification p && p.isStatusPush();
        return Pushes.registered(link, pushes,
                m -> values(((PushNotification) m).entries(), ids),
                Mono.defer(() -> {
                    registry.acquire(PushRegistry.Kind.STATUS, ids);
                    return link.query(QueryId.REGISTER_STATUS_VALUE_UPDATES, ids).map(q -> values(q.entries(), ids));
                }),
                () -> {
                    int[] free = registry.release(PushRegistry.Kind.STATUS, ids);
                    if (free.length > 0) {
                        Pushes.fireAndForget(link, link.query(QueryId.UNREGISTER_STATUS_VALUE_UPDATES, free));
                    }
                });
    }

    /** Register for Status Value Updates with no unregistration (the recording session's use). */
    Mono<java.util.Map<Integer, Long>> registerForGood(int... ids) {
        return link.deliver(Mono.defer(() -> {
            registry.acquire(PushRegistry.Kind.STATUS, ids);
            return link.query(QueryId.REGISTER_STATUS_VALUE_UPDATES, ids);
        }).map(q -> {
            java.util.Map<Integer, Long> values = new java.util.TreeMap<>();
            q.entries().forEach(e -> values.put(e.id(), e.asLong()));
            return values;
        }));
    }

    private static List<StatusValue> values(List<TlvEntry> entries, int[] ids) {
        return entries.stream().filter(e -> Arrays.stream(ids).anyMatch(i -> i == e.id())).map(StatusValue::of).toList();
    }

    private static int[] ids(Status... statuses) {
        return Arrays.stream(statuses).mapToInt(Status::id).toArray();
    }
}
