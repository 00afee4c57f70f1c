package io.camrig.simulator.camera;

import io.camrig.proto.catalog.Status;
import io.camrig.proto.id.TlvStatus;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A virtual camera's place on the network: its Wi-Fi access point (Set AP Control, status 69 "AP
 * Mode") and the listeners that follow its COHN state and the network it joined (a COHN HTTPS
 * server). Thread-safe.
 *
 * <p>Source: Open GoPro BLE spec, "Control" (Set AP Control), "Camera on the Home Network".
 */
final class CameraNetwork {
    private final VirtualCamera camera;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong apCommands = new AtomicLong();

    /** Follows {@code camera}'s COHN and Wi-Fi state; call once both exist. */
    CameraNetwork(VirtualCamera camera) {
        this.camera = camera;
        camera.cohn().onChange(this::fireListeners);
        camera.wifi().onConnectionChange(this::fireListeners);
    }

    /** See {@link VirtualCamera#onNetworkChange}. */
    void onChange(Runnable listener) {
        listeners.add(listener);
    }

    private void fireListeners() {
        listeners.forEach(Runnable::run);
    }

    /** See {@link VirtualCamera#moveCohn}. */
    void moveCohn(String ipAddress) {
        camera.cohn().moveTo(ipAddress);
        camera.networkChanged();
    }

    /**
     * Set AP Control: {@code 0} turns the AP off (status 69 "AP Mode" to 0 at once), {@code 1} turns
     * it on (status 69 to 1 after {@link CameraBehaviour#busyAfterCommand()}, the time the camera
     * takes to start its Wi-Fi hardware and DHCP server), {@code 2} bounces it (off at once, on after
     * the same delay). A later command cancels a pending turn-on.
     *
     * @return {@code success}, or {@code invalid parameter} for another mode
     */
    TlvStatus apControl(int mode) {
        if (mode < 0 || mode > 2) {
            return TlvStatus.INVALID_PARAMETER;
        }
        long command = apCommands.incrementAndGet();
        CameraStatuses statuses = camera.statuses();
        if (mode == 0 || mode == 2) {
            statuses.setFlag(Status.AP_MODE.id(), false);
        }
        if (mode != 0) {
            camera.after(camera.options().busyAfterCommand(), () -> {
                if (apCommands.get() == command) {
                    statuses.setFlag(Status.AP_MODE.id(), true);
                }
            });
        }
        return TlvStatus.SUCCESS;
    }
}
