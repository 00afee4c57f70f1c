package io.camrig.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.camrig.http.model.MediaFile;
import io.camrig.http.model.MediaList;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.util.ReferenceCountUtil;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;

/**
 * HTTP client for one camera (Open GoPro HTTP API 2.0) on Reactor Netty's {@link HttpClient}:
 * typed endpoints for the media list, the camera state, keep-alive, and streamed, verified
 * media downloads.
 *
 * <p>Created from the camera's base URI, for example {@code http://10.5.5.9:8080} on the camera's
 * access point. User info in the URI ({@code http://user:password@host}) is sent as HTTP Basic
 * authorization and never appears in errors, whose camera label is {@code scheme://host:port}.
 *
 * <p>Nothing happens until a returned publisher is subscribed; each subscription sends a new
 * request. Errors are typed: {@link HttpTransportException} (transient), {@link
 * HttpStatusException} (4xx), {@link MediaFormatException} (bad JSON), {@link
 * DownloadVerificationException} and {@link DownloadStorageException} (downloads). Nothing is
 * retried here; the engine decides. Thread-safe; keeps no per-request state. It uses Reactor
 * Netty's shared connection pool and event loops, so there is nothing to close.
 */
public final class CameraHttpClient {
    static final String MEDIA_LIST = "/gopro/media/list";
    static final String STATE = "/gopro/camera/state";
    static final String KEEP_ALIVE = "/gopro/camera/keep_alive";
    static final String DOWNLOAD_PREFIX = "/videos/DCIM/";
    private static final int DOWNLOAD_PREFETCH = 8;

    private final URI baseUri;
    private final HttpOptions options;
    private final HttpErrors errors;
    private final HttpClient http;

    /**
     * Creates a client; opens no connection.
     *
     * @param baseUri {@code http} or {@code https} URI of the camera, for example {@code
     *     http://10.5.5.9:8080}; its path, query and fragment are ignored
     * @param options timeouts and progress step
     * @throws IllegalArgumentException when the URI has no host or another scheme
     */
    public CameraHttpClient(URI baseUri, HttpOptions options) {
        Objects.requireNonNull(baseUri, "baseUri");
        this.options = Objects.requireNonNull(options, "options");
        String scheme = baseUri.getScheme();
        if (baseUri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
            throw new IllegalArgumentException("base URI must be http(s)://host[:port], was "
                    + HttpErrors.label(baseUri));
        }
        String label = HttpErrors.label(baseUri);
        this.baseUri = URI.create(label);
        this.errors = new HttpErrors(label, options);
        String userInfo = baseUri.getRawUserInfo();
        HttpClient client = HttpClient.create()
                .baseUrl(label)
                .responseTimeout(options.responseTimeout())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) options.connectTimeout().toMillis());
        if (userInfo != null) {
            String token = Base64.getEncoder().encodeToString(
                    baseUri.getUserInfo().getBytes(StandardCharsets.UTF_8));
            client = client.headers(h -> h.set(HttpHeaderNames.AUTHORIZATION, "Basic " + token));
        }
        this.http = client;
    }

    /** A client with {@link HttpOptions#defaults()}. */
    public static CameraHttpClient create(URI baseUri) {
        return new CameraHttpClient(baseUri, HttpOptions.defaults());
    }

    /** The camera's base URI as {@code scheme://host:port}, without credentials. */
    public URI baseUri() {
        return baseUri;
    }

    /** This client's options. */
    public HttpOptions options() {
        return options;
    }

    /**
     * {@code GET /gopro/media/list} ({@code OGP_MEDIA_LIST}): every file on the SD card.
     *
     * @return the decoded list; errors: {@link HttpTransportException}, {@link
     *     HttpStatusException}, {@link MediaFormatException} (see {@link MediaListDecoder})
     */
    public Mono<MediaList> mediaList() {
        return getBody(MEDIA_LIST).map(body -> MediaListDecoder.decode(body, errors.camera()));
    }

    /**
     * {@code GET /gopro/camera/state} ({@code OGP_GET_STATE}): all settings and statuses, as
     * {@code {"status": {"<id>": value…}, "settings": {"<id>": value…}}} keyed by decimal id.
     *
     * @return the JSON tree; errors as {@link #mediaList()}, {@link MediaFormatException} when
     *     either object is missing
     */
    public Mono<JsonNode> state() {
        String op = operation(STATE);
        return getBody(STATE).map(body ->
                JsonBodies.requireState(JsonBodies.readTree(body, errors.camera(), op), errors.camera(), op));
    }

    /**
     * {@code GET /gopro/camera/keep_alive} ({@code OGP_KEEP_ALIVE}): resets the camera's sleep
     * timer. The spec advises one every 3 s; scheduling them is the engine's job.
     *
     * @return completes when the camera answered 2xx; errors: {@link HttpTransportException},
     *     {@link HttpStatusException}
     */
    public Mono<Void> keepAlive() {
        return getBody(KEEP_ALIVE).then();
    }

    /**
     * Downloads a listed file into {@code targetDir} under its own name; as {@link
     * #download(String, String, long, Path)} with the file's directory, name and size.
     */
    public Flux<DownloadProgress> download(MediaFile file, Path targetDir) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(targetDir, "targetDir");
        return download(file.directory(), file.name(), file.size(), targetDir.resolve(file.name()));
    }

    /**
     * {@code GET /videos/DCIM/{directory}/{filename}} ({@code OGP_DOWNLOAD_MEDIA}), streamed to
     * disk: each received chunk is written on a bounded-elastic thread to a temporary file beside
     * {@code target}, never held whole in memory. When the body ends and exactly {@code
     * expectedSize} bytes arrived, the file is flushed and renamed to {@code target} with {@code
     * ATOMIC_MOVE} (replacing an existing file); otherwise, and on cancellation, the temporary
     * file is deleted and {@code target} is left untouched.
     *
     * @param directory directory on the card, for example {@code 100GOPRO}
     * @param filename file name, for example {@code GX010001.MP4}
     * @param expectedSize the size announced by the media list, in bytes
     * @param target the final path; missing parent directories are created
     * @return progress at most every {@link HttpOptions#progressStepBytes()} bytes, then one
     *     {@linkplain DownloadProgress#complete() complete} item once the file is in place. Errors:
     *     {@link HttpTransportException} (refused, timed out, cut short, 5xx), {@link
     *     HttpStatusException} (404 …), {@link DownloadVerificationException} (size differs),
     *     {@link DownloadStorageException} (local disk)
     * @throws IllegalArgumentException when a name is not a single path segment or the size is
     *     negative
     */
    public Flux<DownloadProgress> download(String directory, String filename, long expectedSize, Path target) {
        // The record's constructor checks that both names are single path segments and the size >= 0.
        MediaFile checked = new MediaFile(directory, filename, expectedSize, Instant.EPOCH, Instant.EPOCH);
        Objects.requireNonNull(target, "target");
        String path = DOWNLOAD_PREFIX + checked.directory() + "/" + checked.name();
        String op = operation(path);
        return Flux.usingWhen(
                        Mono.fromCallable(() -> PartFile.create(target, expectedSize,
                                options.progressStepBytes(), errors.camera(), op))
                                .subscribeOn(Schedulers.boundedElastic()),
                        part -> transfer(path, part, op).concatWith(
                                Mono.fromCallable(part::commit).subscribeOn(Schedulers.boundedElastic())),
                        part -> Mono.fromRunnable(part::abort),
                        (part, error) -> Mono.fromRunnable(part::abort),
                        part -> Mono.fromRunnable(part::abort))
                .onErrorMap(e -> errors.translate(e, op));
    }

    /** Streams the body of one download request into {@code part}. */
    private Flux<DownloadProgress> transfer(String path, PartFile part, String op) {
        // Resume will set "Range: bytes=<part.written()>-" here and accept 206 with Content-Range.
        return http.get().uri(path).response((response, body) -> {
            int code = response.status().code();
            if (code != 200) {
                return body.then(Mono.error(errors.status(code, response.status().reasonPhrase(), op)));
            }
            long declared = contentLength(response);
            long remaining = part.remaining();
            if (declared >= 0 && declared != remaining) {
                return Mono.error(new DownloadVerificationException("Content-Length " + declared
                        + " differs from the announced " + remaining + " bytes",
                        errors.camera(), op, remaining, declared));
            }
            return write(body, part);
        });
    }

    private static Flux<DownloadProgress> write(ByteBufFlux body, PartFile part) {
        return body.retain()
                .publishOn(Schedulers.boundedElastic(), DOWNLOAD_PREFETCH)
                .<DownloadProgress>handle((chunk, sink) -> {
                    try {
                        part.write(chunk).ifPresent(sink::next);
                    } finally {
                        chunk.release();
                    }
                })
                .doOnDiscard(ByteBuf.class, ReferenceCountUtil::safeRelease);
    }

    private Mono<byte[]> getBody(String path) {
        String op = operation(path);
        return http.get().uri(path)
                .responseSingle((response, body) -> {
                    int code = response.status().code();
                    if (code / 100 == 2) {
                        return body.asByteArray().defaultIfEmpty(new byte[0]);
                    }
                    return body.then(Mono.error(errors.status(code, response.status().reasonPhrase(), op)));
                })
                .onErrorMap(e -> errors.translate(e, op));
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

    private static String operation(String path) {
        return "GET " + path;
    }

    @Override
    public String toString() {
        return "CameraHttpClient[" + baseUri + "]";
    }
}
