package io.camrig.http.api;

import static io.camrig.http.HttpExchange.params;

import com.fasterxml.jackson.databind.JsonNode;
import io.camrig.http.HttpExchange;
import io.camrig.http.MediaListDecoder;
import io.camrig.http.model.MediaInfo;
import io.camrig.http.model.MediaList;
import io.camrig.http.model.MediaPath;
import io.netty.handler.codec.http.HttpMethod;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import reactor.core.publisher.Mono;

/**
 * Operations of the spec's {@code Media} and {@code Hilights} tags, except the file download
 * itself (streamed to disk by {@link io.camrig.http.client.CameraHttpClient#download}): the media list,
 * metadata, GPMF, screennail, thumbnail and telemetry, the last captured file, deletions and
 * hilights.
 *
 * <p>Binary answers (GPMF, screennail, thumbnail, telemetry) are held in memory: they are
 * kilobytes to a few megabytes. Errors: {@link io.camrig.http.HttpTransportException}, {@link
 * io.camrig.http.HttpStatusException} (400 for a bad path), {@link
 * io.camrig.http.MediaFormatException}.
 */
public final class MediaApi {
    static final String LIST = "/gopro/media/list";
    static final String INFO = "/gopro/media/info";
    static final String LAST_CAPTURED = "/gopro/media/last_captured";

    private final HttpExchange http;

    public MediaApi(HttpExchange http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    /**
     * {@code GET /gopro/media/list} ({@code OGP_MEDIA_LIST}): every file on the SD card, decoded
     * by {@link MediaListDecoder} (numbers as strings tolerated, a file without size an error).
     */
    public Mono<MediaList> list() {
        return http.get(LIST, Map.of()).map(body -> MediaListDecoder.decode(body, http.camera()));
    }

    /**
     * {@code GET /gopro/media/info?path=} ({@code OGP_MEDIA_INFO}): the file's metadata.
     *
     * @return the metadata; {@link io.camrig.http.MediaFormatException} without a size {@code s}
     */
    public Mono<MediaInfo> info(MediaPath path) {
        JsonFields f = new JsonFields(http.camera(), HttpExchange.operation(HttpMethod.GET, INFO));
        return http.getJson(INFO, params("path", path.toString())).map(root -> {
            f.object(root, "$");
            return new MediaInfo(path, f.number(root, "s"), Instant.ofEpochSecond(f.optNumber(root, "cre").orElse(0)),
                    f.intOr(root, "w", 0), f.intOr(root, "h", 0), f.intOr(root, "ct", 0),
                    root.has("dur") ? OptionalLong.of(f.number(root, "dur")) : OptionalLong.empty(),
                    f.numbers(root, "hi"));
        });
    }

    /** {@code GET /gopro/media/gpmf?path=} ({@code OGP_MEDIA_GPMF}): the file's GPMF track, raw bytes. */
    public Mono<byte[]> gpmf(MediaPath path) {
        return http.get("/gopro/media/gpmf", params("path", path.toString()));
    }

    /** {@code GET /gopro/media/screennail?path=} ({@code OGP_MEDIA_SCREENNAIL}): a screen-sized JPEG. */
    public Mono<byte[]> screennail(MediaPath path) {
        return http.get("/gopro/media/screennail", params("path", path.toString()));
    }

    /** {@code GET /gopro/media/thumbnail?path=} ({@code OGP_MEDIA_THUMBNAIL}): a thumbnail JPEG. */
    public Mono<byte[]> thumbnail(MediaPath path) {
        return http.get("/gopro/media/thumbnail", params("path", path.toString()));
    }

    /** {@code GET /gopro/media/telemetry?path=} ({@code OGP_MEDIA_TELEMETRY}): the telemetry track. */
    public Mono<byte[]> telemetry(MediaPath path) {
        return http.get("/gopro/media/telemetry", params("path", path.toString()));
    }

    /**
     * {@code GET /gopro/media/last_captured} ({@code OGP_GET_LAST_MEDIA}): the file captured last.
     *
     * @return the file ({@code folder}/{@code file}), or empty when the camera answered 204 (no
     *     media yet)
     */
    public Mono<MediaPath> lastCaptured() {
        String op = HttpExchange.operation(HttpMethod.GET, LAST_CAPTURED);
        JsonFields f = new JsonFields(http.camera(), op);
        return http.exchange(HttpMethod.GET, LAST_CAPTURED, Map.of(), null).flatMap(r -> {
            if (r.status() == 204) {
                return Mono.empty();
            }
            if (!r.ok()) {
                return Mono.error(http.statusError(r, op));
            }
            JsonNode root = f.object(http.json(r.body(), op), "$");
            try {
                return Mono.just(new MediaPath(f.text(root, "folder"), f.text(root, "file")));
            } catch (IllegalArgumentException e) {
                return Mono.error(f.fail("folder/file", e.getMessage()));
            }
        });
    }

    /** {@code GET /gopro/media/delete/file?path=} ({@code OGP_DELETE_SINGLE_FILE}); 400 when absent. */
    public Mono<Void> deleteFile(MediaPath path) {
        return http.getEmpty("/gopro/media/delete/file", params("path", path.toString()));
    }

    /**
     * {@code GET /gp/gpControl/command/storage/delete/group?p=} ({@code
     * GPCAMERA_DELETE_FILE_GROUP}): deletes every file of a grouped item, named by its first
     * member.
     */
    public Mono<Void> deleteGroup(MediaPath firstMember) {
        return http.getEmpty("/gp/gpControl/command/storage/delete/group", params("p", firstMember.toString()));
    }

    /** {@code GET /gp/gpControl/command/storage/delete/all} ({@code GPCAMERA_DELETE_ALL_FILES_ID}): empties the card. */
    public Mono<Void> deleteAll() {
        return http.getEmpty("/gp/gpControl/command/storage/delete/all", Map.of());
    }

    /**
     * {@code GET /gopro/media/hilight/file?path=[&ms=]} ({@code OGP_ADD_HILIGHT}): adds a hilight
     * to a file.
     *
     * @param offsetMillis offset in the video in ms; empty for a photo
     */
    public Mono<Void> addHilight(MediaPath path, OptionalInt offsetMillis) {
        return http.getEmpty("/gopro/media/hilight/file", hilightParams(path, offsetMillis));
    }

    /** {@code GET /gopro/media/hilight/remove?path=[&ms=]} ({@code OGP_REMOVE_HILIGHT}). */
    public Mono<Void> removeHilight(MediaPath path, OptionalInt offsetMillis) {
        return http.getEmpty("/gopro/media/hilight/remove", hilightParams(path, offsetMillis));
    }

    /** {@code GET /gopro/media/hilight/moment} ({@code OGP_TAG_MOMENT}): hilights the moment being recorded. */
    public Mono<Void> tagMoment() {
        return http.getEmpty("/gopro/media/hilight/moment", Map.of());
    }

    private static Map<String, Object> hilightParams(MediaPath path, OptionalInt ms) {
        Map<String, Object> p = params("path", path.toString());
        ms.ifPresent(v -> p.put("ms", v));
        return p;
    }
}
