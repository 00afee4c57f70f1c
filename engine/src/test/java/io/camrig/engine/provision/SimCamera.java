package io.camrig.engine.provision;

import io.camrig.engine.camera.Camera;
import io.camrig.engine.camera.CameraOptions;
import io.camrig.simulator.SimulatorOptions;
import io.camrig.simulator.VirtualRig;
import io.camrig.simulator.camera.VirtualCamera;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * One virtual camera and an engine {@link Camera} connected to it over the simulated BLE link
 * (real bytes), in real time or on a virtual-time scheduler; and a listener that keeps events.
 */
final class SimCamera implements AutoCloseable {
    static final Duration LIMIT = Duration.ofSeconds(10);

    final VirtualRig rig;
    final VirtualCamera sim;
    final Camera camera;
    final List<ProvisionEvent> events = new CopyOnWriteArrayList<>();

    private SimCamera(VirtualRig rig, Camera camera) {
        this.rig = rig;
        this.sim = rig.cameras().get(0);
        this.camera = camera;
    }

    static SimCamera start() {
        return start(UnaryOperator.identity());
    }

    /** In real time, on the base options changed by {@code tweak}. */
    static SimCamera start(UnaryOperator<SimulatorOptions> tweak) {
        VirtualRig rig = VirtualRig.start(tweak.apply(base())).block(LIMIT);
        VirtualCamera sim = rig.cameras().get(0);
        Camera camera = rig.central().connect(sim.identity().address())
                .flatMap(link -> Camera.open(link, sim.identity().bleName(), CameraOptions.defaults()))
                .block(LIMIT);
        return new SimCamera(rig, camera);
    }

    /** Everything (simulator, camera, delays of provisioning) on {@code vts}; connected by advancing it. */
    static SimCamera start(VirtualTimeScheduler vts) {
        return start(vts, UnaryOperator.identity());
    }

    /** On {@code vts}, on the base options changed by {@code tweak}. */
    static SimCamera start(VirtualTimeScheduler vts, UnaryOperator<SimulatorOptions> tweak) {
        VirtualRig rig = VirtualRig.start(tweak.apply(base()).withScheduler(vts)).block(LIMIT);
        VirtualCamera sim = rig.cameras().get(0);
        CameraOptions options = CameraOptions.defaults().withScheduler(vts).withDeliveryScheduler(vts);
        CompletableFuture<Camera> opening = rig.central().connect(sim.identity().address())
                .flatMap(link -> Camera.open(link, sim.identity().bleName(), options)).toFuture();
        for (int i = 0; i < 1000 && !opening.isDone(); i++) {
            vts.advanceTimeBy(Duration.ofMillis(10));
        }
        return new SimCamera(rig, opening.join());
    }

    private static SimulatorOptions base() {
        return SimulatorOptions.defaults().withCameras(1).withMediaFileBytes(1024)
                .withLatency(Duration.ofMillis(1), Duration.ofMillis(1));
    }

    String serial() {
        return sim.identity().serial();
    }

    ProvisionListener listener() {
        return events::add;
    }

    List<ProvisionStep> steps() {
        return events.stream().map(ProvisionEvent::step).toList();
    }

    @Override
    public void close() {
        camera.close();
        rig.close();
    }
}
