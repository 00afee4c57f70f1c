package io.camrig.cli.rig;

import picocli.CommandLine;

/**
 * The cameras a per-camera command works on, as one picocli mixin: which rig
 * ({@link RigSourceOptions}: {@code --cameras}, {@code --model}, {@code --seed}, {@code --ble}) and
 * which of its cameras ({@link CameraSelection}: {@code --camera}). {@link #connect} starts the rig,
 * connects the selection and insists on at least one camera. Blocking: for the command line only.
 */
public final class SelectedCameras {
    @CommandLine.Mixin
    RigSourceOptions rigSource = new RigSourceOptions();

    @CommandLine.Mixin
    CameraSelection selection = new CameraSelection();

    /**
     * The selected cameras, connected, and the rig they belong to. Closing disconnects the cameras,
     * then releases the rig.
     *
     * @param source the started rig (or BlueZ's central)
     * @param rig    the selected cameras, connected and identified
     */
    public record Connected(RigSourceOptions.Source source, ConnectedRig rig) implements AutoCloseable {
        @Override
        public void close() {
            try (source) {
                rig.close();
            }
        }
    }

    /** Fails with a usage error for a bad camera count or model. */
    public void validate(CommandLine commandLine) {
        rigSource.validate(commandLine);
    }

    /** The {@code --camera} suffixes (what a remote or broker rig is asked about too). */
    public CameraSelection selection() {
        return selection;
    }

    /**
     * Starts the rig, connects and identifies the selected cameras, reports on stderr the cameras
     * expected but not found, and fails with a usage error when the selection left none
     * ({@link RigCommandSupport#requireCameras}); on any failure what was started is closed again.
     */
    public Connected connect(CommandLine commandLine) {
        RigSourceOptions.Source source = rigSource.open();
        Connected connected;
        try {
            connected = new Connected(source, ConnectedRig.connect(source, selection));
        } catch (RuntimeException e) {
            closeAfter(source, e);
            throw e;
        }
        try {
            RigCommandSupport.requireCameras(connected.rig(), selection, commandLine);
        } catch (RuntimeException e) {
            closeAfter(connected, e);
            throw e;
        }
        return connected;
    }

    private static void closeAfter(AutoCloseable resource, RuntimeException failure) {
        try {
            resource.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }
}
