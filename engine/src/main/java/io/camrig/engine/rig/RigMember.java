package io.camrig.engine.rig;

import io.camrig.engine.camera.Camera;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One camera slot of a rig: found by scanning, then connected. It keeps the camera's log of
 * steps and the first failure, after which later steps skip it.
 */
public final class RigMember {
    private final int index;
    private final String address;
    private final String advertisedName;
    private final List<StepRecord> log = new ArrayList<>();
    private volatile Camera camera;
    private volatile Throwable failure;
    private volatile String failedStep;

    RigMember(int index, String address, String advertisedName) {
        this.index = index;
        this.address = address;
        this.advertisedName = advertisedName;
    }

    /** 1-based position in the rig, in discovery order sorted by name. */
    public int index() {
        return index;
    }

    public String address() {
        return address;
    }

    /** The advertised BLE name, e.g. {@code "GoPro 5504"}. */
    public String advertisedName() {
        return advertisedName;
    }

    /** The connected camera, once connected. */
    public Optional<Camera> camera() {
        return Optional.ofNullable(camera);
    }

    void camera(Camera c) {
        this.camera = c;
    }

    /** {@code true} until a step fails for this camera. */
    public boolean isHealthy() {
        return failure == null;
    }

    /** The first failure, when there is one. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /** The step in which the first failure happened. */
    public Optional<String> failedStep() {
        return Optional.ofNullable(failedStep);
    }

    synchronized void fail(String step, Throwable cause) {
        if (failure == null) {
            failure = cause;
            failedStep = step;
        }
    }

    synchronized void record(StepRecord step) {
        log.add(step);
    }

    /** A copy of this camera's log, in step order. */
    public synchronized List<StepRecord> log() {
        return new ArrayList<>(log);
    }

    @Override
    public String toString() {
        return "RigMember[" + index + " " + advertisedName + " " + address + "]";
    }
}
