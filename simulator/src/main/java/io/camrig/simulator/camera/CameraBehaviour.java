package io.camrig.simulator.camera;

import io.camrig.simulator.state.NetworkDefinition;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import reactor.core.scheduler.Scheduler;

/**
 * How one {@link VirtualCamera} behaves: the part of the rig's options ({@code
 * io.camrig.simulator.SimulatorOptions#camera()}) a camera reads. Immutable.
 *
 * @param seed             seed of serials, credentials and media bytes
 * @param mediaFileBytes   size of each recorded file, bytes
 * @param busyAfterCommand how long status 8 (busy) stays on after a command
 * @param busyAfterSetting how long status 8 (busy) stays on after a setting change or preset load
 * @param encodingStopTime delay between shutter off and the file landing on the SD card
 * @param failCameras      1-based indexes of the cameras that drop their link after a shutter on
 * @param linkDropDelay    how long after the shutter those cameras drop the link
 * @param scheduler        where the camera's timers run (virtual time in tests)
 * @param networks         the Wi-Fi networks around the rig
 * @param emptyScans       how many network scans return nothing before one finds the networks
 */
public record CameraBehaviour(long seed, int mediaFileBytes, Duration busyAfterCommand, Duration busyAfterSetting,
                              Duration encodingStopTime, Set<Integer> failCameras, Duration linkDropDelay,
                              Scheduler scheduler, List<NetworkDefinition> networks, int emptyScans) {
    public CameraBehaviour {
        Objects.requireNonNull(busyAfterCommand, "busyAfterCommand");
        Objects.requireNonNull(busyAfterSetting, "busyAfterSetting");
        Objects.requireNonNull(encodingStopTime, "encodingStopTime");
        Objects.requireNonNull(linkDropDelay, "linkDropDelay");
        Objects.requireNonNull(scheduler, "scheduler");
        failCameras = Set.copyOf(failCameras);
        networks = List.copyOf(networks);
    }
}
