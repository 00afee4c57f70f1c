package io.camrig.http.client;

import io.camrig.http.DownloadDeadlineException;
import io.camrig.http.DownloadOptions;
import io.camrig.http.DownloadProgress;
import io.camrig.http.DownloadResult;
import io.camrig.http.DownloadStorageException;
import io.camrig.http.DownloadTargetExistsException;
import io.camrig.http.DownloadTooSlowException;
import io.camrig.http.DownloadVerificationException;
import io.camrig.http.ExistingFilePolicy;
import io.camrig.http.HttpExchange;
import io.camrig.http.HttpOptions;
import io.camrig.http.HttpStatusException;
import io.camrig.http.HttpTlsException;
import io.camrig.http.HttpTransportException;
import io.camrig.http.MediaDownload;
import io.camrig.http.MediaFormatException;
import io.camrig.http.SettingRejectedException;
import io.camrig.http.address.CameraAddress;
import io.camrig.http.api.CohnApi;
import io.camrig.http.api.ControlApi;
import io.camrig.http.api.FirmwareApi;
import io.camrig.http.api.MediaApi;
import io.camrig.http.api.PresetsApi;
import io.camrig.http.api.QueryApi;
import io.camrig.http.api.SettingsApi;
import io.camrig.http.api.StreamApi;
import io.camrig.http.api.WebcamApi;
import io.camrig.http.model.CameraState;
import io.camrig.http.model.MediaFile;
import io.camrig.http.model.MediaList;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * HTTP client for one camera (Open GoPro HTTP API 2.0) on Reactor Netty's {@code HttpClient}:
 * every operation of the spec's {@code openapi.json}, grouped by tag ({@link #control()}, {@link
 * #query()}, {@link #media()}, {@link #presets()}, {@link #settings()}, {@link #streams()}, {@link
 * #webcam()}, {@link #cohn()}, {@link #firmware()}), and streamed, resumed, verified media
 * downloads ({@link #download}).
 *
 * <p>Created from a {@link CameraAddress}: the Wi-Fi AP ({@code http://10.5.5.9:8080}), USB
 * ({@code http://172.2X.1YZ.51:8080}), COHN ({@code https://<ip>} with Basic auth and trust in
 * the camera's root CA only) or any base URI. User info in a URI ({@code
 * http://user:password@host}) is refused, and Basic credentials are sent over {@code https} only
 * (see {@link CameraAddress}); they never appear in errors, whose camera label is {@code
 * scheme://host:port}.
 *
 * <p>Nothing happens until a returned publisher is subscribed; each subscription sends a new
 * request. Errors are typed: {@link HttpTransportException} (transient), {@link
 * HttpStatusException} (4xx, 501), {@link SettingRejectedException} (403 to a setting), {@link
 * HttpTlsException} (certificate refused), {@link MediaFormatException} (bad JSON), {@link
 * DownloadVerificationException}, {@link DownloadTooSlowException}, {@link DownloadDeadlineException},
 * {@link DownloadTargetExistsException} and {@link DownloadStorageException} (downloads). Only downloads
 * resume by themselves; other retries are the engine's call. Thread-safe; keeps no per-request
 * state. It uses Reactor Netty's shared connection pool and event loops: nothing to close.
 */
public final class CameraHttpClient {
    private final HttpExchange exchange;
    private final ControlApi control;
    private final QueryApi query;
    private final MediaApi media;
    private final PresetsApi presets;
    private final SettingsApi settings;
    private final StreamApi streams;
    private final WebcamApi webcam;
    private final CohnApi cohn;
    private final FirmwareApi firmware;

    /**
     * Creates a client; opens no connection.
     *
     * @param address where the camera is and how to authenticate and trust it
     * @param options timeouts, progress step and download resumes
     */
    public CameraHttpClient(CameraAddress address, HttpOptions options) {
        this.exchange = new HttpExchange(Objects.requireNonNull(address, "address"),
                Objects.requireNonNull(options, "options"));
        this.control = new ControlApi(exchange);
        this.query = new QueryApi(exchange);
        this.media = new MediaApi(exchange);
        this.presets = new PresetsApi(exchange);
        this.settings = new SettingsApi(exchange);
        this.streams = new StreamApi(exchange);
        this.webcam = new WebcamApi(exchange);
        this.cohn = new CohnApi(exchange);
        this.firmware = new FirmwareApi(exchange);
    }

    /**
     * Creates a client for a base URI ({@link CameraAddress#of(URI)}); opens no connection.
     *
     * @param baseUri {@code http} or {@code https} URI of the camera, for example {@code
     *     http://10.5.5.9:8080}; its path, query and fragment are ignored
     * @throws IllegalArgumentException when the URI has no host or another scheme
     */
    public CameraHttpClient(URI baseUri, HttpOptions options) {
        this(CameraAddress.of(baseUri), options);
    }

    /** A client with {@link HttpOptions#defaults()}. */
    public static CameraHttpClient create(URI baseUri) {
        return new CameraHttpClient(baseUri, HttpOptions.defaults());
    }

    /** A client with {@link HttpOptions#defaults()}. */
    public static CameraHttpClient create(CameraAddress address) {
        return new CameraHttpClient(address, HttpOptions.defaults());
    }

    /** The camera's base URI as {@code scheme://host:port}, without credentials. */
    public URI baseUri() {
        return exchange.address().baseUri();
    }

    /** The address this client talks to. */
    public CameraAddress address() {
        return exchange.address();
    }

    /** This client's options. */
    public HttpOptions options() {
        return exchange.options();
    }

    /** The raw request layer, for endpoints the typed groups do not cover. */
    public HttpExchange exchange() {
        return exchange;
    }

    /** Keep-alive, shutter, control, USB, zoom, clock, name, turbo transfer, Labs, sleep, reset. */
    public ControlApi control() {
        return control;
    }

    /** State, info, clock, name, Open GoPro version. */
    public QueryApi query() {
        return query;
    }

    /** Media list, metadata, GPMF, thumbnails, last captured, deletions, hilights. */
    public MediaApi media() {
        return media;
    }

    /** Presets: list, load, group, visibility, custom update. */
    public PresetsApi presets() {
        return presets;
    }

    /** Settings: set an option, with the camera's supported options on refusal. */
    public SettingsApi settings() {
        return settings;
    }

    /** Preview stream start and stop. */
    public StreamApi streams() {
        return streams;
    }

    /** Webcam mode. */
    public WebcamApi webcam() {
        return webcam;
    }

    /** Camera on the Home Network: root CA, status, provisioning. */
    public CohnApi cohn() {
        return cohn;
    }

    /** Firmware update (typed, not exercised). */
    public FirmwareApi firmware() {
        return firmware;
    }

    /** Shortcut for {@code media().list()}: {@code GET /gopro/media/list} ({@code OGP_MEDIA_LIST}). */
    public Mono<MediaList> mediaList() {
        return media.list();
    }

    /** Shortcut for {@code query().state()}: {@code GET /gopro/camera/state} ({@code OGP_GET_STATE}). */
    public Mono<CameraState> state() {
        return query.state();
    }

    /** Shortcut for {@code control().keepAlive()}: {@code GET /gopro/camera/keep_alive} ({@code OGP_KEEP_ALIVE}). */
    public Mono<Void> keepAlive() {
        return control.keepAlive();
    }

    /**
     * Downloads a listed file to {@code targetDir/<directory>/<name>}, keeping the camera's folder
     * so {@code 100GOPRO/GX010001.MP4} and {@code 101GOPRO/GX010001.MP4} never collide; as {@link
     * #download(MediaFile, Path, DownloadOptions)} with that target and {@link
     * DownloadOptions#defaults()}.
     */
    public Flux<DownloadProgress> download(MediaFile file, Path targetDir) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(targetDir, "targetDir");
        return download(file, targetDir.resolve(file.directory()).resolve(file.name()), DownloadOptions.defaults());
    }

    /**
     * {@code GET /videos/DCIM/{directory}/{filename}} ({@code OGP_DOWNLOAD_MEDIA}) of a listed
     * file to {@code target}; see {@link #download(String, String, long, Path, DownloadOptions)}.
     */
    public Flux<DownloadProgress> download(MediaFile file, Path target, DownloadOptions options) {
        Objects.requireNonNull(file, "file");
        return download(file.directory(), file.name(), file.size(), target, options);
    }

    /** As {@link #download(String, String, long, Path, DownloadOptions)} with {@link DownloadOptions#defaults()}. */
    public Flux<DownloadProgress> download(String directory, String filename, long expectedSize, Path target) {
        return download(directory, filename, expectedSize, target, DownloadOptions.defaults());
    }

    /**
     * {@code GET /videos/DCIM/{directory}/{filename}} ({@code OGP_DOWNLOAD_MEDIA}), streamed to
     * disk: each received buffer is written straight to the partial file {@code
     * .<name>.camrig-part} beside {@code target} and hashed (SHA-256) on the connection's event
     * loop, never held whole in memory. A partial file an earlier download left (cancelled,
     * killed, timed out) is resumed. When the connection drops, times out or the camera answers
     * 5xx, the download resumes with {@code Range: bytes=<written>-} (see {@link
     * HttpOptions#downloadResumes()}); a camera that ignores the range sends the whole file again.
     * When exactly {@code expectedSize} bytes arrived, the file is forced to disk (see {@link
     * DownloadOptions#durable()}) and placed under {@code target} without replacing another file
     * ({@link ExistingFilePolicy}). Cancellation, a deadline, a too-slow camera or exhausted
     * resumes keep the partial file for the next attempt; a size or range mismatch deletes it.
     * Files get the default permissions (the user's umask).
     *
     * @param directory directory on the card, for example {@code 100GOPRO}
     * @param filename file name, for example {@code GX010001.MP4}
     * @param expectedSize the size announced by the media list, in bytes, or {@link
     *     io.camrig.http.model.MediaFile#SIZE_NOT_LISTED} for a file it does not give a size for (a
     *     group member): then the size is the response's ({@code Content-Length}, or a resume's {@code
     *     Content-Range} total), checked as a listed one is; a {@code 200} without {@code
     *     Content-Length} is a {@link DownloadVerificationException}
     * @param target the final path; missing parent directories are created
     * @param options deadline, minimum rate, name clash policy, durability
     * @return progress at most every {@link HttpOptions#progressStepBytes()} bytes, then one
     *     {@linkplain DownloadProgress#complete() complete} item with the {@link DownloadResult}
     *     (path, SHA-256, disposition) once the file is in place. Errors: {@link
     *     HttpTransportException} (still failing after the allowed resumes), {@link
     *     HttpStatusException} (404 …), {@link DownloadVerificationException} (size or range
     *     differs), {@link DownloadTooSlowException}, {@link DownloadDeadlineException}, {@link
     *     DownloadTargetExistsException}, {@link DownloadStorageException} (local disk)
     * @throws IllegalArgumentException when a name is not a single path segment or the size is
     *     negative
     */
    public Flux<DownloadProgress> download(String directory, String filename, long expectedSize, Path target,
            DownloadOptions options) {
        return MediaDownload.start(exchange, directory, filename, expectedSize, target, options);
    }

    @Override
    public String toString() {
        return "CameraHttpClient[" + baseUri() + "]";
    }
}
