package io.camrig.engine.camera;

import io.camrig.proto.catalog.Operation;
import io.camrig.proto.codec.EncodedRequest;
import io.camrig.proto.codec.RequestEncoder;
import io.camrig.proto.id.CommandId;
import io.camrig.proto.message.CameraDateTime;
import io.camrig.proto.message.CameraLocalDateTime;
import io.camrig.proto.message.CommandResponse;
import io.camrig.proto.pb.EnumCameraControlStatus;
import io.camrig.proto.pb.EnumPairingFinishState;
import io.camrig.proto.pb.RequestPairingFinish;
import io.camrig.proto.pb.RequestReleaseNetwork;
import io.camrig.proto.pb.RequestSetCameraControlStatus;
import io.camrig.proto.pb.RequestSetCameraName;
import io.camrig.proto.pb.RequestSetTurboActive;
import io.camrig.proto.pb.ResponseGeneric;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import reactor.core.publisher.Mono;

/**
 * Control operations of one camera ({@link Camera#control()}): shutter, sleep, reboot, the clock,
 * hilights, the Wi-Fi AP, keep-alive, buttons, files, camera control, turbo transfer, the camera
 * name and pairing.
 *
 * <p>TLV commands go to GP-0072 as {@code [command id]([length][value])*} and are answered on
 * GP-0073 with {@code [command id][status]…}; protobuf operations are
 * {@code [feature][action][message]} answered by ResponseGeneric. Every method returns a cold
 * {@code Mono}; errors: {@code CameraStatusException} (the camera refused: status 1 error, 2
 * invalid parameter, or a protobuf result), {@code ExchangeTimeoutException},
 * {@code ConnectionClosedException}, {@code OperationNotSupportedException} (the camera's model,
 * once known, lacks the operation; nothing is sent).
 *
 * <p>Source: Open GoPro BLE spec, "Control", "Hilights", "Query"; references.json.
 */
public final class CameraControl {
    private final CameraLink link;

    CameraControl(CameraLink link) {
        this.link = link;
    }

    /** Set Shutter (0x01), {@code 01 01 01} on, {@code 01 01 00} off. */
    @Implements(Operation.SET_SHUTTER)
    public Mono<ExchangeResult> setShutter(boolean on) {
        return link.deliver(link.check(Operation.SET_SHUTTER)
                .then(link.command(CommandId.SET_SHUTTER, RequestEncoder.setShutter(on))));
    }

    /**
     * Set Shutter (0x01), armed: completes once the request is in flight on GP-0072, with an
     * {@link ArmedShutter} whose {@link ArmedShutter#release()} writes it. Cancelling before it
     * completes takes the request out of the queue. Errors with {@code ConnectionClosedException}
     * or {@code OperationNotSupportedException} before it is armed.
     */
    public Mono<ArmedShutter> armShutter(boolean on) {
        String op = ExchangeLabels.command(CommandId.SET_SHUTTER);
        EncodedRequest request = RequestEncoder.setShutter(on);
        return link.deliver(link.check(Operation.SET_SHUTTER)
                .then(link.queue(request.characteristic()).arm(op, request.bytes(),
                        m -> m instanceof CommandResponse c && c.commandId() == CommandId.SET_SHUTTER,
                        link.options().exchangeTimeout()))
                .map(armed -> armed.mapResult(result -> link.deliver(result.doOnNext(r -> {
                    CommandResponse c = (CommandResponse) r.response();
                    link.requireSuccess(op, c.status().isSuccess(), c.status().label());
                })))));
    }

    /**
     * Claims control for the client: Set Camera Control to external control. On a model known to
     * lack camera control (HERO9 Black) there is nothing to claim: completes without sending.
     */
    public Mono<Void> claimControl() {
        return Mono.defer(() -> link.model().map(m -> !Operation.SET_CAMERA_CONTROL.info().supportedBy(m)).orElse(false)
                ? Mono.<Void>empty()
                : setCameraControl(EnumCameraControlStatus.CAMERA_EXTERNAL_CONTROL));
    }


    /** Sleep (0x05): the camera sleeps but stays connectable over BLE. */
    @Implements(Operation.SLEEP)
    public Mono<Void> sleep() {
        return simple(Operation.SLEEP, CommandId.SLEEP, RequestEncoder.sleep());
    }

    /**
     * Power Down (0x04, no parameters; {@code 01 04}): the camera switches off and, unlike
     * {@link #sleep()}, does not stay connectable. An extension the official SDKs use; not in the
     * published spec, so which models answer it is not documented.
     */
    @Implements(Operation.POWER_DOWN)
    public Mono<Void> powerDown() {
        return simple(Operation.POWER_DOWN, CommandId.POWER_DOWN, RequestEncoder.command(CommandId.POWER_DOWN));
    }

    /**
     * Release Network (F1 78 RequestReleaseNetwork → F1 F8 ResponseGeneric): the camera leaves the
     * access point it joined (COHN / station mode) and keeps it provisioned. An extension the
     * official SDKs use; not in the published spec. Fails with {@code CameraStatusException} on a
     * result other than RESULT_SUCCESS.
     */
    @Implements(Operation.RELEASE_NETWORK)
    public Mono<Void> releaseNetwork() {
        return generic(Operation.RELEASE_NETWORK, RequestReleaseNetwork.getDefaultInstance());
    }

    /** Reboot the Camera (0x11, no parameters). */
    @Implements(Operation.REBOOT_THE_CAMERA)
    public Mono<Void> reboot() {
        return simple(Operation.REBOOT_THE_CAMERA, CommandId.REBOOT, RequestEncoder.command(CommandId.REBOOT));
    }

    /**
     * Sets the camera's clock, with whichever command its model has: Set Date Time (0x0D, 7 bytes:
     * whole seconds, no time zone), or, on a model known to lack it but to have Set Local Date
     * Time (LIT HERO), 0x0F with UTC offset 0 and no DST. The one rule for the clock: {@link
     * Camera#setDateTime} is this method.
     */
    @Implements(Operation.SET_DATE_TIME)
    public Mono<Void> setDateTime(LocalDateTime dateTime) {
        return Mono.defer(() -> link.model().map(m -> !Operation.SET_DATE_TIME.info().supportedBy(m)
                        && Operation.SET_LOCAL_DATE_TIME.info().supportedBy(m)).orElse(false)
                ? setLocalDateTime(new CameraLocalDateTime(dateTime, 0, false))
                : simple(Operation.SET_DATE_TIME, CommandId.SET_DATE_TIME, RequestEncoder.setDateTime(dateTime)));
    }

    /** Get Date Time (0x0E): {@code [length][7-byte date time][weekday]}. */
    @Implements(Operation.GET_DATE_TIME)
    public Mono<LocalDateTime> dateTime() {
        return link.deliver(link.check(Operation.GET_DATE_TIME)
                .then(link.commandPayload(CommandId.GET_DATE_TIME, RequestEncoder.command(CommandId.GET_DATE_TIME)))
                .map(p -> CameraDateTime.parseGetDateTimeResponse(p).dateTime()));
    }

    /** Set Local Date Time (0x0F), 10 bytes: date time, UTC offset in minutes (int16), DST flag. */
    @Implements(Operation.SET_LOCAL_DATE_TIME)
    public Mono<Void> setLocalDateTime(CameraLocalDateTime value) {
        return simple(Operation.SET_LOCAL_DATE_TIME, CommandId.SET_LOCAL_DATE_TIME,
                RequestEncoder.setLocalDateTime(value));
    }

    /** Set Local Date Time from a zoned time: its offset, and whether its zone observes DST then. */
    public Mono<Void> setLocalDateTime(ZonedDateTime time) {
        boolean dst = time.getZone().getRules().isDaylightSavings(time.toInstant());
        return setLocalDateTime(new CameraLocalDateTime(time.toLocalDateTime(),
                time.getOffset().getTotalSeconds() / 60, dst));
    }

    /** Get Local Date Time (0x10): {@code [length][10-byte local date time]}. */
    @Implements(Operation.GET_LOCAL_DATE_TIME)
    public Mono<CameraLocalDateTime> localDateTime() {
        return link.deliver(link.check(Operation.GET_LOCAL_DATE_TIME)
                .then(link.commandPayload(CommandId.GET_LOCAL_DATE_TIME,
                        RequestEncoder.command(CommandId.GET_LOCAL_DATE_TIME)))
                .map(CameraLocalDateTime::parseGetLocalDateTimeResponse));
    }

    /** Hilight Moment (0x18): tags the video being recorded; refused when not encoding. */
    @Implements(Operation.HILIGHT_MOMENT)
    public Mono<Void> hilightMoment() {
        return simple(Operation.HILIGHT_MOMENT, CommandId.HILIGHT_MOMENT, RequestEncoder.command(CommandId.HILIGHT_MOMENT));
    }

    /** Set AP Control (0x17): turns the camera's Wi-Fi access point on or off (status 69). */
    @Implements(Operation.SET_AP_CONTROL)
    public Mono<Void> setApControl(boolean on) {
        return simple(Operation.SET_AP_CONTROL, CommandId.SET_AP_CONTROL, RequestEncoder.setApControl(on));
    }

    /**
     * Keep Alive ({@code 5B 01 42} on GP-0074, acknowledged {@code 5B 00} on GP-0075). Send one
     * every 3 s or the camera may sleep.
     */
    @Implements(Operation.KEEP_ALIVE)
    public Mono<Void> keepAlive() {
        return link.deliver(link.setting("setting 0x5B keep_alive", RequestEncoder.keepAlive(), CommandId.KEEP_ALIVE));
    }

    /** Press Button (0x1B), sent without parameters (the 2024 pages do not document any). */
    @Implements(Operation.PRESS_BUTTON)
    public Mono<Void> pressButton() {
        return simple(Operation.PRESS_BUTTON, CommandId.PRESS_BUTTON, RequestEncoder.command(CommandId.PRESS_BUTTON));
    }

    /** Delete All Files (0x41) from the SD card. */
    @Implements(Operation.DELETE_ALL_FILES)
    public Mono<Void> deleteAllFiles() {
        return simple(Operation.DELETE_ALL_FILES, CommandId.DELETE_ALL_FILES,
                RequestEncoder.command(CommandId.DELETE_ALL_FILES));
    }

    /** Set Analytics (0x50): declares the client a third party (2024 ID table; not in references.json). */
    public Mono<Void> setAnalytics() {
        return link.deliver(link.command(CommandId.SET_ANALYTICS, RequestEncoder.command(CommandId.SET_ANALYTICS)).then());
    }

    /** Set Camera Control (F1 69 RequestSetCameraControlStatus → F1 E9 ResponseGeneric). */
    @Implements(Operation.SET_CAMERA_CONTROL)
    public Mono<Void> setCameraControl(EnumCameraControlStatus status) {
        return generic(Operation.SET_CAMERA_CONTROL,
                RequestSetCameraControlStatus.newBuilder().setCameraControlStatus(status).build());
    }

    /** Set Turbo Transfer (F1 6B RequestSetTurboActive → F1 EB): the "transferring media" screen. */
    @Implements(Operation.SET_TURBO_TRANSFER)
    public Mono<Void> setTurboTransfer(boolean active) {
        return generic(Operation.SET_TURBO_TRANSFER, RequestSetTurboActive.newBuilder().setActive(active).build());
    }

    /** Set Camera Name (F1 62 RequestSetCameraName → F1 E2); status 122 reports it. */
    @Implements(Operation.SET_CAMERA_NAME)
    public Mono<Void> setCameraName(String name) {
        return generic(Operation.SET_CAMERA_NAME, RequestSetCameraName.newBuilder().setName(name).build());
    }

    /**
     * Set Pairing State (03 01 RequestPairingFinish on GP-0091 → 03 81 ResponseGeneric): tells the
     * camera pairing finished, with the client's name.
     */
    @Implements(Operation.SET_PAIRING_STATE)
    public Mono<Void> pairingFinish(EnumPairingFinishState result, String clientName) {
        return generic(Operation.SET_PAIRING_STATE,
                RequestPairingFinish.newBuilder().setResult(result).setPhoneName(clientName).build());
    }

    private Mono<Void> simple(Operation op, int commandId, EncodedRequest request) {
        return link.deliver(link.check(op).then(link.command(commandId, request)).then());
    }

    private Mono<Void> generic(Operation op, com.google.protobuf.Message request) {
        return link.deliver(link.protobuf(op, request, ResponseGeneric.class).then());
    }
}
