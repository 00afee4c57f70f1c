package io.camrig.benchmarks.rig;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of the whole process ({@code com.sun.management.OperatingSystemMXBean}) and of its
 * Java threads grouped by name, so that an idle window can be split between the engine, the
 * simulator and the rest. Threads that end inside a window are not in the group sums; their time
 * stays in the process figure.
 */
final class CpuMeter {
    /** Thread groups by name prefix. */
    enum Group {
        /** {@code parallel-*}: Reactor's parallel scheduler, where the engine runs cameras and delivers results. */
        ENGINE,
        /** {@code camrig-sim-*}: the simulated cameras and their BLE links. */
        SIMULATOR,
        /** {@code bench-driver}: the harness's keep-alive and status-change timers. */
        DRIVER,
        /** Every other Java thread (Reactor Netty, JMX, main). */
        OTHER;

        static Group of(String threadName) {
            if (threadName.startsWith("parallel-")) {
                return ENGINE;
            }
            if (threadName.startsWith(RigHarness.SIMULATOR_THREADS)) {
                return SIMULATOR;
            }
            if (threadName.startsWith(RigHarness.DRIVER_THREAD)) {
                return DRIVER;
            }
            return OTHER;
        }
    }

    /**
     * One reading.
     *
     * @param wallNanos    {@link System#nanoTime()} of the reading
     * @param processNanos CPU time of the process so far, ns
     * @param threadNanos  CPU time per live thread id so far, ns
     * @param groups       thread id → group
     */
    record Snapshot(long wallNanos, long processNanos, Map<Long, Long> threadNanos, Map<Long, Group> groups) {
    }

    /**
     * CPU used between two readings.
     *
     * @param wallNanos    elapsed wall time, ns
     * @param processNanos process CPU time, ns
     * @param groupNanos   CPU time of threads alive at both readings, by group, ns
     */
    record Usage(long wallNanos, long processNanos, Map<Group, Long> groupNanos) {
        /** Process CPU as a percentage of one core, per camera. */
        double processPercentPerCamera(int cameras) {
            return 100.0 * processNanos / wallNanos / cameras;
        }

        /** A group's CPU as a percentage of one core, per camera. */
        double groupPercentPerCamera(Group group, int cameras) {
            return 100.0 * groupNanos.getOrDefault(group, 0L) / wallNanos / cameras;
        }

        /** CPU of the JVM itself (GC, JIT, VM threads): process minus every Java thread measured. */
        double jvmPercentPerCamera(int cameras) {
            long threads = groupNanos.values().stream().mapToLong(Long::longValue).sum();
            return 100.0 * Math.max(0, processNanos - threads) / wallNanos / cameras;
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuMeter() {
    }

    static Snapshot snapshot() {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long wall = System.nanoTime();
        long process = os.getProcessCpuTime();
        Map<Long, Long> times = new HashMap<>();
        Map<Long, Group> groups = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = THREADS.getThreadCpuTime(info.getThreadId());
            if (cpu >= 0) {
                times.put(info.getThreadId(), cpu);
                groups.put(info.getThreadId(), Group.of(info.getThreadName()));
            }
        }
        return new Snapshot(wall, process, times, groups);
    }

    static Usage between(Snapshot start, Snapshot end) {
        Map<Group, Long> byGroup = new HashMap<>();
        end.threadNanos().forEach((id, cpu) -> {
            Long before = start.threadNanos().get(id);
            if (before != null) {
                byGroup.merge(end.groups().get(id), cpu - before, Long::sum);
            }
        });
        return new Usage(end.wallNanos() - start.wallNanos(), end.processNanos() - start.processNanos(), byGroup);
    }
}
