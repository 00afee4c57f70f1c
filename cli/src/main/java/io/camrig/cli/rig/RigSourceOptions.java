package io.camrig.cli.rig;

import io.camrig.ble.spi.BleCentral;
import io.camrig.simulator.SimulatorOptions;
import io.camrig.simulator.VirtualRig;
import io.camrig.simulator.camera.SimulatedModel;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Which rig a command talks to, as a picocli mixin. Today: an in-process simulated rig
 * ({@code --cameras N}, {@code --model NAME}, {@code --seed N}), like {@code camrig demo}; each run
 * starts a fresh one, so changes do not carry over between runs. A real rig is another
 * {@link BleCentral} returned by {@link #open()} (the BlueZ backend's {@code --ble} mixin plugs in
 * here); nothing else in the commands depends on the simulator.
 */
public final class RigSourceOptions {
    @Option(names = "--cameras", paramLabel = "N", defaultValue = "4",
            description = "Number of simulated cameras (default: ${DEFAULT-VALUE}).")
    int cameras = 4;

    @Option(names = "--model", paramLabel = "NAME", defaultValue = "HERO12 Black",
            description = "Simulated camera model, e.g. \"HERO9 Black\", \"MAX 2\" (default: ${DEFAULT-VALUE}).")
    String model = "HERO12 Black";

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the simulated rig (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    /**
     * A BLE central, how many cameras to expect, and what to close with it.
     *
     * @param central         the central to scan and connect with
     * @param expectedCameras stop scanning after this many cameras
     * @param closer          releases the rig (stops the simulated cameras)
     */
    public record Source(BleCentral central, int expectedCameras, Runnable closer) implements AutoCloseable {
        @Override
        public void close() {
            closer.run();
        }
    }

    /** Fails with a usage error for a bad camera count or model. */
    public void validate(CommandLine commandLine) {
        if (cameras < 1 || cameras > 1024) {
            throw new CommandLine.ParameterException(commandLine, "--cameras must be between 1 and 1024, got " + cameras);
        }
        try {
            SimulatedModel.byName(model);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
    }

    /** Starts the rig and returns its central. */
    public Source open() {
        SimulatorOptions options = SimulatorOptions.defaults().withCameras(cameras).withModel(model).withSeed(seed)
                .withMediaFileBytes(64 * 1024);
        VirtualRig rig = VirtualRig.start(options).block(Duration.ofSeconds(30));
        return new Source(rig.central(), cameras, rig::close);
    }
}
