package io.camrig.simulator.camera;

import io.camrig.proto.catalog.Status;
import io.camrig.proto.id.TlvStatus;
import io.camrig.simulator.media.RecordingFacts;
import io.camrig.simulator.media.SdCard;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

/**
 * What a virtual camera records: Set Shutter on sets encoding (status 10) at once, off clears it
 * after {@link CameraBehaviour#encodingStopTime()} and adds the recording to the SD card (media
 * count, status 39; active hilights, status 58, back to 0); Hilight Moment counts in status 58
 * while encoding; Delete All Files empties the card. Shutter on and Delete All Files are refused
 * with status {@code error} while busy (status 8) or encoding. Also the faults around a recording
 * (footage that starts late, lost shutter-on commands, foreign firmware text) and the encoding
 * start listeners.
 *
 * <p>Source: Open GoPro BLE spec, "Control" (Set Shutter, Hilight Moment), "Query" (statuses),
 * "State Management".
 */
final class Recorder {
    private final VirtualCamera camera;
    private final Object lock = new Object();
    private final List<LongConsumer> encodingStartListeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger shuttersToLose = new AtomicInteger();
    private Instant recordingStarted;
    private volatile Duration footageLate = Duration.ZERO;
    private volatile String firmwareInFootage;

    Recorder(VirtualCamera camera) {
        this.camera = camera;
    }

    /** See {@link VirtualCamera#onEncodingStart}. */
    void onEncodingStart(LongConsumer listener) {
        encodingStartListeners.add(listener);
    }

    /** See {@link VirtualCamera#startFootageLate}. */
    void startFootageLate(Duration late) {
        if (late.isNegative()) {
            throw new IllegalArgumentException("late must not be negative");
        }
        this.footageLate = late;
    }

    /** See {@link VirtualCamera#loseNextShutterOn}. */
    void loseNextShutterOn(int n) {
        shuttersToLose.set(Math.max(0, n));
    }

    /** {@code true} (once per lost command) while shutter-on commands are to be lost. */
    boolean loseShutterOn() {
        return shuttersToLose.getAndUpdate(v -> v > 0 ? v - 1 : 0) > 0;
    }

    /** See {@link VirtualCamera#firmwareInFootage}. */
    void firmwareInFootage(String firmware) {
        this.firmwareInFootage = firmware;
    }

    /**
     * Set Shutter on or off, written on {@code from}; on a camera listed in {@link
     * CameraBehaviour#failCameras()}, shutter on drops that link after {@link
     * CameraBehaviour#linkDropDelay()}. Shutter off while idle is acknowledged, as a real camera does.
     */
    TlvStatus shutter(boolean on, GattServerSession from) {
        synchronized (lock) {
            if (on) {
                if (camera.statuses().busy() || camera.statuses().encoding()) {
                    return TlvStatus.ERROR;
                }
                recordingStarted = Instant.now();
                long startedNanos = System.nanoTime();
                encodingStartListeners.forEach(l -> l.accept(startedNanos));
                camera.statuses().setFlag(Status.ENCODING.id(), true);
                if (camera.options().failCameras().contains(camera.identity().index())) {
                    camera.after(camera.options().linkDropDelay(), from::dropLink);
                }
                return TlvStatus.SUCCESS;
            }
            if (!camera.statuses().encoding() || recordingStarted == null) {
                return TlvStatus.SUCCESS;   // a real camera acknowledges shutter off when idle
            }
            Instant started = recordingStarted;
            recordingStarted = null;
            Instant footageStart = started.plus(footageLate);
            Instant stopped = Instant.now();
            SimulatedModel model = camera.identity().model();
            String firmware = firmwareInFootage != null ? firmwareInFootage : model.firmwareVersion();
            RecordingFacts facts = new RecordingFacts(model.displayName(), firmware, camera.identity().serial(),
                    camera.clockAt(footageStart),
                    stopped.isAfter(footageStart) ? Duration.between(footageStart, stopped) : Duration.ZERO);
            SdCard card = camera.sdCard();
            camera.after(camera.options().encodingStopTime(), () -> {
                card.record(started, facts);
                camera.statuses().setReported(39, 4, card.fileCount());
                camera.statuses().setReported(58, 4, 0);
                camera.statuses().setFlag(Status.ENCODING.id(), false);
            });
            return TlvStatus.SUCCESS;
        }
    }

    /** Hilight Moment: only while encoding; counts in status 58 (active hilights). */
    TlvStatus hilight() {
        if (!camera.statuses().encoding()) {
            return TlvStatus.ERROR;
        }
        camera.statuses().setReported(58, 4, Math.max(0, camera.statuses().get(58)) + 1);
        return TlvStatus.SUCCESS;
    }

    /** Delete All Files: refused while busy or encoding; the SD card is emptied, then busy for a while. */
    TlvStatus deleteAllFiles() {
        if (camera.statuses().busy() || camera.statuses().encoding()) {
            return TlvStatus.ERROR;
        }
        camera.sdCard().deleteAll();
        camera.statuses().setReported(38, 4, 0);
        camera.statuses().setReported(39, 4, 0);
        camera.busyFor(camera.options().busyAfterSetting());
        return TlvStatus.SUCCESS;
    }
}
