package io.camrig.http.api;

import static io.camrig.http.HttpExchange.params;

import com.fasterxml.jackson.databind.JsonNode;
import io.camrig.http.HttpExchange;
import io.camrig.http.model.FirmwareUpdateStatus;
import io.netty.handler.codec.http.HttpMethod;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * The spec's {@code OTA} tag: firmware updates over HTTP. Typed for completeness but not
 * exercised by camrig's tests or tools: a wrong call can leave a real camera mid-update.
 * Files are streamed from disk as {@code multipart/form-data}.
 */
public final class FirmwareApi {
    static final String SOFT_UPDATE = "/gp/gpSoftUpdate";
    static final String UPDATE = "/gp/gpUpdate";

    /** The {@code request} values of {@code POST /gp/gpSoftUpdate}. */
    public enum Request {
        /** Deletes a partial upload. */
        DELETE,
        /** Shows the update UI on the camera. */
        SHOWUI,
        /** Starts the update after a complete upload. */
        START,
        /** Reports progress. */
        PROGRESS,
        /** Cancels the update. */
        CANCELED
    }

    private final HttpExchange http;

    public FirmwareApi(HttpExchange http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    /** {@code POST /gp/gpSoftUpdate?request=} ({@code GPCAMERA_FIRMWARE_UPDATE_V2}) without a body. */
    public Mono<FirmwareUpdateStatus> softUpdate(Request request) {
        String op = HttpExchange.operation(HttpMethod.POST, SOFT_UPDATE);
        return http.send(HttpMethod.POST, SOFT_UPDATE, params("request", request.name().toLowerCase(Locale.ROOT)),
                null).map(body -> decode(body, op));
    }

    /**
     * {@code POST /gp/gpSoftUpdate} ({@code GPCAMERA_FIRMWARE_UPDATE_V2}) uploading one chunk of
     * the update file.
     *
     * @param chunk the chunk file on disk
     * @param offset its offset in the update file, in bytes
     * @param sha1 the SHA-1 of the whole update file, hex
     */
    public Mono<FirmwareUpdateStatus> uploadChunk(Path chunk, long offset, String sha1) {
        String op = HttpExchange.operation(HttpMethod.POST, SOFT_UPDATE);
        return http.postMultipart(SOFT_UPDATE, Map.of(), form -> form
                        .attr("sha1", sha1)
                        .attr("offset", Long.toString(offset))
                        .file("file", chunk.toFile(), "application/octet-stream"))
                .map(body -> decode(body, op));
    }

    /**
     * {@code POST /gp/gpUpdate} ({@code GPCAMERA_FWUPDATE_DOWNLOAD_FILE}): the older one-shot
     * upload of a whole update file.
     */
    public Mono<FirmwareUpdateStatus> upload(Path file, String sha1, boolean update, boolean directToSd) {
        String op = HttpExchange.operation(HttpMethod.POST, UPDATE);
        return http.postMultipart(UPDATE, Map.of(), form -> form
                        .attr("sha1", sha1)
                        .attr("update", update ? "1" : "0")
                        .attr("DirectToSD", directToSd ? "1" : "0")
                        .file("file", file.toFile(), "application/octet-stream"))
                .map(body -> decode(body, op));
    }

    private FirmwareUpdateStatus decode(byte[] body, String op) {
        JsonFields f = new JsonFields(http.camera(), op);
        JsonNode o = f.object(http.json(body, op), "$");
        return new FirmwareUpdateStatus(f.intOr(o, "status", 0), f.optNumber(o, "bytes_complete"),
                f.optFlag(o, "complete"), f.textOr(o, "message", ""), f.textOr(o, "sha1", ""));
    }
}
