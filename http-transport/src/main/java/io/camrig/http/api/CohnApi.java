package io.camrig.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.camrig.http.HttpExchange;
import io.camrig.http.MediaFormatException;
import io.camrig.http.address.CohnTrust;
import io.camrig.http.model.CohnStatus;
import io.netty.handler.codec.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * The spec's {@code COHN} tag (Camera on the Home Network): the root CA certificate, status
 * (with the Basic-auth credentials), and provisioning switches. Usually called over the camera's
 * AP or USB to set up a later HTTPS connection. The status carries a password: it is never
 * logged or put in an error.
 */
public final class CohnApi {
    static final String ROOT_CA = "/GoProRootCA.crt";
    static final String STATUS = "/gopro/cohn/status";

    private final HttpExchange http;

    public CohnApi(HttpExchange http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    /**
     * {@code POST /GoProRootCA.crt} ({@code GPCAMERA_GET_HOME_NETWORK_CERT}): the camera's root
     * CA as PEM text.
     */
    public Mono<String> rootCertificatePem() {
        return http.send(HttpMethod.POST, ROOT_CA, Map.of(), null)
                .map(body -> new String(body, StandardCharsets.US_ASCII));
    }

    /**
     * The camera's root CA, parsed: the only anchor to trust for its HTTPS certificate (see
     * {@link io.camrig.http.address.CameraAddress#cohn}).
     *
     * @return the certificate; {@link MediaFormatException} when the body holds none
     */
    public Mono<X509Certificate> rootCertificate() {
        String op = HttpExchange.operation(HttpMethod.POST, ROOT_CA);
        return rootCertificatePem().map(pem -> {
            try {
                return CohnTrust.parseCertificate(pem);
            } catch (IllegalArgumentException e) {
                throw new MediaFormatException("not a PEM certificate", http.camera(), op, e);
            }
        });
    }

    /** {@code POST /gopro/cohn/status} ({@code GPCAMERA_GET_HOME_NETWORK_STATUS}). */
    public Mono<CohnStatus> status() {
        String op = HttpExchange.operation(HttpMethod.POST, STATUS);
        JsonFields f = new JsonFields(http.camera(), op);
        return http.send(HttpMethod.POST, STATUS, Map.of(), null).map(body -> {
            JsonNode o = f.object(http.json(body, op), "$");
            return new CohnStatus(f.intOr(o, "status", 0), f.intOr(o, "state", 0), f.textOr(o, "username", ""),
                    f.textOr(o, "password", ""), f.textOr(o, "ipaddress", ""), f.flag(o, "enabled"),
                    f.textOr(o, "ssid", ""), f.textOr(o, "macaddress", ""));
        });
    }

    /** {@code POST /gopro/cohn/setting} ({@code GPCAMERA_SET_HOME_NETWORK_SETTING}): {@code {"cohn_active": 0|1}}. */
    public Mono<Void> setActive(boolean active) {
        return post("/gopro/cohn/setting", Map.of("cohn_active", active ? 1 : 0));
    }

    /**
     * {@code POST /gopro/cohn/cert/create} ({@code GPCAMERA_CREATE_HOME_NETWORK_CERT}): creates
     * the COHN certificates; {@code override} replaces existing ones.
     */
    public Mono<Void> createCertificate(boolean override) {
        return post("/gopro/cohn/cert/create", Map.of("override", override ? 1 : 0));
    }

    /** {@code POST /gopro/cohn/cert/clear} ({@code GPCAMERA_CLEAR_HOME_NETWORK_CERT}). */
    public Mono<Void> clearCertificate() {
        return http.send(HttpMethod.POST, "/gopro/cohn/cert/clear", Map.of(), null).then();
    }

    private Mono<Void> post(String path, Map<String, Object> body) {
        return http.send(HttpMethod.POST, path, Map.of(), HttpExchange.toJson(body)).then();
    }
}
