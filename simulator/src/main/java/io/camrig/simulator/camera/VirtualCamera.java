package io.camrig.simulator.camera;

import io.camrig.proto.id.StatusId;
import io.camrig.proto.id.TlvStatus;
import io.camrig.proto.message.HardwareInfo;
import io.camrig.simulator.SimulatorOptions;
import io.camrig.simulator.media.SdCard;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import reactor.core.scheduler.Scheduler;

/**
 * One simulated camera: its identity, statuses, SD card and behaviour. BLE centrals talk to it
 * through {@link GattServerSession}s (one per connection); its HTTP server shares its state.
 *
 * <p>Behaviour modelled on the Open GoPro spec, "State Management": commands other than queries
 * are refused with status {@code error} while busy (status 8); loading a preset group makes the
 * camera busy for {@link SimulatorOptions#busyAfterCommand()}; shutter on sets encoding
 * (status 10) at once, shutter off clears it after {@link SimulatorOptions#encodingStopTime()} and
 * adds one file to the SD card.
 */
public final class VirtualCamera {
    /** The preset group id of video (EnumPresetGroup.PRESET_GROUP_ID_VIDEO). */
    public static final int PRESET_GROUP_VIDEO = 1000;

    private final CameraIdentity identity;
    private final SimulatorOptions options;
    private final Duration latency;
    private final CameraStatuses statuses = CameraStatuses.initial();
    private final SdCard sdCard;
    private final List<GattServerSession> sessions = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private volatile URI httpBaseUri;
    private int presetGroup = PRESET_GROUP_VIDEO;
    private LocalDateTime clock;
    private Instant recordingStarted;

    public VirtualCamera(CameraIdentity identity, SimulatorOptions options, Duration latency) {
        this.identity = identity;
        this.options = options;
        this.latency = latency;
        this.sdCard = new SdCard(identity.serial(), options.seed(), options.mediaFileBytes());
    }

    public CameraIdentity identity() {
        return identity;
    }

    /** The one-way latency of this camera's BLE link. */
    public Duration latency() {
        return latency;
    }

    public CameraStatuses statuses() {
        return statuses;
    }

    public SdCard sdCard() {
        return sdCard;
    }

    /** The base URI of this camera's HTTP server, once started. */
    public URI httpBaseUri() {
        return httpBaseUri;
    }

    public void httpBaseUri(URI uri) {
        this.httpBaseUri = uri;
    }

    /** The camera's clock as last set over BLE (0x0D), or {@code null}. */
    public LocalDateTime clock() {
        synchronized (lock) {
            return clock;
        }
    }

    Scheduler scheduler() {
        return options.scheduler();
    }

    /**
     * Opens a GATT server session for one central's connection.
     *
     * @param outbound where the session sends notifications (already packetized)
     * @param dropLink called when the camera drops the link (fault injection)
     */
    public GattServerSession openSession(Consumer<io.camrig.ble.spi.GattNotification> outbound, Runnable dropLink) {
        GattServerSession session = new GattServerSession(this, outbound, dropLink);
        sessions.add(session);
        return session;
    }

    void sessionClosed(GattServerSession session) {
        sessions.remove(session);
    }

    HardwareInfo hardwareInfo() {
        SimulatedModel m = identity.model();
        String mac = identity.address().replace(":", "").toLowerCase();
        return new HardwareInfo(m.modelId(), m.displayName(), m.firmwareVersion(), identity.serial(),
                identity.apSsid(), mac);
    }

    boolean busy() {
        return statuses.get(StatusId.BUSY) == 1;
    }

    TlvStatus setDateTime(LocalDateTime dateTime) {
        synchronized (lock) {
            clock = dateTime;
        }
        return TlvStatus.SUCCESS;
    }

    TlvStatus loadPresetGroup(int groupId) {
        if (busy() || statuses.get(StatusId.ENCODING) == 1) {
            return TlvStatus.ERROR;
        }
        if (groupId < 1000 || groupId > 1002) {
            return TlvStatus.INVALID_PARAMETER;
        }
        synchronized (lock) {
            presetGroup = groupId;
        }
        statuses.setFlag(StatusId.BUSY, true);
        after(options.busyAfterCommand(), () -> statuses.setFlag(StatusId.BUSY, false));
        return TlvStatus.SUCCESS;
    }

    int presetGroup() {
        synchronized (lock) {
            return presetGroup;
        }
    }

    void claimControl(int controlStatus) {
        statuses.setInt(StatusId.CAMERA_CONTROL, 1, controlStatus);
    }

    TlvStatus shutter(boolean on, GattServerSession from) {
        synchronized (lock) {
            boolean encoding = statuses.get(StatusId.ENCODING) == 1;
            if (on) {
                if (busy() || encoding) {
                    return TlvStatus.ERROR;
                }
                recordingStarted = Instant.now();
                statuses.setFlag(StatusId.ENCODING, true);
                if (options.failCameras().contains(identity.index())) {
                    after(options.linkDropDelay(), from::dropLink);
                }
                return TlvStatus.SUCCESS;
            }
            if (!encoding || recordingStarted == null) {
                return TlvStatus.SUCCESS;   // a real camera acknowledges shutter off when idle
            }
            Instant started = recordingStarted;
            recordingStarted = null;
            after(options.encodingStopTime(), () -> {
                sdCard.record(started);
                statuses.setInt(39, 4, sdCard.files().size());
                statuses.setFlag(StatusId.ENCODING, false);
            });
            return TlvStatus.SUCCESS;
        }
    }

    private void after(Duration delay, Runnable task) {
        options.scheduler().schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public String toString() {
        return "VirtualCamera[" + identity + "]";
    }
}
