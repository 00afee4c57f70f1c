package io.camrig.cli.cluster;

import io.camrig.simulator.VirtualRig;
import io.camrig.simulator.camera.VirtualCamera;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark ground truth of a node process on this machine: one line {@code NAME HANDLED ARRIVED}
 * per simulated camera each time it starts encoding, {@code HANDLED} the {@link System#nanoTime()}
 * instant its thread ran the shutter and {@code ARRIVED} the instant its simulated link modeled the
 * write's arrival ({@link io.camrig.simulator.camera.LinkArrival}; both on the monotonic clock every
 * process of one Linux machine shares), written and flushed before the
 * camera's encoding status push arrives at the node (a writer thread writes it at once, off the
 * camera's thread, well within the link's latency). {@code camrig bench cluster} reads these files to measure
 * the true cross-node spread of encoding starts.
 */
final class EncodingStartLog implements AutoCloseable {
    private final Writer out;
    private final java.util.concurrent.ExecutorService writer = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "camrig-encoding-start-log");
        t.setDaemon(true);
        return t;
    });

    private EncodingStartLog(Writer out) {
        this.out = out;
    }

    /** Starts logging every camera of {@code rig} to {@code file} (created or appended to). */
    static EncodingStartLog attach(VirtualRig rig, Path file) throws IOException {
        EncodingStartLog log = new EncodingStartLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND));
        for (VirtualCamera c : rig.cameras()) {
            String name = c.identity().bleName();
            // Off the camera's thread: the next camera's start must not wait for this write.
            c.onEncodingStartArrival((handled, arrived) -> log.writer.execute(
                    () -> log.write(name + " " + handled + " " + arrived + "\n")));
        }
        return log;
    }

    private synchronized void write(String line) {
        try {
            out.write(line);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One camera's encoding start: when its thread handled the shutter, when the write arrived (modeled), ns. */
    record Start(long handledNanos, long arrivedNanos) {
    }

    /** The starts in {@code file} handled after {@code sinceNanos}, per camera the last one. */
    static List<Start> lastStartsSince(Path file, long sinceNanos) throws IOException {
        java.util.Map<String, Start> last = new java.util.HashMap<>();
        if (Files.exists(file)) {
            for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] w = l.trim().split(" ");
                if (w.length >= 3) {
                    long handled = Long.parseLong(w[w.length - 2]);
                    if (handled - sinceNanos > 0) {
                        last.put(l.substring(0, l.lastIndexOf(w[w.length - 2]) - 1),
                                new Start(handled, Long.parseLong(w[w.length - 1])));
                    }
                }
            }
        }
        return new ArrayList<>(last.values());
    }

    @Override
    public synchronized void close() throws IOException {
        writer.shutdown();
        out.close();
    }
}
