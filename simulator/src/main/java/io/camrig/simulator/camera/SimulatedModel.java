package io.camrig.simulator.camera;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Camera models the simulator can impersonate, with their model ids, serial prefixes and
 * firmware codes as references.json lists them ({@code cameras}).
 */
public enum SimulatedModel {
    HERO9_BLACK("HERO9 Black", 55, "C344", "HD9.01"),
    HERO10_BLACK("HERO10 Black", 57, "C346", "H21.01"),
    HERO11_BLACK("HERO11 Black", 58, "C347", "H22.01"),
    HERO11_BLACK_MINI("HERO11 Black Mini", 60, "C349", "H22.03"),
    HERO12_BLACK("HERO12 Black", 62, "C350", "H23.01"),
    HERO13_BLACK("HERO13 Black", 65, "C353", "H24.01"),
    MAX_2("MAX 2", 64, "C352", "H24.02"),
    LIT_HERO("LIT HERO", 70, "C359", "H25.03");

    private final String displayName;
    private final int modelId;
    private final String serialPrefix;
    private final String firmwareCode;

    SimulatedModel(String displayName, int modelId, String serialPrefix, String firmwareCode) {
        this.displayName = displayName;
        this.modelId = modelId;
        this.serialPrefix = serialPrefix;
        this.firmwareCode = firmwareCode;
    }

    public String displayName() {
        return displayName;
    }

    public int modelId() {
        return modelId;
    }

    public String serialPrefix() {
        return serialPrefix;
    }

    /** The catalog's model: what it supports (references.json). */
    public io.camrig.proto.catalog.CameraModel catalogModel() {
        return io.camrig.proto.catalog.CameraModel.byModelId(modelId).orElseThrow();
    }

    /** A plausible firmware version string, e.g. {@code H23.01.02.32.00}. */
    public String firmwareVersion() {
        return firmwareCode + ".02.32.00";
    }

    /** Looks a model up by its display name (case-insensitive). */
    public static SimulatedModel byName(String name) {
        for (SimulatedModel m : values()) {
            if (m.displayName.equalsIgnoreCase(name.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown camera model '" + name + "'; known: "
                + Arrays.stream(values()).map(SimulatedModel::displayName).collect(Collectors.joining(", ")));
    }
}
