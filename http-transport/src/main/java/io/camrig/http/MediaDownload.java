package io.camrig.http;

import io.camrig.http.model.MediaFile;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.ByteBufFlux;
import reactor.netty.Connection;
import reactor.netty.channel.ChannelOperations;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.util.retry.Retry;

/**
 * One media download ({@code GET /videos/DCIM/{directory}/{filename}}, {@code
 * OGP_DOWNLOAD_MEDIA}): streamed into a {@link PartFile} (each Netty buffer written to the file
 * channel on the connection's event loop, then hashed in order on a hashing thread, no copy, the
 * socket's reads paused while the hash is behind: {@link HashingStage}),
 * resumed with {@code Range: bytes=n-} after a transient failure, verified against the announced
 * size, placed under its name without replacing another file.
 *
 * <p>A file whose size the media list does not give (a group member's, {@link
 * io.camrig.http.model.MediaFile#SIZE_NOT_LISTED}) takes it from the response: the {@code
 * Content-Length} of a {@code 200} (none: {@link DownloadVerificationException}), the total of a
 * resume's {@code Content-Range}; the body is then checked against it as against a listed size.
 * A {@code 416} whose total equals the partial file's length means that file already holds every
 * byte: it is placed.
 *
 * <p>A resume accepts {@code 206 Partial Content} whose {@code Content-Range} starts exactly at
 * the bytes already written and names the announced total; a {@code 200} (the camera ignored the
 * range) starts the file over; a {@code 416} to a resume (the camera's file is shorter than the
 * partial one) is a {@link DownloadVerificationException} that drops the partial file. How often and how soon it resumes is set by {@link
 * HttpOptions#downloadResumes()} and {@link HttpOptions#resumeBackoff()}; the overall deadline
 * and minimum rate by {@link DownloadOptions}. The partial file is kept on cancellation, after
 * exhausted resumes, a deadline or a too-slow link (a later download resumes it), and deleted
 * only when its content is known wrong (size or range mismatch).
 */
public final class MediaDownload {
    static final String PREFIX = "/videos/DCIM/";

    private final HttpExchange http;
    private final String path;
    private final String op;
    private final long expected;    // MediaFile.SIZE_NOT_LISTED: learned from the response
    private final Path target;
    private final DownloadOptions options;

    private MediaDownload(HttpExchange http, MediaFile file, Path target, DownloadOptions options) {
        this.http = http;
        this.path = PREFIX + file.directory() + "/" + file.name();
        this.op = "GET " + path;
        this.expected = file.size();
        this.target = target;
        this.options = options;
    }

    /**
     * Downloads {@code directory/filename} over {@code http} to {@code target}; what {@link
     * io.camrig.http.client.CameraHttpClient#download(String, String, long, Path, DownloadOptions)}
     * runs, described there (progress, resumes, errors).
     */
    public static Flux<DownloadProgress> start(HttpExchange http, String directory, String filename, long expectedSize,
            Path target, DownloadOptions options) {
        // The record's constructor checks that both names are single path segments and the size >= 0.
        MediaFile checked = new MediaFile(directory, filename, expectedSize, Instant.EPOCH, Instant.EPOCH);
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(options, "options");
        return new MediaDownload(http, checked, target, options).run();
    }

    private Flux<DownloadProgress> run() {
        HttpErrors errors = http.errors();
        Flux<DownloadProgress> download = Flux.usingWhen(
                        openOffLoop(PartFile.class, () -> PartFile.open(target, expected,
                                http.options().progressStepBytes(), errors.camera(), op, options, System::nanoTime),
                                PartFile::close),
                        part -> attempts(part).concatWith(offLoop(part::commit)),
                        part -> Mono.fromRunnable(part::close),
                        (part, error) -> Mono.fromRunnable(() -> {
                            if (error instanceof DownloadVerificationException) {
                                part.discard();
                            } else {
                                part.close();
                            }
                        }),
                        part -> Mono.fromRunnable(part::close))
                .onErrorMap(e -> errors.translate(e, op));
        return options.hasDeadline() ? withDeadline(download) : download;
    }

    /**
     * {@code open} run on a bounded-elastic thread (it does blocking file I/O). When the download
     * is cancelled while {@code open} runs (a service or node closing in the first moments of a
     * download), {@code usingWhen} never receives what it returns: {@code closeLate} closes it
     * then, so no partial file is left open (it stays on disk, resumable). The cancel also
     * interrupts {@code open}'s thread: hashing a large partial file on an interruptible channel then
     * fails ({@code ClosedByInterruptException}) with nobody left to tell; that failure ends here,
     * quietly, rather than as an error Reactor would log after a Ctrl-C (nothing was written: the
     * file stays as it was, resumable).
     */
    static <T> Mono<T> openOffLoop(Class<T> type, Callable<T> open, Consumer<? super T> closeLate) {
        AtomicBoolean cancelled = new AtomicBoolean();
        // The hook sits on the callable itself: it drops what it made after a cancel (Reactor's
        // discard), and a hook below subscribeOn would not see that drop.
        return Mono.fromCallable(quietAfterCancel(open, cancelled)).doOnDiscard(type, closeLate)
                .subscribeOn(Schedulers.boundedElastic())
                .doOnCancel(() -> cancelled.set(true));
    }

    /**
     * {@code work} (blocking file I/O) on a bounded-elastic thread; when a cancel interrupts it
     * (an {@code fsync} of the complete partial file, say), its failure ends quietly: the partial
     * file is left as it was, complete or resumable, for the next download.
     */
    static <T> Mono<T> offLoop(Callable<T> work) {
        AtomicBoolean cancelled = new AtomicBoolean();
        return Mono.fromCallable(quietAfterCancel(work, cancelled)).subscribeOn(Schedulers.boundedElastic())
                .doOnCancel(() -> cancelled.set(true));
    }

    /**
     * Caught in the callable itself: Reactor's {@code fromCallable} drops (and logs at ERROR) an
     * error raised after a cancel before any operator below it could see it.
     */
    private static <T> Callable<T> quietAfterCancel(Callable<T> work, AtomicBoolean cancelled) {
        return () -> {
            try {
                return work.call();
            } catch (Exception e) {
                if (cancelled.get()) {
                    return null;    // an empty result: nobody waits for it any more
                }
                throw e;
            }
        };
    }

    /** Cancels the download (keeping its partial file) and fails when the deadline passes first. */
    private Flux<DownloadProgress> withDeadline(Flux<DownloadProgress> download) {
        AtomicBoolean complete = new AtomicBoolean();
        long[] last = {0};
        return download
                .doOnNext(p -> {
                    last[0] = p.bytesDone();
                    if (p.complete()) {
                        complete.set(true);
                    }
                })
                .takeUntilOther(Mono.delay(options.deadline()))
                .concatWith(Mono.defer(() -> complete.get() ? Mono.empty()
                        : Mono.error(new DownloadDeadlineException(http.camera(), op, options.deadline().toMillis(),
                                last[0]))));
    }

    /** The first request, then resumes while failures are transient and the policy allows. */
    private Flux<DownloadProgress> attempts(PartFile part) {
        long[] lastWritten = {part.written()};
        int[] streak = {0};
        boolean[] first = {true};
        Flux<DownloadProgress> attempt = Flux.defer(() -> {
            boolean initial = first[0];
            first[0] = false;
            if (!initial && part.remaining() == 0) {
                return Flux.empty();    // every byte arrived before the failure
            }
            if (initial && part.remaining() == 0 && part.expected() > 0) {
                return Flux.empty();    // an earlier run left the whole file in the partial one
            }
            part.startWindow();
            return transfer(part).onErrorMap(e -> http.errors().translate(e, op));
        });
        return attempt.retryWhen(Retry.from(signals -> signals.concatMap(signal -> {
            Throwable error = signal.failure();
            if (!(error instanceof HttpTransportException)) {
                return Mono.error(error);
            }
            long now = part.written();
            if (now > lastWritten[0]) {
                lastWritten[0] = now;
                streak[0] = 0;
            }
            streak[0]++;
            if (streak[0] > http.options().downloadResumes()) {
                return Mono.error(error);
            }
            return Mono.delay(http.options().backoff(streak[0] - 1));
        })));
    }

    /** One request, from {@code part.written()} on, streamed into {@code part}. */
    private Flux<DownloadProgress> transfer(PartFile part) {
        long from = part.written();
        HttpClient client = from == 0 ? http.downloadClient()
                : http.downloadClient().headers(h -> h.set(HttpHeaderNames.RANGE, "bytes=" + from + "-"));
        return client.get().uri(path).responseConnection((response, connection) ->
                Flux.from(receive(response, connection, part, from)).doFinally(signal -> discardUnread(connection)));
    }

    /**
     * Checks the response's status and ranges, then streams its body into {@code part} ({@link
     * HashingStage}, which needs the connection's channel to pause its reads).
     */
    private Publisher<DownloadProgress> receive(HttpClientResponse response, Connection connection, PartFile part,
            long from) {
        ByteBufFlux body = connection.inbound().receive();
        int code = response.status().code();
        if (code == 206) {
            String range = response.responseHeaders().get(HttpHeaderNames.CONTENT_RANGE);
            long[] r = contentRange(range);
            if (r != null && r[0] == from && part.expected() < 0) {
                try {
                    part.learn(r[2]);   // a size the list does not give: the range's total
                } catch (DownloadVerificationException e) {
                    return Mono.error(e);
                }
            }
            long total = part.expected();
            if (r == null || r[0] != from || r[2] != total) {
                return Mono.error(new DownloadVerificationException("Content-Range '" + range
                        + "' does not continue at byte " + from + " of " + total,
                        http.camera(), op, total, r == null ? -1 : r[2]));
            }
        } else if (code == 200) {
            if (from > 0) {
                part.restart();     // the camera ignored the range: the whole file follows
            }
            if (part.expected() < 0) {
                long declared = contentLength(response);
                if (declared < 0) {
                    return Mono.error(new DownloadVerificationException("no Content-Length: the size of a file the "
                            + "media list does not give cannot be checked", http.camera(), op, -1, -1));
                }
                part.learn(declared);   // a size the list does not give (a group member's): the response's
            }
        } else if (code == 416 && from > 0) {
            // The camera holds fewer bytes than the partial file: that file is not a start of the
            // camera's, and keeping it would refuse every later resume the same way.
            long[] r = contentRange(response.responseHeaders().get(HttpHeaderNames.CONTENT_RANGE));
            long total = r != null ? r[2] : unsatisfiedTotal(response.responseHeaders().get(HttpHeaderNames.CONTENT_RANGE));
            if (part.expected() < 0 && total == from) {
                // A file of unlisted size whose partial file already holds every byte (a run ended
                // before placing it): nothing is left to fetch; commit checks it.
                part.learn(total);
                return body.then(Mono.empty());
            }
            long expected = part.expected();
            return body.then(Mono.error(new DownloadVerificationException("camera refused the range from byte " + from
                    + " (HTTP 416): its file" + (total >= 0 ? " holds " + total + " bytes," : "")
                    + " not the " + (expected < 0 ? "partial file's " + from : "announced " + expected)
                    + "; the partial file is dropped", http.camera(), op, expected, total)));
        } else {
            return body.then(Mono.error(http.errors().status(code, response.status().reasonPhrase(), op)));
        }
        long declared = contentLength(response);
        long remaining = part.remaining();
        if (declared >= 0 && declared != remaining) {
            return Mono.error(new DownloadVerificationException("Content-Length " + declared
                    + " differs from the " + remaining + " bytes still expected",
                    http.camera(), op, remaining, declared));
        }
        return HashingStage.stream(body, part, ReadGate.of(connection.channel()));
    }

    /**
     * What Reactor Netty's {@code response(...)} does when its handler ends: a body not read to
     * its end (refused, failed, cancelled) is dropped, which closes the connection instead of
     * handing it back to the pool with bytes still on the wire.
     */
    private static void discardUnread(Connection connection) {
        if (connection instanceof ChannelOperations<?, ?> operations && !operations.isInboundDisposed()) {
            operations.discard();
        }
    }

    /** {@code bytes a-b/total} as {@code {a, b, total}}, or {@code null} when malformed. */
    static long[] contentRange(String header) {
        if (header == null || !header.trim().startsWith("bytes ")) {
            return null;
        }
        String v = header.trim().substring(6).trim();
        int dash = v.indexOf('-');
        int slash = v.indexOf('/');
        if (dash < 0 || slash < dash) {
            return null;
        }
        try {
            return new long[] {Long.parseLong(v.substring(0, dash).trim()),
                Long.parseLong(v.substring(dash + 1, slash).trim()), Long.parseLong(v.substring(slash + 1).trim())};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The total of a 416's {@code Content-Range} ({@code bytes}, a star, a slash, the total), or -1. */
    static long unsatisfiedTotal(String header) {
        if (header == null || !header.trim().startsWith("bytes */")) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim().substring("bytes */".length()).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long contentLength(HttpClientResponse response) {
        String value = response.responseHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
