package io.camrig.http.api;

import static io.camrig.http.HttpExchange.params;

import com.fasterxml.jackson.databind.JsonNode;
import io.camrig.http.HttpExchange;
import io.camrig.http.MediaFormatException;
import io.camrig.http.SettingRejectedException;
import io.camrig.http.model.SettingOption;
import io.netty.handler.codec.http.HttpMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * The spec's {@code settings} tag: {@code GET /gopro/camera/setting?setting=<id>&option=<id>}
 * ({@code GPCAMERA_CHANGE_SETTING::<id>}), one operation per setting id in the spec, all on this
 * one path. The current values come with {@link QueryApi#state()}.
 */
public final class SettingsApi {
    static final String SETTING = "/gopro/camera/setting";

    private final HttpExchange http;
    private final QueryApi query;

    public SettingsApi(HttpExchange http) {
        this.http = Objects.requireNonNull(http, "http");
        this.query = new QueryApi(http);
    }

    /**
     * Sets a setting to an option.
     *
     * @param settingId the setting, for example 2 (video resolution); positive
     * @param optionId the option, for example 9 (1080); zero or positive
     * @return completes when the camera accepted it. Errors: {@link SettingRejectedException}
     *     (403: the option is not supported now, with the supported options), {@link
     *     io.camrig.http.HttpTransportException} (503 while busy or encoding, network), {@link
     *     io.camrig.http.HttpStatusException} (other 4xx)
     * @throws IllegalArgumentException when an id is negative (or the setting id zero)
     */
    public Mono<Void> set(int settingId, int optionId) {
        if (settingId <= 0 || optionId < 0) {
            throw new IllegalArgumentException("setting must be > 0 and option >= 0, were " + settingId
                    + " and " + optionId);
        }
        String op = HttpExchange.operation(HttpMethod.GET, SETTING) + "?setting=" + settingId;
        return http.exchange(HttpMethod.GET, SETTING, params("setting", settingId, "option", optionId), null)
                .flatMap(r -> {
                    if (r.ok()) {
                        return Mono.<Void>empty();
                    }
                    if (r.status() == 403) {
                        return Mono.error(rejection(r.body(), op, settingId, optionId));
                    }
                    return Mono.error(http.statusError(r, op));
                });
    }

    /**
     * The current option of a setting, from {@code GET /gopro/camera/state}.
     *
     * @return the option id, or empty when the camera does not report this setting
     */
    public Mono<Long> get(int settingId) {
        return query.state().flatMap(s -> {
            var v = s.setting(settingId);
            return v.isPresent() ? Mono.just(v.getAsLong()) : Mono.empty();
        });
    }

    private SettingRejectedException rejection(byte[] body, String op, int settingId, int optionId) {
        JsonFields f = new JsonFields(http.camera(), op);
        int error = 0;
        List<SettingOption> supported = new ArrayList<>();
        try {
            JsonNode root = body.length == 0 ? null : http.json(body, op);
            if (root != null && root.isObject()) {
                error = f.intOr(root, "error", 0);
                for (JsonNode o : root.path("supported_options")) {
                    supported.add(new SettingOption(f.intOr(o, "id", 0), f.textOr(o, "display_name", "")));
                }
            }
        } catch (MediaFormatException e) {
            // the status says enough; a malformed body only loses the list of options
        }
        String offered = supported.isEmpty() ? "" : "; supported: " + supported.stream()
                .map(o -> o.id() + (o.displayName().isEmpty() ? "" : " (" + o.displayName() + ")"))
                .reduce((a, b) -> a + ", " + b).orElse("");
        return new SettingRejectedException("camera refused option " + optionId + " of setting " + settingId
                + " (HTTP 403, error " + error + ")" + offered, http.camera(), op, settingId, optionId, error,
                supported);
    }
}
