package io.camrig.simulator.http;

import static io.camrig.simulator.http.Answers.badRequest;
import static io.camrig.simulator.http.Answers.json;
import static io.camrig.simulator.http.Answers.map;
import static io.camrig.simulator.http.Answers.number;
import static io.camrig.simulator.http.Answers.ok;
import static io.camrig.simulator.http.Answers.param;

import io.camrig.simulator.media.SdCard;
import io.camrig.simulator.media.SdCardFile;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * The spec's {@code Media} and {@code Hilights} tags: list, download (with {@code Range}), info,
 * GPMF, screennail, thumbnail, telemetry, last captured, deletions, hilights. Binary answers
 * other than downloads are small deterministic stand-ins ({@code application/octet-stream}).
 */
final class MediaRoutes {
    private MediaRoutes() {
    }

    static void register(HttpServerRoutes r, CameraHttpModel m, FaultState faults, Guard g) {
        SdCard card = m.card();
        r.get("/gopro/media/list", g.wrap((req, res) -> json(res, 200, CameraJson.mediaList(card))))
                .get("/videos/DCIM/{directory}/{filename}", g.wrap((req, res) -> download(req, res, card, faults)))
                .get("/gopro/media/info", g.wrap((req, res) -> withFile(req, res, card, f -> json(res, info(m, f)))))
                .get("/gopro/media/gpmf", g.wrap((req, res) -> withFile(req, res, card, f -> binary(res, "GPMF", f))))
                .get("/gopro/media/screennail", g.wrap((req, res) -> withFile(req, res, card, f -> binary(res, "SCRN", f))))
                .get("/gopro/media/thumbnail", g.wrap((req, res) -> withFile(req, res, card, f -> binary(res, "THMB", f))))
                .get("/gopro/media/telemetry", g.wrap((req, res) -> withFile(req, res, card, f -> binary(res, "TELE", f))))
                .get("/gopro/media/last_captured", g.wrap((req, res) -> {
                    List<SdCardFile> files = card.files();
                    if (files.isEmpty()) {
                        return res.status(HttpResponseStatus.NO_CONTENT).send().then();
                    }
                    SdCardFile last = files.get(files.size() - 1);
                    return json(res, map("file", last.name(), "folder", last.directory()));
                }))
                .get("/gopro/media/delete/file", g.wrap((req, res) -> {
                    Optional<SdCardFile> f = file(card, param(req, "path").orElse(""));
                    return f.isPresent() && card.delete(f.get().directory(), f.get().name()) ? ok(res) : badRequest(res);
                }))
                // Groups' members are deleted one by one (delete/file); whole-group deletion is not played.
                .get("/gp/gpControl/command/storage/delete/group", g.wrap((req, res) -> badRequest(res)))
                .get("/gp/gpControl/command/storage/delete/all", g.wrap((req, res) -> {
                    card.deleteAll();
                    return ok(res);
                }))
                .get("/gopro/media/hilight/file", g.wrap((req, res) -> hilight(req, res, m, true)))
                .get("/gopro/media/hilight/remove", g.wrap((req, res) -> hilight(req, res, m, false)))
                .get("/gopro/media/hilight/moment", g.wrap((req, res) ->
                        m.encoding() ? ok(res) : json(res, 500, "{}")));
    }

    private static Optional<SdCardFile> file(SdCard card, String path) {
        int slash = path.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String dir = path.substring(0, slash);
        String name = path.substring(slash + 1);
        return card.find(dir, name).or(() -> card.groups().member(dir, name));
    }

    private static Mono<Void> withFile(HttpServerRequest req, HttpServerResponse res, SdCard card,
            java.util.function.Function<SdCardFile, Mono<Void>> answer) {
        Optional<SdCardFile> f = file(card, param(req, "path").orElse(""));
        return f.isEmpty() ? badRequest(res) : answer.apply(f.get());
    }

    private static Mono<Void> hilight(HttpServerRequest req, HttpServerResponse res, CameraHttpModel m, boolean add) {
        String path = param(req, "path").orElse("");
        if (file(m.card(), path).isEmpty() || (param(req, "ms").isPresent() && number(req, "ms", 0, Integer.MAX_VALUE).isEmpty())) {
            return add ? badRequest(res) : json(res, 500, "{}");
        }
        long ms = number(req, "ms").orElse(0);
        if (!add && !m.hilights(path).contains(ms)) {
            return json(res, 500, "{}");
        }
        m.hilight(path, ms, add);
        return ok(res);
    }

    /**
     * How far a real camera's media info {@code cre} is from its media list's for the same file:
     * the official SDK's vectors captured from cameras give a video's as 1659769382 in its media
     * info and 1659744181 in the list (a time-zone offset of 7 h, and a second).
     */
    static final long INFO_CRE_SKEW_SECONDS = 7 * 3600 + 1;

    /**
     * Video metadata (schema {@code VideoMetadata}), every required field present: {@code s} the
     * size recorded (which a truncated file's listing no longer shows), {@code dur} the recorded
     * length in whole seconds (rounded), {@code cre} {@link #INFO_CRE_SKEW_SECONDS} from the list's,
     * as a real camera gives it.
     */
    private static Object info(CameraHttpModel m, SdCardFile f) {
        long seconds = f.created().getEpochSecond() + INFO_CRE_SKEW_SECONDS;
        return map("ct", 0, "cre", seconds, "s", m.card().videos().recordedSize(f), "gumi", String.format("%032x", (long) f.name().hashCode()),
                "h", 1080, "w", 1920, "hc", m.hilights(f.directory() + "/" + f.name()).size(),
                "hi", m.hilights(f.directory() + "/" + f.name()), "eis", 1, "mp", 0, "rot", 0, "tr", 0, "us", 0,
                "ao", "auto", "profile", 100, "avc_profile", 0, "cl", 0, "dur", Math.round(m.card().videos().length(f).toMillis() / 1000.0), "fps", 30000, "fps_denom", 1001,
                "ls", -1, "pta", 1, "subsample", 0, "prjn", 0, "progr", 1);
    }

    private static Mono<Void> binary(HttpServerResponse res, String kind, SdCardFile f) {
        byte[] body = (kind + " " + f.directory() + "/" + f.name()).getBytes(StandardCharsets.US_ASCII);
        return res.header(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_OCTET_STREAM)
                .sendByteArray(Mono.just(body)).then();
    }

    /**
     * {@code GET /videos/DCIM/{directory}/{filename}}: sent from the card's spool file when it has
     * one ({@link SdCard#spoolTo}), else streamed in {@value VirtualCameraHttpServer#CHUNK_BYTES}-byte
     * chunks, with {@code Content-Length} and {@code
     * Accept-Ranges: bytes}; a single range gets 206 with {@code Content-Range}, one past the end
     * 416; an unknown file 404. A group's member is served like a file (an unserved one 404s). A
     * cut fault closes the connection mid-body; a stall fault holds
     * it mid-body until released.
     */
    private static Mono<Void> download(HttpServerRequest req, HttpServerResponse res, SdCard card, FaultState faults) {
        String directory = req.param("directory");
        String filename = req.param("filename");
        Optional<SdCardFile> found = card.findWithCompanions(directory, filename)
                .or(() -> card.groups().served(directory, filename));
        if (found.isEmpty()) {
            return res.status(HttpResponseStatus.NOT_FOUND).send().then();
        }
        SdCardFile file = found.get();
        ByteRange range;
        try {
            range = ByteRange.resolve(req.requestHeaders().get(HttpHeaderNames.RANGE), file.size());
        } catch (ByteRange.Unsatisfiable e) {
            return res.status(HttpResponseStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
                    .header(HttpHeaderNames.CONTENT_RANGE, "bytes */" + file.size())
                    .send().then();
        }
        if (range.partial()) {
            res.status(HttpResponseStatus.PARTIAL_CONTENT).header(HttpHeaderNames.CONTENT_RANGE,
                    "bytes " + range.start() + "-" + (range.end() - 1) + "/" + file.size());
        }
        res.header(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_OCTET_STREAM)
                .header(HttpHeaderNames.ACCEPT_RANGES, HttpHeaderValues.BYTES)
                .header(HttpHeaderNames.CONTENT_LENGTH, Long.toString(range.length()));
        faults.downloadStarted(range.start());
        long cut = faults.takeCut();
        long stop = cut < 0 ? range.end() : Math.min(range.end(), range.start() + cut);
        long stall = faults.get().stallAfterBytes();
        Optional<java.nio.file.Path> spooled = card.contentFile(file);
        // A spooled card's file goes from the page cache to the socket with zero copy (sendfile; a
        // chunked copy over TLS); otherwise each chunk is computed.
        Mono<Void> sent;
        if (stall >= 0 && range.start() + stall < stop) {
            // Each chunk flushed, so the bytes before the stall are on the wire while it holds.
            Mono<Void> gate = faults.gate();
            long at = range.start() + stall;
            sent = res.send(Flux.concat(chunks(card, file, range.start(), at),
                    Mono.fromRunnable(faults::stalled).then(gate).thenMany(chunks(card, file, at, stop))), b -> true)
                    .then();
        } else {
            sent = spooled.isPresent()
                    ? res.sendFile(spooled.get(), range.start(), stop - range.start()).then()
                    : res.send(chunks(card, file, range.start(), stop)).then();
        }
        if (stop < range.end()) {
            sent = sent.then(Mono.fromRunnable(() -> res.withConnection(Connection::dispose)));
        }
        return sent;
    }

    private static Flux<ByteBuf> chunks(SdCard card, SdCardFile file, long from, long to) {
        return Flux.generate(() -> from, (pos, sink) -> {
            if (pos >= to) {
                sink.complete();
                return pos;
            }
            byte[] chunk = new byte[(int) Math.min(VirtualCameraHttpServer.CHUNK_BYTES, to - pos)];
            card.read(file, pos, chunk, 0, chunk.length);
            sink.next(Unpooled.wrappedBuffer(chunk));
            return pos + chunk.length;
        });
    }
}
