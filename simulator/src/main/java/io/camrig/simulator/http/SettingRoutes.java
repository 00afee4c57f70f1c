package io.camrig.simulator.http;

import static io.camrig.simulator.http.Answers.badRequest;
import static io.camrig.simulator.http.Answers.json;
import static io.camrig.simulator.http.Answers.map;
import static io.camrig.simulator.http.Answers.number;
import static io.camrig.simulator.http.Answers.ok;
import static io.camrig.simulator.http.Answers.outcome;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.OptionalLong;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * The spec's {@code settings} and {@code Presets} tags. A setting change the model does not
 * support is refused with 403 and the {@code 403Setting} body: {@code error} 1 (option not
 * supported, with {@code supported_options}) or 2 (setting not supported by this model); a busy
 * or encoding camera answers 503.
 */
final class SettingRoutes {
    /** 403 {@code error}: the option is not one this camera supports. */
    static final int ERROR_OPTION = 1;
    /** 403 {@code error}: this camera has no such setting. */
    static final int ERROR_SETTING = 2;

    private SettingRoutes() {
    }

    static void register(HttpServerRoutes r, CameraHttpModel m, Guard g) {
        r.get("/gopro/camera/setting", g.wrap((req, res) -> setting(req, res, m)))
                .get("/gopro/camera/presets/get", g.wrap((req, res) -> {
                    OptionalLong hidden = number(req, "include-hidden", 0, 1);
                    if (Answers.param(req, "include-hidden").isPresent() && hidden.isEmpty()) {
                        return badRequest(res);
                    }
                    return json(res, map("presetGroupArray", m.presets().groups(hidden.orElse(0) == 1, m.settings()),
                            "customIconIds", List.of(map("start", 0, "length", 0)),
                            "customTitleIds", List.of(map("start", 0, "length", 0))));
                }))
                .get("/gopro/camera/presets/load", g.wrap((req, res) -> {
                    OptionalLong id = number(req, "id");
                    return id.isEmpty() ? badRequest(res) : outcome(res, m.loadPreset(id.getAsLong()));
                }))
                .get("/gopro/camera/presets/set_group", g.wrap((req, res) -> {
                    OptionalLong id = number(req, "id");
                    return id.isEmpty() ? badRequest(res) : outcome(res, m.loadGroup((int) id.getAsLong()));
                }))
                .get("/gopro/camera/presets/set_visibility/v2", g.wrap((req, res) -> {
                    OptionalLong id = number(req, "id");
                    OptionalLong visible = number(req, "visible", 0, 1);
                    if (id.isEmpty() || visible.isEmpty() || m.presets().find(id.getAsLong()).isEmpty()) {
                        return badRequest(res);
                    }
                    m.presets().setVisible(id.getAsLong(), visible.getAsLong() == 1);
                    return ok(res);
                }))
                .put("/gopro/camera/presets/update_custom", g.wrap((req, res) ->
                        Answers.body(req).flatMap(body -> updateCustom(res, m, body))));
    }

    private static Mono<Void> setting(HttpServerRequest req, HttpServerResponse res, CameraHttpModel m) {
        OptionalLong setting = number(req, "setting", 1, Integer.MAX_VALUE);
        OptionalLong option = number(req, "option", 0, Integer.MAX_VALUE);
        if (setting.isEmpty() || option.isEmpty()) {
            return badRequest(res);
        }
        int id = (int) setting.getAsLong();
        SettingTable.Setting s = m.settingTable().get(id);
        return switch (m.setSetting(id, option.getAsLong())) {
            case OK -> ok(res);
            case BUSY -> Answers.busy(res);
            case INVALID -> json(res, 403, Answers.write(map(
                    "error", s == null ? ERROR_SETTING : ERROR_OPTION,
                    "setting_id", id,
                    "option_id", option.getAsLong(),
                    "supported_options", s == null ? List.of() : s.options().stream()
                            .map(o -> map("id", o.id(), "display_name", o.displayName())).toList())));
        };
    }

    private static Mono<Void> updateCustom(HttpServerResponse res, CameraHttpModel m, JsonNode body) {
        boolean any = false;
        for (String key : new String[] {"custom_name", "icon_id", "title_id"}) {
            any |= body.has(key);
        }
        if (!any || m.currentPreset() != PresetTable.CUSTOM_VIDEO) {
            return badRequest(res);
        }
        if ((body.has("icon_id") && !body.get("icon_id").canConvertToInt())
                || (body.has("title_id") && !body.get("title_id").canConvertToInt())
                || (body.has("custom_name") && !body.get("custom_name").isTextual())) {
            return badRequest(res);
        }
        PresetTable.Entry e = m.presets().find(PresetTable.CUSTOM_VIDEO).orElseThrow();
        synchronized (m.presets()) {
            if (body.has("custom_name")) {
                e.customName = body.get("custom_name").asText();
            }
            if (body.has("icon_id")) {
                e.icon = body.get("icon_id").asInt();
            }
            if (body.has("title_id")) {
                e.titleId = body.get("title_id").asInt();
            }
        }
        return ok(res);
    }
}
