package io.camrig.benchmarks.rig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The arithmetic and formats behind the harness's figures. */
class RigFiguresTest {

    @Test
    void percentilesAreNearestRank() {
        List<Integer> fifty = java.util.stream.IntStream.rangeClosed(1, 50).boxed().toList();
        assertThat(Percentiles.of(fifty, 50)).isEqualTo(25);
        assertThat(Percentiles.of(fifty, 99)).isEqualTo(50);
        assertThat(Percentiles.max(fifty)).isEqualTo(50);
        assertThat(Percentiles.of(List.of(7), 1)).isEqualTo(7);
        assertThat(Percentiles.of(List.of(3, 1, 2), 50)).isEqualTo(2);
        assertThatThrownBy(() -> Percentiles.of(List.of(), 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(List.of(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void csvRowsRoundTrip() {
        RigScaleResult r = new RigScaleResult(128, 127, 225, 64, 405.0, 4707.0, 4707.0, 5365.0, 6.64, 12.04, 3,
                43_700, 5_900, 15_300, 489, 0.0233, 0.0026, 0.0006, 0.0194, 128, 0, 384, 7.75, 87, 12, true);
        assertThat(RigScaleResult.fromCsv(r.toCsv())).isEqualTo(r);
        assertThat(RigScaleResult.CSV_HEADER.split(",")).hasSize(r.toCsv().split(",").length);
        assertThatThrownBy(() -> RigScaleResult.fromCsv("1,2,3")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cpuIsSplitByThreadGroupAndPerCamera() {
        assertThat(CpuMeter.Group.of("parallel-1")).isEqualTo(CpuMeter.Group.ENGINE);
        assertThat(CpuMeter.Group.of(RigHarness.SIMULATOR_THREADS + "-3")).isEqualTo(CpuMeter.Group.SIMULATOR);
        assertThat(CpuMeter.Group.of(RigHarness.DRIVER_THREAD + "-1")).isEqualTo(CpuMeter.Group.DRIVER);
        assertThat(CpuMeter.Group.of("reactor-http-nio-2")).isEqualTo(CpuMeter.Group.OTHER);

        CpuMeter.Usage usage = new CpuMeter.Usage(1_000_000_000L, 40_000_000L,
                java.util.Map.of(CpuMeter.Group.ENGINE, 10_000_000L, CpuMeter.Group.SIMULATOR, 20_000_000L));
        // 40 ms of CPU in 1 s over 8 cameras: 0.5% of a core each.
        assertThat(usage.processPercentPerCamera(8)).isEqualTo(0.5);
        assertThat(usage.groupPercentPerCamera(CpuMeter.Group.ENGINE, 8)).isEqualTo(0.125);
        assertThat(usage.jvmPercentPerCamera(8)).isEqualTo(0.125);
    }

    @Test
    void optionsRefuseNonsense() {
        RigHarnessOptions d = RigHarnessOptions.defaults();
        assertThat(d.cameraCounts()).containsExactly(8, 32, 128, 512);
        assertThat(d.fires()).isEqualTo(50);
        assertThatThrownBy(() -> d.withCameraCounts(List.of(0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withCameraCounts(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withFires(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withIdle(Duration.ZERO, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withConnectConcurrency(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
