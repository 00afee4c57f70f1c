package io.camrig.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.camrig.http.address.CameraAddress;
import io.camrig.http.address.CohnTrust;
import io.camrig.proto.error.CamrigException;
import io.netty.buffer.Unpooled;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientForm;

/**
 * The raw request layer of one camera's HTTP API, under the typed operation groups of {@link
 * io.camrig.http.client.CameraHttpClient}: builds a Reactor Netty {@link HttpClient} for a {@link CameraAddress}
 * (timeouts, Basic auth, COHN trust), sends one request per subscription, and turns statuses,
 * network failures and bad JSON into camrig's typed errors. Use it directly for an endpoint the
 * typed groups do not cover yet.
 *
 * <p>Query values are percent-encoded (UTF-8) except {@code /}, which the camera expects
 * literally in media paths ({@code path=100GOPRO/GX010001.MP4}, the spec's {@code allowReserved}).
 *
 * <p>Every body is read into memory up to {@link HttpOptions#maxBodyBytes()} and every request
 * must complete within {@link HttpOptions#requestDeadline()} (media downloads stream to disk and
 * are bounded separately).
 *
 * <p>Errors: {@link HttpTransportException} (transient: refused, timed out, cut short, 5xx other
 * than 501, 408, 429), {@link HttpDeadlineException} (transient: the overall deadline passed),
 * {@link HttpStatusException} (permanent: 4xx, 501 not supported), {@link HttpBodyTooLargeException}
 * (permanent: body over the cap), {@link MediaFormatException} (JSON that does not follow the
 * schema). Thread-safe, stateless.
 */
public final class HttpExchange {
    /** The largest socket read, and so the largest body chunk a download writes and hashes at once. */
    static final int MAX_CHUNK_BYTES = 256 * 1024;

    private final CameraAddress address;
    private final HttpOptions options;
    private final HttpErrors errors;
    private final HttpClient http;
    private final HttpClient downloads;

    /**
     * An exchange with the camera at {@code address}; opens no connection. {@link
     * io.camrig.http.client.CameraHttpClient} makes one and shares it among its operations.
     */
    public HttpExchange(CameraAddress address, HttpOptions options) {
        this.address = Objects.requireNonNull(address, "address");
        this.options = Objects.requireNonNull(options, "options");
        String label = address.baseUri().toString();
        this.errors = new HttpErrors(label, options);
        // The camera's host and port are given apart rather than as a base URL: Reactor Netty's URL
        // parser reads a one-digit port as part of the host ("127.0.0.1:9" looked up in DNS),
        // which turned a refused connection into an UnknownHostException.
        HttpClient client = HttpClient.create()
                .host(unbracketed(address.baseUri().getHost()))
                .port(port(address))
                .responseTimeout(options.responseTimeout())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) options.connectTimeout().toMillis())
                // Reads grow up to MAX_CHUNK_BYTES when data keeps coming (a media download), and
                // the HTTP decoder passes each read on whole instead of in its default 8 KiB
                // slices: fewer pipeline passes, file writes and hashing hand-offs per GB; small
                // answers still get small buffers.
                .option(ChannelOption.RCVBUF_ALLOCATOR,
                        new AdaptiveRecvByteBufAllocator(512, 16 * 1024, MAX_CHUNK_BYTES))
                .httpResponseDecoder(spec -> spec.maxChunkSize(MAX_CHUNK_BYTES));
        if (address.credentials().isPresent()) {
            String header = address.credentials().get().authorizationHeader();
            client = client.headers(h -> h.set(HttpHeaderNames.AUTHORIZATION, header));
        }
        if (address.rootCa().isPresent()) {
            var context = CohnTrust.clientContext(address.rootCa().get());
            // Reached by IP: the chain check to the camera's root CA replaces the host name check.
            client = client.secure(spec -> spec.sslContext(context)
                    .handlerConfigurator(handler -> withoutHostnameCheck(handler.engine())));
        } else if (address.secure()) {
            client = client.secure();
        }
        this.http = NumericHosts.resolverFor(client, address.baseUri().getHost());
        // Media downloads reuse their 256 KiB read buffers (DownloadBuffers); with their own
        // allocator their connections form a pool of their own in Reactor Netty, apart from the API's.
        this.downloads = this.http.option(ChannelOption.ALLOCATOR, DownloadBuffers.shared());
    }

    /** An IPv6 literal without the brackets a URI keeps around it; any other host as it is. */
    static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** The URI's port, or the scheme's default (80, 443) when it names none. */
    static int port(CameraAddress address) {
        int port = address.baseUri().getPort();
        return port >= 0 ? port : address.secure() ? 443 : 80;
    }

    private static void withoutHostnameCheck(SSLEngine engine) {
        SSLParameters params = engine.getSSLParameters();
        params.setEndpointIdentificationAlgorithm(null);
        engine.setSSLParameters(params);
    }

    /** The camera's base URI, {@code scheme://host:port}, never with credentials. */
    public String camera() {
        return errors.camera();
    }

    /** The address this exchange talks to. */
    public CameraAddress address() {
        return address;
    }

    /** The options in force. */
    public HttpOptions options() {
        return options;
    }

    /**
     * One complete response.
     *
     * @param status the HTTP status code
     * @param reason the reason phrase, possibly {@code ""}
     * @param contentType the {@code Content-Type} header, or {@code ""}
     * @param body the whole body, possibly empty
     */
    public record Response(int status, String reason, String contentType, byte[] body) {
        /** {@code true} for 2xx. */
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    /**
     * Sends one request and returns the whole response, whatever its status.
     *
     * @param method GET, PUT or POST
     * @param path the absolute path, for example {@code /gopro/camera/state}
     * @param query query parameters in order (values as {@link String#valueOf}); empty for none
     * @param jsonBody a JSON request body, sent with {@code Content-Type: application/json}, or
     *     {@code null} for none
     * @return the response; errors: {@link HttpTransportException} for network failures, {@link
     *     HttpDeadlineException} past the deadline, {@link HttpBodyTooLargeException} over the cap
     */
    public Mono<Response> exchange(HttpMethod method, String path, Map<String, ?> query, byte[] jsonBody) {
        String uri = uri(path, query);
        String op = operation(method, path);
        HttpClient client = jsonBody == null ? http : http.headers(h -> h
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON));
        HttpClient.ResponseReceiver<?> receiver = jsonBody == null
                ? client.request(method).uri(uri)
                : client.request(method).uri(uri).send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(jsonBody)));
        return bounded(receiver, op);
    }

    /**
     * {@code POST path?query} with a {@code multipart/form-data} body built by {@code form}
     * (Reactor Netty's {@link HttpClientForm}, files streamed from disk).
     *
     * @return the body of a 2xx answer; errors as {@link #send}
     */
    public Mono<byte[]> postMultipart(String path, Map<String, ?> query, Consumer<HttpClientForm> form) {
        String op = operation(HttpMethod.POST, path);
        return bounded(http.post().uri(uri(path, query))
                        .sendForm((request, f) -> form.accept(f.multipart(true))), op)
                .flatMap(r -> r.ok() ? Mono.just(r.body()) : Mono.error(statusError(r, op)));
    }

    /**
     * Sends a request and returns the body of a 2xx answer.
     *
     * @return the body (empty array for none); errors: {@link HttpTransportException}, {@link
     *     HttpStatusException}
     */
    public Mono<byte[]> send(HttpMethod method, String path, Map<String, ?> query, byte[] jsonBody) {
        String op = operation(method, path);
        return exchange(method, path, query, jsonBody)
                .flatMap(r -> r.ok() ? Mono.just(r.body()) : Mono.error(statusError(r, op)));
    }

    /** {@code GET path?query}: the body of a 2xx answer. Errors as {@link #send}. */
    public Mono<byte[]> get(String path, Map<String, ?> query) {
        return send(HttpMethod.GET, path, query, null);
    }

    /** {@code GET path?query} whose 2xx body is JSON. Errors as {@link #send}, plus {@link MediaFormatException}. */
    public Mono<JsonNode> getJson(String path, Map<String, ?> query) {
        String op = operation(HttpMethod.GET, path);
        return get(path, query).map(body -> JsonBodies.readTree(body, camera(), op));
    }

    /** {@code GET path?query} whose answer carries nothing of interest ({@code {}}); completes on 2xx. */
    public Mono<Void> getEmpty(String path, Map<String, ?> query) {
        return get(path, query).then();
    }

    /** Parses a JSON body, naming this camera and {@code operation} in a {@link MediaFormatException}. */
    public JsonNode json(byte[] body, String operation) {
        return JsonBodies.readTree(body, camera(), operation);
    }

    /** Serializes a request body to JSON. */
    public static byte[] toJson(Object body) {
        return JsonBodies.write(body);
    }

    /** The typed error for a non-2xx response (no body content is copied into the message). */
    public CamrigException statusError(Response response, String operation) {
        return errors.status(response.status(), response.reason(), operation);
    }

    /** The operation label used in errors: {@code "GET /gopro/camera/state"}. */
    public static String operation(HttpMethod method, String path) {
        return method.name() + " " + path;
    }

    /** Query parameters in insertion order: {@code params("p", 1, "ms", 500)}. */
    public static Map<String, Object> params(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("params take key, value pairs");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], Objects.requireNonNull(keysAndValues[i + 1], "value"));
        }
        return out;
    }

    static String uri(String path, Map<String, ?> query) {
        if (query == null || query.isEmpty()) {
            return path;
        }
        StringBuilder sb = new StringBuilder(path).append(path.indexOf('?') < 0 ? '?' : '&');
        boolean first = true;
        for (Map.Entry<String, ?> e : query.entrySet()) {
            if (!first) {
                sb.append('&');
            }
            first = false;
            sb.append(encode(e.getKey())).append('=').append(encode(String.valueOf(e.getValue())));
        }
        return sb.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
    }

    /**
     * The whole response of {@code receiver}, its body capped at {@link HttpOptions#maxBodyBytes()},
     * the exchange bounded by {@link HttpOptions#requestDeadline()}; failures translated.
     */
    private Mono<Response> bounded(HttpClient.ResponseReceiver<?> receiver, String op) {
        return receiver.response((response, body) -> BoundedBody.read(response, body, options.maxBodyBytes(), errors, op))
                .next()
                .timeout(options.requestDeadline(), Mono.defer(() -> Mono.error(new HttpDeadlineException(
                        "no complete answer within the request deadline of " + options.requestDeadline().toMillis()
                                + " ms", camera(), op, options.requestDeadline(), null))))
                .onErrorMap(e -> errors.translate(e, op));
    }

    /** The Reactor Netty client of media downloads: reads into {@link DownloadBuffers}. */
    HttpClient downloadClient() {
        return downloads;
    }

    HttpErrors errors() {
        return errors;
    }

    @Override
    public String toString() {
        return "HttpExchange[" + camera() + "]";
    }
}
