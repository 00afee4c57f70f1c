package io.camrig.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A client of {@code camrig bench offload}: camrig's download work on the JDK's own {@link
 * HttpClient} (HTTP/1.1), JDK only like {@link OffloadFloorClient}, so its CPU and RSS show what the
 * JDK client costs over the floor's raw socket. A {@link HttpResponse.BodySubscriber} writes each
 * received buffer to the file with one positional write and runs SHA-256 over it, inline (on the
 * thread that delivers the body) or, with {@code --hash thread}, on a second thread; every 16 MiB
 * one {@code fdatasync} starts and the file is {@code fsync}ed at the end. The JDK client reads
 * the socket in buffers of {@code jdk.httpclient.bufsize} bytes (default 16 KiB); {@code main}
 * sets it to {@code --bufsize} (default 256 KiB) unless the JVM was given one.
 *
 * <p>Usage: {@code java OPTS -cp JAR io.camrig.cli.bench.OffloadJdkClient --to DIR
 * [--warm-up-bytes N] [--hash inline|thread] [--bufsize BYTES] URL...}; prints the JSON line of
 * {@link OffloadFloorClient}. Exit 0, or 1 with the error on stderr.
 */
public final class OffloadJdkClient {
    static final String BUFSIZE = "jdk.httpclient.bufsize";
    /** How long a download may stand still before the client gives up on it. */
    static final Duration STALL = Duration.ofSeconds(20);
    private static final ByteBuffer END = ByteBuffer.allocate(0);

    private final HttpClient client;
    private final boolean hashThread;

    OffloadJdkClient(boolean hashThread) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.hashThread = hashThread;
    }

    /** Runs the downloads the arguments name and prints the JSON line; exit 1 on an I/O error, 2 on a usage error. */
    public static void main(String[] args) throws Exception {
        Path to = null;
        long warmUp = 0;
        boolean thread = false;
        String bufsize = "262144";
        List<URI> urls = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--to" -> to = Path.of(args[++i]);
                case "--warm-up-bytes" -> warmUp = Long.parseLong(args[++i]);
                case "--hash" -> thread = "thread".equals(args[++i]);
                case "--bufsize" -> bufsize = args[++i];
                default -> urls.add(URI.create(args[i]));
            }
        }
        if (to == null || urls.isEmpty()) {
            System.err.println("usage: OffloadJdkClient --to DIR [--warm-up-bytes N] [--hash inline|thread] [--bufsize N] URL...");
            System.exit(2);
        }
        // an error that kills one of the JDK client's threads (an OutOfMemoryError under -Xmx16m) is reported, not silent
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> System.err.println("jdk client: " + t.getName() + ": " + e));
        if (System.getProperty(BUFSIZE) == null) {
            System.setProperty(BUFSIZE, bufsize);
        }
        try {
            System.out.println(OffloadFloorClient.run(to, warmUp, urls, new OffloadJdkClient(thread)::download));
        } catch (Exception | Error e) {
            System.err.println("jdk client: " + (e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e));
            System.exit(1);
        }
    }

    /** GETs {@code url} (a Range prefix of {@code limit} bytes when finite) into {@code file}; see {@link OffloadFloorClient.Download}. */
    OffloadFloorClient.Result download(URI url, Path file, long limit, boolean durable) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET();
        if (limit != Long.MAX_VALUE) {
            request.header("Range", "bytes=0-" + (limit - 1));
        }
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            FileSink[] sink = {null};
            CompletableFuture<HttpResponse<OffloadFloorClient.Result>> response = client.sendAsync(request.build(), info -> {
                if (info.statusCode() != 200 && info.statusCode() != 206) {
                    return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.discarding(), v -> {
                        throw new UncheckedIOException(new IOException("status " + info.statusCode()));
                    });
                }
                sink[0] = new FileSink(out, durable, hashThread);
                return sink[0];
            });
            // a watchdog: a download that stops moving for STALL fails with where it stopped, never hangs the bench
            long seen = -1;
            while (true) {
                try {
                    return response.get(STALL.toMillis(), TimeUnit.MILLISECONDS).body();
                } catch (TimeoutException e) {
                    long now = sink[0] == null ? 0 : sink[0].written;
                    if (now == seen) {
                        response.cancel(true);
                        throw new IOException("stalled at " + now + " bytes for " + STALL.toSeconds() + " s");
                    }
                    seen = now;
                } catch (ExecutionException e) {
                    Throwable c = e.getCause() instanceof UncheckedIOException u ? u.getCause() : e.getCause();
                    if (c instanceof IOException io && io.getCause() instanceof UncheckedIOException u) {
                        c = u.getCause();
                    }
                    throw c instanceof Exception x ? x : new IOException(c);
                }
            }
        }
    }

    /** Writes each buffer at its offset and hashes it; completes with the byte count and digest. */
    private static final class FileSink implements HttpResponse.BodySubscriber<OffloadFloorClient.Result> {
        private final FileChannel out;
        private final boolean durable;
        private final MessageDigest digest;
        private final CompletableFuture<OffloadFloorClient.Result> result = new CompletableFuture<>();
        private final AtomicBoolean flushing = new AtomicBoolean();
        private final BlockingQueue<ByteBuffer> toHash;
        private final Thread hasher;
        private Flow.Subscription subscription;
        private volatile long written;
        private long flushedAt;

        FileSink(FileChannel out, boolean durable, boolean hashThread) {
            this.out = out;
            this.durable = durable;
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            this.toHash = hashThread ? new ArrayBlockingQueue<>(3) : null;
            this.hasher = hashThread ? new Thread(this::hashLoop, "jdk-sha256") : null;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (hasher != null) {
                hasher.start();
            }
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            try {
                for (ByteBuffer b : buffers) {
                    int n = b.remaining();
                    ByteBuffer w = b.duplicate();
                    long at = written;
                    while (w.hasRemaining()) {
                        at += out.write(w, at);
                    }
                    if (toHash != null) {
                        toHash.put(b);
                    } else {
                        digest.update(b);
                    }
                    written += n;
                }
                if (durable && written - flushedAt >= OffloadFloorClient.WRITEBACK_STEP
                        && OffloadFloorClient.writeBack(out, flushing)) {
                    flushedAt = written;
                }
                subscription.request(1);
            } catch (IOException | InterruptedException e) {
                subscription.cancel();
                stopHasher();
                result.completeExceptionally(e);
            }
        }

        @Override
        public void onError(Throwable t) {
            stopHasher();
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            try {
                stopHasher();
                if (durable) {
                    out.force(true);
                }
                result.complete(new OffloadFloorClient.Result(written, HexFormat.of().formatHex(digest.digest())));
            } catch (IOException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        }

        @Override
        public CompletionStage<OffloadFloorClient.Result> getBody() {
            return result;
        }

        private void hashLoop() {
            try {
                for (ByteBuffer b = toHash.take(); b != END; b = toHash.take()) {
                    digest.update(b);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void stopHasher() {
            if (hasher == null || !hasher.isAlive()) {
                return;
            }
            try {
                toHash.put(END);
                hasher.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the hasher drains", e);
            }
        }
    }
}
