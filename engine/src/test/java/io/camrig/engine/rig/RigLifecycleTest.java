package io.camrig.engine.rig;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.engine.camera.Camera;
import io.camrig.engine.camera.CameraOptions;
import io.camrig.engine.error.ConnectionClosedException;
import io.camrig.proto.catalog.Status;
import io.camrig.simulator.SimulatorOptions;
import io.camrig.simulator.VirtualRig;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * A rig disposed in the middle of everything — a reconnect waiting out its backoff, a fire in
 * progress, keep-alives running — leaves no fire thread, no timer and no connection behind. Time
 * is virtual: "no timer" is shown by an hour of it passing with nothing sent and nothing connected.
 */
class RigLifecycleTest {
    private final VirtualTimeScheduler vts = VirtualTimeScheduler.create();
    private VirtualRig sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
        vts.dispose();
    }

    private void advanceUntil(BooleanSupplier done) {
        for (int i = 0; i < 2000 && !done.getAsBoolean(); i++) {
            vts.advanceTimeBy(Duration.ofMillis(10));
        }
        assertThat(done.getAsBoolean()).as("done within 20 s of virtual time").isTrue();
    }

    @Test
    void disposingMidReconnectAndMidFireLeavesNoThreadTimerOrConnection() {
        Set<Thread> fireThreadsBefore = fireThreads();
        sim = VirtualRig.start(SimulatorOptions.defaults().withCameras(3).withMediaFileBytes(1024).withScheduler(vts))
                .block(Duration.ofSeconds(10));
        TappedCentral central = new TappedCentral(sim.central());
        RigOptions options = RigOptions.defaults().withReconnect(5, Duration.ofSeconds(2))
                .withCamera(CameraOptions.defaults().withScheduler(vts).withDeliveryScheduler(vts));
        CompletableFuture<Rig> connecting = Rig.discover(central, options)
                .flatMap(r -> r.connect().then(r.registerStatusUpdates(Status.BUSY.id(), Status.ENCODING.id())).thenReturn(r))
                .toFuture();
        advanceUntil(connecting::isDone);
        Rig rig = connecting.join();
        rig.startKeepAlive();
        assertThat(central.openLinks()).isEqualTo(3);

        // Mid-reconnect: camera 1 is gone; the first attempt fails, the next waits out its backoff.
        RigMember gone = rig.members().get(0);
        Camera lost = gone.camera().orElseThrow();
        sim.powerOff(sim.cameras().get(0).identity().serial());
        advanceUntil(() -> central.connectAttempts() >= 4);
        vts.advanceTimeBy(Duration.ofMillis(100));
        // Mid-fire: the fire has started (it measures latencies first) and has not ended.
        CompletableFuture<FireResult> firing = rig.fire(true).toFuture();
        vts.advanceTimeBy(Duration.ofMillis(5));
        assertThat(firing).isNotDone();

        rig.dispose();
        CompletableFuture<Void> disposed = rig.onDispose().toFuture();
        advanceUntil(disposed::isDone);

        assertThat(firing).isCompletedExceptionally();
        assertThat(firing.handle((r, e) -> e.getCause() != null ? e.getCause() : e).join())
                .isInstanceOf(ConnectionClosedException.class);
        assertThat(rig.members()).allSatisfy(m -> assertThat(m.camera().orElseThrow().isDisposed()).isTrue());
        assertThat(central.openLinks()).as("every link closed").isZero();
        // No timer left: an hour later nothing was written, no reconnect attempted, no camera attached.
        int attempts = central.connectAttempts();
        central.takeWritten();
        vts.advanceTimeBy(Duration.ofHours(1));
        assertThat(central.connectAttempts()).isEqualTo(attempts);
        assertThat(central.takeWritten()).isEmpty();
        assertThat(gone.camera()).containsSame(lost);
        assertThat(central.openLinks()).isZero();
        // No thread: the rig's fire thread has ended.
        for (Thread t : fireThreads()) {
            if (!fireThreadsBefore.contains(t)) {
                assertThat(joined(t)).as("fire thread ended").isTrue();
            }
        }
        // Disposing again is harmless.
        rig.dispose();
        assertThat(rig.isDisposed()).isTrue();
    }

    @Test
    void aDisposedCameraFailsItsPendingExchangesAndSaysWhenItIsDone() {
        sim = VirtualRig.start(SimulatorOptions.defaults().withCameras(1).withMediaFileBytes(1024))
                .block(Duration.ofSeconds(10));
        Rig rig = Rig.discover(sim.central(), RigOptions.defaults()).block(Duration.ofSeconds(10));
        Camera camera = rig.connect().block(Duration.ofSeconds(10)).outcomes().values().stream()
                .map(o -> ((Outcome.Ok<Camera>) o).value()).findFirst().orElseThrow();
        CompletableFuture<?> pending = camera.keepAlive().toFuture();
        camera.disposeNow(Duration.ofSeconds(5));
        assertThat(camera.isDisposed()).isTrue();
        assertThat(camera.isConnected()).isFalse();
        assertThat(pending).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(ConnectionClosedException.class);
        Mono<Void> after = camera.keepAlive();
        assertThat(after.onErrorResume(ConnectionClosedException.class, e -> Mono.empty()).block(Duration.ofSeconds(5)))
                .isNull();
        rig.disposeNow(Duration.ofSeconds(5));
    }

    private static Set<Thread> fireThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("camrig-fire"))
                .collect(Collectors.toSet());
    }

    private static boolean joined(Thread t) {
        try {
            t.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !t.isAlive();
    }
}
