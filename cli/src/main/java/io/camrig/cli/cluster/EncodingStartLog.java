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
 * Benchmark ground truth of a node process on this machine: one line {@code NAME NANOS} per
 * simulated camera each time it starts encoding, {@code NANOS} its {@link System#nanoTime()} instant
 * (the monotonic clock every process of one Linux machine shares), written and flushed before the
 * camera's encoding status push leaves. {@code camrig bench cluster} reads these files to measure
 * the true cross-node spread of encoding starts.
 */
final class EncodingStartLog implements AutoCloseable {
    private final Writer out;

    private EncodingStartLog(Writer out) {
        this.out = out;
    }

    /** Starts logging every camera of {@code rig} to {@code file} (created or appended to). */
    static EncodingStartLog attach(VirtualRig rig, Path file) throws IOException {
        EncodingStartLog log = new EncodingStartLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND));
        for (VirtualCamera c : rig.cameras()) {
            String name = c.identity().bleName();
            c.onEncodingStart(nanos -> log.write(name + " " + nanos + "\n"));
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

    /** The instants in {@code file} after {@code sinceNanos}, per camera the last one. */
    static List<Long> lastStartsSince(Path file, long sinceNanos) throws IOException {
        java.util.Map<String, Long> last = new java.util.HashMap<>();
        if (Files.exists(file)) {
            for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int sp = l.lastIndexOf(' ');
                if (sp > 0) {
                    long n = Long.parseLong(l.substring(sp + 1).trim());
                    if (n - sinceNanos > 0) {
                        last.put(l.substring(0, sp), n);
                    }
                }
            }
        }
        return new ArrayList<>(last.values());
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
