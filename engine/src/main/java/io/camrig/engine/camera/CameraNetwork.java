package io.camrig.engine.camera;

import com.google.protobuf.Message;
import io.camrig.engine.error.CameraStatusException;
import io.camrig.proto.catalog.Operation;
import io.camrig.proto.catalog.ProtobufRef;
import io.camrig.proto.message.ProtobufMessage;
import io.camrig.proto.pb.EnumProvisioning;
import io.camrig.proto.pb.EnumScanning;
import io.camrig.proto.pb.NotifProvisioningState;
import io.camrig.proto.pb.NotifStartScanning;
import io.camrig.proto.pb.RequestConnect;
import io.camrig.proto.pb.RequestConnectNew;
import io.camrig.proto.pb.RequestGetApEntries;
import io.camrig.proto.pb.RequestStartScan;
import io.camrig.proto.pb.ResponseConnect;
import io.camrig.proto.pb.ResponseConnectNew;
import io.camrig.proto.pb.ResponseGetApEntries;
import io.camrig.proto.pb.ResponseStartScanning;
import io.camrig.proto.pb.ScanEntry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Network management of one camera ({@link Camera#network()}), feature 0x02 on GP-0091 with
 * answers and notifications on GP-0092: scanning for access points, reading the results, and
 * connecting the camera to a network (station mode, needed for COHN).
 *
 * <p>{@link #scan} and the connects complete with the notification that ends them (NotifStartScanning
 * 02 0B, NotifProvisioningState 02 0C). They fail with {@code CameraStatusException} when the camera
 * refuses or the outcome is a failure (the error names the state, e.g.
 * {@code PROVISIONING_ERROR_PASSWORD_AUTH}), and with {@code ExchangeTimeoutException} when no
 * ending notification comes in time.
 * The password of {@link #connectNew} is a secret: it never appears in errors or logs.
 *
 * <p>Source: Open GoPro BLE spec, "Access Point"; tutorial 6; references.json.
 */
public final class CameraNetwork {
    /** How long a scan or connection may take by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final Set<EnumScanning> SCAN_ENDS = Set.of(EnumScanning.SCANNING_SUCCESS,
            EnumScanning.SCANNING_ABORTED_BY_SYSTEM, EnumScanning.SCANNING_CANCELLED_BY_USER);

    private final CameraLink link;

    CameraNetwork(CameraLink link) {
        this.link = link;
    }

    /** Scan for Access Points (02 02 → 02 82), then waits for the scan's end (02 0B); default time limit. */
    @Implements(Operation.SCAN_FOR_ACCESS_POINTS)
    public Mono<NotifStartScanning> scan() {
        return scan(DEFAULT_TIMEOUT);
    }

    /** Scan for Access Points with a time limit; fails unless the scan ends with SCANNING_SUCCESS. */
    public Mono<NotifStartScanning> scan(Duration timeout) {
        return untilNotification(Operation.SCAN_FOR_ACCESS_POINTS, RequestStartScan.getDefaultInstance(),
                ResponseStartScanning.class, NotifStartScanning.class, n -> SCAN_ENDS.contains(n.getScanningState()),
                n -> n.getScanningState() == EnumScanning.SCANNING_SUCCESS, n -> n.getScanningState().name(), timeout);
    }

    /** Get AP Scan Results (02 03 → 02 83): a page of a scan's networks. */
    @Implements(Operation.GET_AP_SCAN_RESULTS)
    public Mono<List<ScanEntry>> scanResults(int scanId, int startIndex, int maxEntries) {
        return link.deliver(link.protobuf(Operation.GET_AP_SCAN_RESULTS, RequestGetApEntries.newBuilder()
                        .setScanId(scanId).setStartIndex(startIndex).setMaxEntries(maxEntries).build(),
                        ResponseGetApEntries.class)
                .map(ResponseGetApEntries::getEntriesList));
    }

    /** Connect to Provisioned Access Point, with the default time limit. */
    public Mono<EnumProvisioning> connect(String ssid) {
        return connect(ssid, DEFAULT_TIMEOUT);
    }

    /** Connect to a New Access Point, with the default time limit. */
    public Mono<EnumProvisioning> connectNew(String ssid, String password) {
        return connectNew(ssid, password, DEFAULT_TIMEOUT);
    }

    /** Connect to Provisioned Access Point (02 04 → 02 84), then waits for the outcome (02 0C). */
    @Implements(Operation.CONNECT_TO_PROVISIONED_ACCESS_POINT)
    public Mono<EnumProvisioning> connect(String ssid, Duration timeout) {
        return provisioning(Operation.CONNECT_TO_PROVISIONED_ACCESS_POINT, RequestConnect.newBuilder().setSsid(ssid).build(),
                ResponseConnect.class, timeout);
    }

    /**
     * Connect to a New Access Point (02 05 → 02 85) with its password (a secret), then waits for the
     * outcome (02 0C).
     */
    @Implements(Operation.CONNECT_TO_A_NEW_ACCESS_POINT)
    public Mono<EnumProvisioning> connectNew(String ssid, String password, Duration timeout) {
        return provisioning(Operation.CONNECT_TO_A_NEW_ACCESS_POINT,
                RequestConnectNew.newBuilder().setSsid(ssid).setPassword(password).build(), ResponseConnectNew.class,
                timeout);
    }

    /** Scan notifications (02 0B) as they come, without starting a scan; on the delivery scheduler. */
    public Flux<NotifStartScanning> scanNotifications() {
        return link.deliver(notifications(Operation.SCAN_FOR_ACCESS_POINTS, NotifStartScanning.class));
    }

    /** Provisioning notifications (02 0C) as they come; on the delivery scheduler. */
    public Flux<NotifProvisioningState> provisioningNotifications() {
        return link.deliver(notifications(Operation.CONNECT_TO_A_NEW_ACCESS_POINT, NotifProvisioningState.class));
    }

    private <R extends Message> Mono<EnumProvisioning> provisioning(Operation op, Message request, Class<R> response,
                                                                     Duration timeout) {
        return untilNotification(op, request, response, NotifProvisioningState.class,
                n -> n.getProvisioningState() != EnumProvisioning.PROVISIONING_STARTED
                        && n.getProvisioningState() != EnumProvisioning.PROVISIONING_NEVER_STARTED,
                n -> n.getProvisioningState() == EnumProvisioning.PROVISIONING_SUCCESS_NEW_AP
                        || n.getProvisioningState() == EnumProvisioning.PROVISIONING_SUCCESS_OLD_AP,
                n -> n.getProvisioningState().name(), timeout)
                .map(NotifProvisioningState::getProvisioningState);
    }

    /** Listens for the notifications first, sends the request, then waits for the ending one. */
    private <R extends Message, N extends Message> Mono<N> untilNotification(
            Operation op, Message request, Class<R> responseType, Class<N> notificationType,
            java.util.function.Predicate<N> ends, java.util.function.Predicate<N> succeeded,
            java.util.function.Function<N, String> state, Duration timeout) {
        String name = op.info().snakeName();
        return link.deliver(Mono.defer(() -> {
            Mono<N> end = notifications(op, notificationType).filter(ends).next().cache();
            // Listen before sending; stop listening when the exchange fails, times out or is cancelled.
            reactor.core.Disposable listening = end.subscribe(n -> { }, e -> { });
            return link.protobuf(op, request, responseType)
                    .then(end.timeout(timeout, link.options().scheduler())
                            .onErrorMap(java.util.concurrent.TimeoutException.class,
                                    e -> new io.camrig.engine.error.ExchangeTimeoutException(link.name(), name, timeout)))
                    .map(n -> {
                        if (!succeeded.test(n)) {
                            throw new CameraStatusException(link.name(), name, state.apply(n));
                        }
                        return n;
                    })
                    .doFinally(signal -> listening.dispose());
        }));
    }

    private <N extends Message> Flux<N> notifications(Operation op, Class<N> type) {
        ProtobufRef ref = op.info().notification().orElseThrow();
        return link.unsolicited()
                .filter(m -> m instanceof ProtobufMessage p && p.featureId() == ref.featureId()
                        && p.actionId() == ref.actionId() && type.isInstance(p.message()))
                .map(m -> type.cast(((ProtobufMessage) m).message()));
    }
}
