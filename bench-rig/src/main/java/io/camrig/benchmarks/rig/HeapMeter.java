package io.camrig.benchmarks.rig;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Used heap after a full collection: {@link System#gc()} (a full, stop-the-world collection with
 * the JVM's default G1 unless {@code -XX:+ExplicitGCInvokesConcurrent} is set), repeated until two
 * readings agree within 64 KB, at most five times.
 */
final class HeapMeter {
    private static final long SETTLED_BYTES = 64 * 1024;
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private HeapMeter() {
    }

    /**
     * Waits, up to 3 s, until two collections 200 ms apart find the same used heap within 256 KB:
     * what a previous rig released asynchronously (closing links, HTTP servers) is gone by then.
     */
    static void settle() {
        long previous = usedAfterGc();
        for (int i = 0; i < 15; i++) {
            Mono.delay(Duration.ofMillis(200)).block();
            long used = usedAfterGc();
            if (Math.abs(used - previous) < 256 * 1024) {
                return;
            }
            previous = used;
        }
    }

    /** Used heap in bytes after collecting garbage. */
    static long usedAfterGc() {
        long previous = Long.MIN_VALUE;
        long used = 0;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = MEMORY.getHeapMemoryUsage().getUsed();
            if (Math.abs(used - previous) < SETTLED_BYTES) {
                break;
            }
            previous = used;
        }
        return used;
    }
}
