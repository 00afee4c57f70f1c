package io.camrig.benchmarks.rig;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;

/**
 * Where figures were taken: JVM, CPU model, cores, heap limit, machine load.
 *
 * @param jvm          VM name and runtime version
 * @param cpu          the CPU model from {@code /proc/cpuinfo}, or the architecture when unreadable
 * @param cores        processors available to the JVM
 * @param maxHeapBytes the heap limit, bytes
 * @param loadAverage  the 1-minute load average when the run started (-1 when unknown)
 * @param startedAt    when the run started, UTC, to the second
 * @param priorities   whether Java thread priorities reach Linux: the JVM passes them on only
 *                     with {@code -XX:ThreadPriorityPolicy=1}, and Linux accepts a raised one
 *                     only from root (or with {@code CAP_SYS_NICE}); the fire thread's real-time
 *                     scheduling is reported per rig size instead
 */
public record Environment(String jvm, String cpu, int cores, long maxHeapBytes, double loadAverage,
                          Instant startedAt, String priorities) {

    /** The environment of this JVM now. */
    public static Environment capture() {
        return new Environment(System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                cpuModel(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory(),
                currentLoadAverage(), Instant.now().truncatedTo(ChronoUnit.SECONDS), threadPriorities());
    }

    private static String threadPriorities() {
        String policy;
        try {
            policy = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .getVMOption("ThreadPriorityPolicy").getValue();
        } catch (RuntimeException e) {
            return "Java thread priorities: unknown (not a HotSpot JVM)";
        }
        if (!"1".equals(policy)) {
            return "Java thread priorities not passed on to Linux (ThreadPriorityPolicy=" + policy + ")";
        }
        return "Java thread priorities passed on to Linux (ThreadPriorityPolicy=1; raising one needs root or"
                + " CAP_SYS_NICE)";
    }

    /** The 1-minute load average now, or -1 when the platform does not tell. */
    public static double currentLoadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse(System.getProperty("os.arch"));
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }
}
