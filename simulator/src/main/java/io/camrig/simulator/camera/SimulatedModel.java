package io.camrig.simulator.camera;

import io.camrig.proto.catalog.CameraModel;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Camera models the simulator can impersonate: one per model of the catalog
 * ({@link CameraModel}, generated from references.json), whose model id, serial prefix and
 * firmware code it reports.
 */
public enum SimulatedModel {
    HERO9_BLACK, HERO10_BLACK, HERO11_BLACK, HERO11_BLACK_MINI, HERO12_BLACK, HERO13_BLACK, MAX_2, LIT_HERO;

    private final CameraModel model = CameraModel.valueOf(name());

    public String displayName() {
        return model.displayName();
    }

    public int modelId() {
        return model.modelId();
    }

    public String serialPrefix() {
        return model.serialPrefix();
    }

    /** The catalog's model, for per-model support data. */
    public CameraModel catalogModel() {
        return model;
    }

    /** A plausible firmware version string, e.g. {@code H23.01.02.32.00}. */
    public String firmwareVersion() {
        return model.firmwareCode() + ".02.32.00";
    }

    /** Looks a model up by its display name (case-insensitive). */
    public static SimulatedModel byName(String name) {
        for (SimulatedModel m : values()) {
            if (m.displayName().equalsIgnoreCase(name.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown camera model '" + name + "'; known: "
                + Arrays.stream(values()).map(SimulatedModel::displayName).collect(Collectors.joining(", ")));
    }
}
