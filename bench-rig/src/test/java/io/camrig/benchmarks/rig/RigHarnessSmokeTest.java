package io.camrig.benchmarks.rig;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A tiny run of the rig harness — 4 cameras, 3 fires, a 300 ms idle window with fast keep-alives
 * and status pushes — so that it cannot rot. Only that every phase ran and produced sane figures
 * is checked; the figures themselves come from {@code camrig bench rig}.
 */
class RigHarnessSmokeTest {

    @Test
    void aTinyRigRunProducesEveryFigure() {
        RigHarnessOptions options = RigHarnessOptions.defaults().withCameraCounts(List.of(4)).withFires(3)
                .withWarmupFires(1).withIdle(Duration.ZERO, Duration.ofMillis(300))
                .withKeepAliveInterval(Duration.ofMillis(50)).withStatusPushInterval(Duration.ofMillis(50));
        List<String> progress = new ArrayList<>();

        RigBenchReport report = new RigHarness(options, progress::add).run();

        assertThat(report.results()).hasSize(1);
        RigScaleResult r = report.results().get(0);
        assertThat(r.cameras()).isEqualTo(4);
        assertThat(r.connectedCameras()).isEqualTo(4);
        assertThat(r.fireFailures()).isZero();
        assertThat(r.fireSkewP50Micros()).isNotNaN().isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(r.fireSkewP99Micros());
        assertThat(r.fireSkewP99Micros()).isLessThanOrEqualTo(r.fireSkewMaxMicros());
        assertThat(r.encodingSpreadP50Millis()).isNotNaN();
        assertThat(r.connectMillis()).isNotNegative();
        assertThat(r.heapPerCameraBytes()).isPositive();
        assertThat(r.engineHeapPerCameraBytes()).isPositive();
        assertThat(r.idleCpuPerCameraPercent()).isPositive();
        assertThat(r.keepAlives()).isPositive();
        assertThat(r.keepAliveFailures()).isZero();
        assertThat(r.statusUpdates()).isPositive();
        assertThat(progress).anyMatch(l -> l.startsWith("N=4: connecting"));
        String fireThread = r.realtimeFireThread() ? "N=4: fire thread SCHED_FIFO 1" : "N=4: fire thread normal: ";
        assertThat(progress).anyMatch(l -> l.startsWith(fireThread));

        assertThat(report.toText()).contains("skew p99").contains("heap/cam").contains("targets (issue 8)");
        List<String> csv = report.toCsv().lines().toList();
        assertThat(csv).hasSize(2).first().isEqualTo(RigScaleResult.CSV_HEADER);
        assertThat(RigScaleResult.fromCsv(csv.get(1)).cameras()).isEqualTo(4);
    }
}
