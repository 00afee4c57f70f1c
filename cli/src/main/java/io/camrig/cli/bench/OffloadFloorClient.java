package io.camrig.cli.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The floor of {@code camrig bench offload}: the least a JVM does for camrig's work, JDK only (it
 * loads no class of camrig's nor any library, so its CPU and RSS are the JVM's own). Per URL, one
 * thread sends an HTTP/1.1 {@code GET} over a plain blocking {@link SocketChannel}, fills four
 * reused direct buffers of 256 KiB in turn and writes each to the
 * file with one positional write, then hands it to a second thread that runs SHA-256 over it and
 * gives it back; every 16 MiB one {@code fdatasync} starts (as camrig's
 * early writeback does) and the file is {@code fsync}ed at the end (as camrig's durable commit).
 * No resume, no retries, no size or media checks ({@code Range} only for its warm-up prefix): what
 * it leaves out is what it costs camrig to survive a real camera.
 *
 * <p>Usage: {@code java OPTS -cp JAR io.camrig.cli.bench.OffloadFloorClient --to DIR
 * [--warm-up-bytes N] [--threads] URL...} ({@code --threads}: each thread's CPU to stderr, {@link
 * ThreadCpu}); writes {@code DIR/f0, f1...} and prints one JSON line with the
 * same fields as {@code bench offload-client} (bytes, seconds, cpuSeconds, rssPeakKb, rssAnonKb,
 * rssFileKb, warmUpSeconds, warmUpCpuSeconds, failures) plus {@code sha256}, one lowercase hex
 * digest per URL. Exit 0, or 1 with the error on stderr.
 */
public final class OffloadFloorClient {
    static final int BUFFER_BYTES = 256 * 1024;
    static final int BUFFERS = 4;
    /** camrig's step; a compile-time constant, so reading it loads no class of camrig's. */
    static final long WRITEBACK_STEP = io.camrig.http.DownloadOptions.WRITEBACK_STEP_BYTES;

    private static final ByteBuffer END = ByteBuffer.allocate(0);
    private static final ExecutorService FLUSHER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "floor-writeback");
        t.setDaemon(true);
        return t;
    });

    private OffloadFloorClient() {
    }

    /**
     * Runs the downloads the arguments name and prints the JSON line; exit 1 on an I/O error
     * (message on stderr), 2 on a usage error.
     */
    public static void main(String[] args) throws Exception {
        Path to = null;
        long warmUp = 0;
        boolean threads = false;
        List<URI> urls = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--to" -> to = Path.of(args[++i]);
                case "--warm-up-bytes" -> warmUp = Long.parseLong(args[++i]);
                case "--threads" -> threads = true;
                default -> urls.add(URI.create(args[i]));
            }
        }
        if (to == null || urls.isEmpty()) {
            System.err.println("usage: OffloadFloorClient --to DIR [--warm-up-bytes N] [--threads] URL...");
            System.exit(2);
        }
        try {
            System.out.println(run(to, warmUp, urls, OffloadFloorClient::download, threads));
        } catch (Exception | Error e) {
            System.err.println("floor client: " + (e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e));
            System.exit(1);
        }
    }

    /** Downloads every URL in parallel into {@code to/f<i>}; the JSON line {@link #main} prints. */
    static String run(Path to, long warmUp, List<URI> urls) throws Exception {
        return run(to, warmUp, urls, OffloadFloorClient::download, false);
    }

    /**
     * One download of a bench client: GETs {@code url} (its first {@code limit} bytes at most, by a
     * Range request when {@code limit} is finite) into {@code file}, with SHA-256; {@code durable}
     * = early writeback every 16 MiB and {@code fsync} at the end.
     */
    @FunctionalInterface
    interface Download {
        Result download(URI url, Path file, long limit, boolean durable) throws Exception;
    }

    /**
     * Downloads every URL in parallel into {@code to/f<i>} with {@code client} (after a warm-up
     * prefix of the first URL when {@code warmUp > 0}); the JSON line {@link #main} prints.
     */
    static String run(Path to, long warmUp, List<URI> urls, Download client) throws Exception {
        return run(to, warmUp, urls, client, false);
    }

    /**
     * As {@link #run(Path, long, List, Download)}; with {@code threads}, also each thread's CPU in
     * the measured window and over the whole JVM to stderr ({@link ThreadCpu}, as {@code bench
     * offload-client --threads}).
     */
    static String run(Path to, long warmUp, List<URI> urls, Download client, boolean threads) throws Exception {
        if (threads) {
            ThreadCpu.countEnded();
        }
        Files.createDirectories(to);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long w0 = System.nanoTime();
        long wcpu0 = os.getProcessCpuTime();
        // a prefix of the first file, or whole downloads of it one after another when it is smaller
        Path scratch = to.resolve("warm-up");
        for (long left = warmUp; left > 0; ) {
            long got = client.download(urls.get(0), scratch, left, false).bytes();
            Files.delete(scratch);
            if (got <= 0) {
                break;
            }
            left -= got;
        }
        ThreadCpu window = threads ? ThreadCpu.start() : null;
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        // daemon threads: a failed download ends the JVM through main's exit, never leaves it running
        ExecutorService readers = Executors.newFixedThreadPool(urls.size(), r -> {
            Thread t = new Thread(r, "bench-download");
            t.setDaemon(true);
            return t;
        });
        List<Future<long[]>> sizes = new ArrayList<>();
        String[] shas = new String[urls.size()];
        for (int i = 0; i < urls.size(); i++) {
            int n = i;
            sizes.add(readers.submit(() -> {
                Result r = client.download(urls.get(n), to.resolve("f" + n), Long.MAX_VALUE, true);
                shas[n] = r.sha256();
                ThreadCpu.ending();    // with --threads: this pool's threads end before the window's figures are read
                return new long[] {r.bytes()};
            }));
        }
        long bytes = 0;
        for (Future<long[]> f : sizes) {
            bytes += f.get()[0];
        }
        readers.shutdown();
        long t1 = System.nanoTime();
        long cpu1 = os.getProcessCpuTime();
        if (window != null) {
            window.printEnd();
        }
        return String.format(Locale.ROOT, "{\"bytes\":%d,\"seconds\":%.6f,\"cpuSeconds\":%.6f,\"rssPeakKb\":%d,"
                + "\"rssAnonKb\":%d,\"rssFileKb\":%d,\"warmUpSeconds\":%.6f,\"warmUpCpuSeconds\":%.6f,\"failures\":0,"
                + "\"sha256\":[\"%s\"]}", bytes, (t1 - t0) / 1e9, (cpu1 - cpu0) / 1e9,
                status("VmHWM"), status("RssAnon"),
                status("RssFile"), (t0 - w0) / 1e9, (cpu0 - wcpu0) / 1e9, String.join("\",\"", shas));
    }

    /** Bytes downloaded and their SHA-256. */
    record Result(long bytes, String sha256) {
    }

    /**
     * GETs {@code url} (its first {@code limit} bytes at most, by a Range request when {@code limit}
     * is finite) into {@code file}, hashing on a second thread.
     */
    static Result download(URI url, Path file, long limit, boolean durable) throws Exception {
        try (SocketChannel socket = SocketChannel.open(new InetSocketAddress(url.getHost(), url.getPort()));
                FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
            String range = limit == Long.MAX_VALUE ? "" : "Range: bytes=0-" + (limit - 1) + "\r\n";
            socket.write(ByteBuffer.wrap(("GET " + url.getRawPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":"
                    + url.getPort() + "\r\n" + range + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
            BlockingQueue<ByteBuffer> free = new ArrayBlockingQueue<>(BUFFERS);
            BlockingQueue<ByteBuffer> full = new ArrayBlockingQueue<>(BUFFERS + 1);
            for (int i = 0; i < BUFFERS; i++) {
                free.add(ByteBuffer.allocateDirect(BUFFER_BYTES));
            }
            ByteBuffer first = free.take();
            long length = readHead(socket, first);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Thread hasher = new Thread(() -> hash(digest, full, free), "floor-sha256");
            hasher.start();
            AtomicBoolean flushing = new AtomicBoolean();
            long written = 0;
            long flushedAt = 0;
            ByteBuffer buf = first;
            try {
                while (written < length) {
                    if (buf == null) {
                        buf = free.take();
                    }
                    while (buf.hasRemaining() && written + buf.position() < length && socket.read(buf) >= 0) {
                        // fill the buffer: one write and one hand-off per BUFFER_BYTES
                    }
                    if (buf.position() == 0) {
                        throw new IOException("connection closed after " + written + " of " + length + " bytes");
                    }
                    buf.flip();
                    if (written + buf.limit() > length) {
                        throw new IOException("more than the announced " + length + " bytes");
                    }
                    while (buf.hasRemaining()) {
                        out.write(buf, written + buf.position());
                    }
                    written += buf.limit();
                    buf.rewind();
                    full.put(buf);
                    buf = null;
                    if (durable && written - flushedAt >= WRITEBACK_STEP && writeBack(out, flushing)) {
                        flushedAt = written;
                    }
                }
            } finally {
                full.put(END);
                hasher.join();
            }
            if (durable) {
                out.force(true);
            }
            return new Result(written, HexFormat.of().formatHex(digest.digest()));
        }
    }

    /** Reads the status line and headers into {@code buf}, leaving only body bytes in it; the body's length. */
    private static long readHead(SocketChannel socket, ByteBuffer buf) throws IOException {
        while (true) {
            if (socket.read(buf) < 0) {
                throw new IOException("connection closed in the response head");
            }
            int end = headEnd(buf);
            if (end < 0) {
                if (!buf.hasRemaining()) {
                    throw new IOException("response head too long");
                }
                continue;
            }
            byte[] seen = new byte[end];
            buf.get(0, seen);
            String head = new String(seen, StandardCharsets.US_ASCII);
            String status = head.substring(0, head.indexOf("\r\n"));
            if (!status.matches("HTTP/1\\.1 20[06] .*")) {
                throw new IOException("status " + status);
            }
            long length = -1;
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Long.parseLong(line.substring(15).trim());
                }
            }
            if (length < 0) {
                throw new IOException("no Content-Length");
            }
            buf.flip().position(end);
            buf.compact();
            return length;
        }
    }

    /** The index just past {@code \r\n\r\n} in {@code buf}'s bytes so far, or -1. */
    private static int headEnd(ByteBuffer buf) {
        for (int i = 3; i < buf.position(); i++) {
            if (buf.get(i - 3) == '\r' && buf.get(i - 2) == '\n' && buf.get(i - 1) == '\r' && buf.get(i) == '\n') {
                return i + 1;
            }
        }
        return -1;
    }

    private static void hash(MessageDigest digest, BlockingQueue<ByteBuffer> full, BlockingQueue<ByteBuffer> free) {
        try {
            for (ByteBuffer b = full.take(); b != END; b = full.take()) {
                digest.update(b);
                b.clear();
                free.put(b);
            }
            ThreadCpu.ending();    // with --threads, counted although it ends
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts one {@code fdatasync} of {@code out} on the writeback thread unless one is running
     * ({@code flushing}); {@code true} when it started one.
     */
    static boolean writeBack(FileChannel out, AtomicBoolean flushing) {
        if (!flushing.compareAndSet(false, true)) {
            return false;
        }
        FLUSHER.execute(() -> flush(out, flushing));
        return true;
    }

    private static void flush(FileChannel out, AtomicBoolean flushing) {
        try {
            out.force(false);
        } catch (IOException ignored) {
            // closed: the final fsync reports real failures
        } finally {
            flushing.set(false);
        }
    }

    /** A size field of {@code /proc/self/status} ({@code VmHWM} is the peak resident set), KiB; -1 elsewhere. */
    static long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
