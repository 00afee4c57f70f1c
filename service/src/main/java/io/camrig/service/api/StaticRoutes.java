package io.camrig.service.api;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * The console's files, from the classpath: {@code /} is the page, {@code /console/<file>} its
 * script and style, {@code /webjars/chart.js/<version>/dist/chart.umd.js} the chart library from
 * its WebJar, and {@code /api/openapi.yaml} the API's description. Nothing is fetched from
 * elsewhere at run time. Names are checked against a plain-name pattern (no {@code ..}, no
 * absolute paths) before the classpath is asked.
 */
final class StaticRoutes {
    private static final String CONSOLE = "io/camrig/service/console/";
    private static final String OPENAPI = "io/camrig/service/openapi.yaml";
    private static final Pattern FILE = Pattern.compile("[a-z0-9-]+\\.(html|js|css|svg)");
    private static final Pattern WEBJAR = Pattern.compile("chart\\.js/[0-9.]+/dist/chart\\.umd\\.js");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "svg", "image/svg+xml",
            "yaml", "application/yaml");

    private final HttpIo io;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    StaticRoutes(HttpIo io) {
        this.io = io;
    }

    void register(HttpServerRoutes r, Guarded g) {
        r.get("/", g.open((req, res) -> file(res, CONSOLE + "index.html")));
        r.get("/console/{file}", g.open((req, res) -> {
            String name = req.param("file");
            return name != null && FILE.matcher(name).matches() ? file(res, CONSOLE + name)
                    : io.error(res, HttpResponseStatus.NOT_FOUND, "no such file");
        }));
        r.get("/webjars/**", g.open((req, res) -> {
            String path = req.uri().replaceFirst("^/webjars/", "").replaceFirst("\\?.*$", "");
            return WEBJAR.matcher(path).matches() ? file(res, "META-INF/resources/webjars/" + path)
                    : io.error(res, HttpResponseStatus.NOT_FOUND, "no such file");
        }));
        r.get("/api/openapi.yaml", g.open((req, res) -> file(res, OPENAPI)));
    }

    private org.reactivestreams.Publisher<Void> file(reactor.netty.http.server.HttpServerResponse res, String resource) {
        byte[] bytes = cache.computeIfAbsent(resource, StaticRoutes::load);
        if (bytes.length == 0) {
            return io.error(res, HttpResponseStatus.NOT_FOUND, "no such file");
        }
        String ext = resource.substring(resource.lastIndexOf('.') + 1);
        return res.header(HttpHeaderNames.CONTENT_TYPE, TYPES.getOrDefault(ext, "application/octet-stream"))
                .header(HttpHeaderNames.CACHE_CONTROL, "no-cache")
                .sendByteArray(Mono.just(bytes));
    }

    private static byte[] load(String resource) {
        try (InputStream in = StaticRoutes.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
