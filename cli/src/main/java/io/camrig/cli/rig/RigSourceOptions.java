package io.camrig.cli.rig;

import io.camrig.ble.bluez.BluezCentral;
import io.camrig.ble.spi.BleCentral;
import io.camrig.cli.ble.BleOptions;
import io.camrig.simulator.SimulatorOptions;
import io.camrig.simulator.VirtualRig;
import io.camrig.simulator.camera.SimulatedModel;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Which rig a command talks to, as a picocli mixin: an in-process simulated rig
 * ({@code --cameras N}, {@code --model NAME}, {@code --seed N}), like {@code camrig demo}, where each
 * run starts a fresh one, so changes do not carry over between runs; or, with {@code --ble bluez},
 * the real cameras BlueZ finds ({@code --cameras N} is then how many to wait for). Nothing else in
 * the commands depends on the simulator, except what only a simulated rig has ({@link
 * Source#simulated()}: its host Wi-Fi and COHN port).
 */
public final class RigSourceOptions {
    @Option(names = "--cameras", paramLabel = "N", defaultValue = "4",
            description = "Number of cameras: simulated ones to start, or with --ble bluez how many to wait for (default: ${DEFAULT-VALUE}).")
    int cameras = 4;

    @Option(names = "--model", paramLabel = "NAME", defaultValue = "HERO12 Black",
            description = "Simulated camera model, e.g. \"HERO9 Black\", \"MAX 2\" (default: ${DEFAULT-VALUE}).")
    String model = "HERO12 Black";

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the simulated rig (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @CommandLine.Mixin
    BleOptions ble = new BleOptions();

    /**
     * A BLE central, how many cameras to expect, and what to close with it.
     *
     * @param central         the central to scan and connect with
     * @param expectedCameras stop scanning after this many cameras
     * @param closer          releases the rig (stops the simulated cameras, shuts BlueZ's central down)
     * @param simulated       the simulated rig, when it is one
     */
    public record Source(BleCentral central, int expectedCameras, Runnable closer, Optional<VirtualRig> simulated)
            implements AutoCloseable {
        /** A source that is no simulated rig. */
        public Source(BleCentral central, int expectedCameras, Runnable closer) {
            this(central, expectedCameras, closer, Optional.empty());
        }

        @Override
        public void close() {
            closer.run();
        }
    }

    /** Fails with a usage error for a bad camera count or model. */
    public void validate(CommandLine commandLine) {
        ble.validate(commandLine);
        if (cameras < 1 || cameras > 1024) {
            throw new CommandLine.ParameterException(commandLine, "--cameras must be between 1 and 1024, got " + cameras);
        }
        try {
            SimulatedModel.byName(model);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
    }

    /** {@code true} for the in-process simulated rig. */
    public boolean simulated() {
        return ble.simulated();
    }

    /** Starts the rig (or BlueZ's central) and returns its central. */
    public Source open() {
        if (!ble.simulated()) {
            BluezCentral central = ble.central().orElseThrow();
            return new Source(central, cameras, () -> central.shutdown().block(Duration.ofSeconds(5)));
        }
        SimulatorOptions options = SimulatorOptions.defaults().withCameras(cameras).withModel(model).withSeed(seed)
                .withMediaFileBytes(64 * 1024);
        VirtualRig rig = VirtualRig.start(options).block(Duration.ofSeconds(30));
        return new Source(rig.central(), cameras, rig::close, Optional.of(rig));
    }
}
