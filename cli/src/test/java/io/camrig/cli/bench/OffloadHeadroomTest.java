package io.camrig.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OffloadHeadroomTest {
    private static final String PROC_STAT = "cpu  1000 20 300 5000 80 10 30 40 0 0\n"
            + "cpu0 500 10 150 2500 40 5 15 20 0 0\n"
            + "intr 12345\n";

    @Test
    void readsTheWholeMachineLineOfProcStat() {
        MachineCpu cpu = MachineCpu.parse(PROC_STAT).orElseThrow();
        assertThat(cpu.busyTicks()).isEqualTo(1000 + 20 + 300 + 10 + 30 + 40);
        assertThat(cpu.totalTicks()).isEqualTo(1400 + 5000 + 80);
        assertThat(MachineCpu.parse("intr 1\n")).isEmpty();
        assertThat(MachineCpu.parse("cpu 1 2\n")).isEmpty();
    }

    @Test
    void busyShareAndSecondsBetweenTwoReadings() {
        MachineCpu before = new MachineCpu(1_000, 5_000);
        MachineCpu after = new MachineCpu(1_190, 5_200);
        assertThat(after.busySecondsSince(before)).isCloseTo(1.9, within(1e-9));
        assertThat(after.busyFractionSince(before)).isCloseTo(0.95, within(1e-9));
        assertThat(before.busyFractionSince(before)).isNaN();
    }

    @Test
    void theCurrentReadingIsConsistentWhereProcStatExists() {
        MachineCpu.now().ifPresent(cpu -> assertThat(cpu.busyTicks()).isBetween(0L, cpu.totalTicks()));
    }

    @Test
    void aSaturatedMachineCapsAHashingClientBelowCurl() {
        // curl at 1.2 GB/s kept 2 cores busy: 1.6 s per GB machine-wide; hashing adds 0.7 s per GB
        OffloadHeadroom.Machine saturated = new OffloadHeadroom.Machine(1.0, 1.6);
        assertThat(OffloadHeadroom.boundRatio(saturated, 0.7)).isCloseTo(1.6 / 2.3, within(1e-9));
        // a machine half idle during curl's run leaves room for the hashing: the bound does not bite
        assertThat(OffloadHeadroom.boundRatio(new OffloadHeadroom.Machine(0.5, 1.6), 0.7)).isGreaterThan(1);
    }

    @Test
    void theCheaperHashCostIgnoresOneNotMeasured() {
        assertThat(OffloadHeadroom.cheaper(0.7, 1.0)).isEqualTo(0.7);
        assertThat(OffloadHeadroom.cheaper(1.0, 0.7)).isEqualTo(0.7);
        assertThat(OffloadHeadroom.cheaper(Double.NaN, 1.0)).isEqualTo(1.0);
        assertThat(OffloadHeadroom.cheaper(0.7, Double.NaN)).isEqualTo(0.7);
        assertThat(OffloadHeadroom.cheaper(Double.NaN, Double.NaN)).isNaN();
    }

    @Test
    void theJdkHashCostIsMeasuredOnThisMachine() {
        double s = OffloadHeadroom.jdkSha256CpuPerGB();
        assertThat(s).isPositive().isLessThan(60);
    }

    @Test
    void theTableCarriesTheBoundAndCamrigsShareOfIt() {
        Map<Integer, List<OffloadBenchResult.Round>> results = new LinkedHashMap<>();
        results.put(8, List.of(round(8, 500, 1200, 1.0, 1.6, 1.0), round(8, 520, 1100, 0.98, 1.7, 1.1),
                round(8, 540, 1300, 0.99, 1.5, 0.9)));
        String table = OffloadBenchResult.table(results, 256 << 20, 0.7);
        double ratio = 1.6 / (0.99 * 2.3);
        assertThat(table).contains("Headroom")
                .contains(String.format(java.util.Locale.ROOT, "| 8 | 99 %% | 1.60 | 0.70 | %.0f | %.2f | %.2f |",
                        ratio * 1200, ratio, 520 / (ratio * 1200)));
        results.put(1, List.of(round(1, 400, 700, 0.6, 1.4, 1.0)));
        assertThat(OffloadBenchResult.table(results, 256 << 20)).contains("| 1 | 60 % | 1.40 | 1.00 |");
    }

    @Test
    void noHeadroomTableWithoutMachineFigures() {
        Map<Integer, List<OffloadBenchResult.Round>> results = Map.of(1, List.of(new OffloadBenchResult.Round(1, 1, 400, 3,
                12, 94, 72, 21, 700, 1.3, 1.0, 11, null, Double.NaN, Double.NaN, null)));
        assertThat(OffloadBenchResult.table(results, 256 << 20, 0.7)).doesNotContain("Headroom");
    }

    private static OffloadBenchResult.Round round(int cameras, double camrig, double curl, double busy, double machine,
            double sha) {
        return new OffloadBenchResult.Round(1, cameras, camrig, 3, 4, 100, 70, 21, curl, 1.4, sha, 80, null, Double.NaN,
                Double.NaN, null, new OffloadHeadroom.Machine(busy, machine));
    }
}
