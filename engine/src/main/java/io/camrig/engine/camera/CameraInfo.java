package io.camrig.engine.camera;

import io.camrig.ble.spi.GattConnection;
import io.camrig.engine.error.ConnectionClosedException;
import io.camrig.proto.catalog.CameraModel;
import io.camrig.proto.error.CamrigException;
import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.catalog.Operation;
import io.camrig.proto.codec.RequestEncoder;
import io.camrig.proto.id.CommandId;
import io.camrig.proto.message.HardwareInfo;
import io.camrig.proto.message.OpenGoProVersion;
import io.camrig.proto.pb.Media;
import io.camrig.proto.pb.RequestGetCameraCapabilities;
import io.camrig.proto.pb.RequestGetLastCapturedMedia;
import io.camrig.proto.pb.ResponseGetCameraCapabilities;
import io.camrig.proto.pb.ResponseLastCapturedMedia;
import java.nio.charset.StandardCharsets;
import reactor.core.publisher.Mono;

/**
 * What a camera is ({@link Camera#info()}): hardware info (which also tells the engine the camera's
 * model, for the support checks made before sending), the Open GoPro version, and the last
 * captured media.
 *
 * <p>Source: Open GoPro BLE spec, "Query"; references.json {@code cameras}.
 */
public final class CameraInfo {
    private final CameraLink link;
    private final GattConnection connection;

    CameraInfo(CameraLink link, GattConnection connection) {
        this.link = link;
        this.connection = connection;
    }

    /**
     * Reads the AP SSID (GP-0002) and password (GP-0003) directly (GATT reads, not
     * request/response). The password is a secret: {@link ApCredentials#toString()} hides it.
     */
    public Mono<ApCredentials> apCredentials() {
        return link.deliver(read(GoProUuid.WIFI_AP_SSID).zipWith(read(GoProUuid.WIFI_AP_PASSWORD), ApCredentials::new));
    }

    private Mono<String> read(GoProUuid characteristic) {
        return connection.read(characteristic.uuid())
                .timeout(link.options().exchangeTimeout(), link.options().scheduler())
                .map(b -> new String(b, StandardCharsets.UTF_8).replace("\0", ""))
                .onErrorMap(e -> !(e instanceof CamrigException),
                        e -> new ConnectionClosedException(link.name(), "read " + characteristic.label(), e));
    }

    /**
     * Get Hardware Info (0x3C): model, firmware, serial number, AP SSID and MAC. The model is
     * remembered for the support checks.
     */
    @Implements(Operation.GET_HARDWARE_INFO)
    public Mono<HardwareInfo> hardwareInfo() {
        return link.deliver(link.commandPayload(CommandId.GET_HARDWARE_INFO, RequestEncoder.getHardwareInfo())
                .map(HardwareInfo::parse)
                .doOnNext(h -> CameraModel.byModelId(h.modelNumber()).ifPresent(link::model)));
    }

    /**
     * The camera's model: known after {@link #hardwareInfo()}, otherwise read with it. Empty when
     * the camera reports a model id the catalog does not know (a newer camera).
     */
    public Mono<CameraModel> model() {
        return Mono.defer(() -> link.model().map(Mono::just)
                .orElseGet(() -> hardwareInfo().flatMap(h -> Mono.justOrEmpty(CameraModel.byModelId(h.modelNumber())))));
    }

    /** Get Open GoPro Version (0x51): {@code [n][major][n][minor]}. */
    @Implements(Operation.GET_OPEN_GOPRO_VERSION)
    public Mono<OpenGoProVersion> openGoProVersion() {
        return link.deliver(link.commandPayload(CommandId.GET_OPEN_GOPRO_VERSION, RequestEncoder.getOpenGoProVersion())
                .map(OpenGoProVersion::parse));
    }

    /**
     * Get Last Captured Media (F5 6D → F5 ED ResponseLastCapturedMedia): the folder and file name.
     * Fails with {@code CameraStatusException} RESULT_RESOURCE_NOT_AVAILABLE when nothing was
     * captured.
     */
    @Implements(Operation.GET_LAST_CAPTURED_MEDIA)
    public Mono<Media> lastCapturedMedia() {
        return link.deliver(link.protobuf(Operation.GET_LAST_CAPTURED_MEDIA,
                RequestGetLastCapturedMedia.getDefaultInstance(), ResponseLastCapturedMedia.class)
                .map(ResponseLastCapturedMedia::getMedia));
    }

    /**
     * Get Camera Capabilities (F5 6C RequestGetCameraCapabilities → F5 EC
     * ResponseGetCameraCapabilities): the capability schema version (e.g.
     * {@code "camera-capabilities/v1.0"}) and protocol capabilities such as
     * {@code supports_2byte_ids} (2-byte setting and status ids). An extension the official SDKs use
     * (upstream protobuf folder, April 2026); not in the published spec. Fails with
     * {@code CameraStatusException} on a result other than RESULT_SUCCESS, or when the camera
     * answers with the protobuf error form (a camera that does not know the pair does not answer:
     * the exchange times out).
     */
    @Implements(Operation.GET_CAMERA_CAPABILITIES)
    public Mono<ResponseGetCameraCapabilities> cameraCapabilities() {
        return link.deliver(link.protobuf(Operation.GET_CAMERA_CAPABILITIES,
                RequestGetCameraCapabilities.getDefaultInstance(), ResponseGetCameraCapabilities.class));
    }
}
