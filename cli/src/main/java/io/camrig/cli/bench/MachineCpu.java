package io.camrig.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The whole machine's CPU time from Linux's {@code /proc/stat} (its first, {@code cpu} line: the
 * sum over every core, in clock ticks of 1/100 s), to tell how busy the machine was during a
 * client's run: everything counts, the client, the simulator, the kernel and other users.
 *
 * @param busyTicks user + nice + system + irq + softirq + steal ticks (guest time is already in user)
 * @param totalTicks busy + idle + iowait ticks
 */
record MachineCpu(long busyTicks, long totalTicks) {
    /** Clock ticks per second of {@code /proc/stat} (USER_HZ, 100 on every Linux architecture in use). */
    static final double TICKS_PER_SECOND = 100;

    private static final Path PROC_STAT = Path.of("/proc/stat");

    /** The current counters, or empty where {@code /proc/stat} is absent or unreadable (not Linux). */
    static Optional<MachineCpu> now() {
        try {
            return Files.isReadable(PROC_STAT) ? parse(Files.readString(PROC_STAT)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The counters of a {@code /proc/stat} text: its {@code cpu} line, {@code user nice system idle
     * iowait irq softirq steal ...}; empty when there is no such line or it has fewer than 4 numbers.
     */
    static Optional<MachineCpu> parse(String procStat) {
        for (String line : procStat.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (!f[0].equals("cpu")) {
                continue;
            }
            if (f.length < 5) {
                return Optional.empty();
            }
            long[] v = new long[8];
            for (int i = 1; i < f.length && i <= 8; i++) {
                v[i - 1] = Long.parseLong(f[i]);
            }
            long idle = v[3] + v[4];
            long busy = v[0] + v[1] + v[2] + v[5] + v[6] + v[7];
            return Optional.of(new MachineCpu(busy, busy + idle));
        }
        return Optional.empty();
    }

    /** CPU seconds the machine was busy between {@code earlier} and this reading, all cores together. */
    double busySecondsSince(MachineCpu earlier) {
        return (busyTicks - earlier.busyTicks) / TICKS_PER_SECOND;
    }

    /** The busy share of all cores' time between {@code earlier} and this reading, 0 to 1 (NaN when no time passed). */
    double busyFractionSince(MachineCpu earlier) {
        long total = totalTicks - earlier.totalTicks;
        return total <= 0 ? Double.NaN : (double) (busyTicks - earlier.busyTicks) / total;
    }
}
