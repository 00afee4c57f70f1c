package io.camrig.cli.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code --threads} figures of the bench's client JVMs: each thread's CPU from Linux's {@code
 * /proc/self/task/<tid>/stat} (user + system, clock ticks of 10 ms), threads of the same name with
 * digits replaced by {@code #} summed, printed to stderr for the measured window and for the
 * whole JVM, with the window's bounds in JVM uptime (ms) to match {@code -Xlog}'s {@code
 * uptimemillis} or {@code -XX:+PrintCompilation}'s time stamps, and in epoch ms (a profiler's
 * JFR samples). JDK classes only, so the floor
 * client ({@link OffloadFloorClient}) can use it and still load nothing of camrig's. Linux forgets
 * a thread's figures when it ends: a thread that ends in the window (the floor's reader and hashing
 * threads) calls {@link #ending()} last, so that it is still counted once {@link #countEnded()} was called.
 */
final class ThreadCpu {
    /** Ticks of the threads that called {@link #ending()}, by {@code tid}: {name, ticks}. */
    private static final Map<String, Object[]> ENDED = new ConcurrentHashMap<>();
    private static volatile boolean countEnded;

    private final Map<String, Long> start;
    private final long startUptimeMs;
    private final long startEpochMs;

    private ThreadCpu(Map<String, Long> start, long startUptimeMs, long startEpochMs) {
        this.start = start;
        this.startUptimeMs = startUptimeMs;
        this.startEpochMs = startEpochMs;
    }

    /** Starts a window: each thread's CPU so far, and the JVM's uptime. */
    static ThreadCpu start() throws IOException {
        long up = ManagementFactory.getRuntimeMXBean().getUptime();
        return new ThreadCpu(ticks(), up, System.currentTimeMillis());
    }

    /** Ends the window: prints the window's bounds, each thread's CPU in it and over the whole JVM to stderr. */
    void printEnd() throws IOException {
        long end = ManagementFactory.getRuntimeMXBean().getUptime();
        long endEpoch = System.currentTimeMillis();
        Map<String, Long> all = ticks();
        Map<String, Long> window = new TreeMap<>(all);
        start.forEach((name, t) -> window.merge(name, -t, Long::sum));
        System.err.printf("measured window: JVM uptime %d ms to %d ms (epoch %d ms to %d ms)%n", startUptimeMs, end,
                startEpochMs, endEpoch);
        print("during the transfer", window);
        print("whole JVM", all);
    }

    /** From now on, {@link #ending()} records the threads that end. */
    static void countEnded() {
        countEnded = true;
    }

    /**
     * Records the calling thread's CPU so far (after {@link #countEnded()}; else does nothing):
     * call it last in a thread that may end before the window's figures are read.
     */
    static void ending() {
        if (!countEnded) {
            return;
        }
        try {
            Object[] me = stat(Path.of("/proc/thread-self/stat"));
            ENDED.put(String.valueOf(Path.of("/proc/thread-self").toRealPath().getFileName()), me);
        } catch (IOException | RuntimeException unreadable) {
            // not Linux: the thread is not counted, as before
        }
    }

    /** Each thread's user + system CPU since it started, clock ticks, by name (ended threads: see {@link #ending()}). */
    static Map<String, Long> ticks() throws IOException {
        Map<String, Object[]> byTid = new TreeMap<>(ENDED);
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    byTid.put(t.getFileName().toString(), stat(t.resolve("stat")));
                } catch (NoSuchFileException ended) {
                    // the thread ended while listing
                }
            }
        }
        Map<String, Long> ticks = new TreeMap<>();
        byTid.values().forEach(v -> ticks.merge((String) v[0], (Long) v[1], Long::sum));
        return ticks;
    }

    /** {name with digits as #, user + system ticks} of one {@code stat} file. */
    private static Object[] stat(Path file) throws IOException {
        String stat = Files.readString(file);
        String name = digitsAsHash(stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new Object[] {name, Long.parseLong(f[11]) + Long.parseLong(f[12])};
    }

    /**
     * {@code name} with each run of digits as one {@code #}: no regular expression, whose first use
     * at the window's start would have the JIT compile it inside the measured window.
     */
    static String digitsAsHash(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                b.append(c);
            } else if (i == 0 || name.charAt(i - 1) < '0' || name.charAt(i - 1) > '9') {
                b.append('#');
            }
        }
        return b.toString();
    }

    /** The busiest threads of {@code ticks} to stderr, seconds. */
    private static void print(String title, Map<String, Long> ticks) {
        System.err.println("thread CPU, " + title + ":");
        ticks.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                .forEach(e -> System.err.printf("  %-24s %6.2f s%n", e.getKey(), e.getValue() / 100.0));
    }
}
