package io.camrig.http.api;

import static io.camrig.http.HttpExchange.params;

import com.fasterxml.jackson.databind.JsonNode;
import io.camrig.http.HttpExchange;
import io.camrig.http.model.CustomPresetUpdate;
import io.camrig.http.model.Preset;
import io.camrig.http.model.PresetCatalog;
import io.camrig.http.model.PresetGroup;
import io.camrig.http.model.PresetSetting;
import io.netty.handler.codec.http.HttpMethod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Operations of the spec's {@code Presets} tag: list, load, load a group, show or hide, and
 * update the active custom preset. Errors: {@link io.camrig.http.HttpTransportException} (503
 * while busy), {@link io.camrig.http.HttpStatusException} (400 for a bad update), {@link
 * io.camrig.http.MediaFormatException}.
 */
public final class PresetsApi {
    static final String GET = "/gopro/camera/presets/get";
    /** The preset group ids the camera accepts ({@code EnumPresetGroup}). */
    public static final Set<Integer> GROUPS = Set.of(1000, 1001, 1002, 2000);

    private final HttpExchange http;

    public PresetsApi(HttpExchange http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    /**
     * {@code GET /gopro/camera/presets/get[?include-hidden=1]} ({@code OGP_PRESETS_GET}).
     *
     * @param includeHidden also list presets hidden from the camera UI
     */
    public Mono<PresetCatalog> get(boolean includeHidden) {
        JsonFields f = new JsonFields(http.camera(), HttpExchange.operation(HttpMethod.GET, GET));
        return http.getJson(GET, includeHidden ? params("include-hidden", 1) : Map.of())
                .map(root -> decode(f.object(root, "$"), f));
    }

    static PresetCatalog decode(JsonNode root, JsonFields f) {
        List<PresetGroup> groups = new ArrayList<>();
        for (JsonNode g : root.path("presetGroupArray")) {
            List<Preset> presets = new ArrayList<>();
            for (JsonNode p : g.path("presetArray")) {
                List<PresetSetting> settings = new ArrayList<>();
                for (JsonNode s : p.path("settingArray")) {
                    settings.add(new PresetSetting(f.intOr(s, "id", 0), f.optNumber(s, "value").orElse(0),
                            f.flag(s, "isCaption")));
                }
                presets.add(new Preset(f.number(p, "id"), f.intOr(p, "mode", 0), f.intOr(p, "titleId", 0),
                        f.intOr(p, "titleNumber", 0), f.flag(p, "userDefined"), f.intOr(p, "icon", 0),
                        f.optFlag(p, "isVisible").orElse(true), f.flag(p, "isModified"), f.flag(p, "isFixed"),
                        f.textOr(p, "customName", ""), settings));
            }
            List<Integer> modes = f.numbers(g, "modeArray").stream().map(Long::intValue).toList();
            groups.add(new PresetGroup(f.intOr(g, "id", 0), f.intOr(g, "icon", 0), f.flag(g, "canAddPreset"),
                    modes, presets));
        }
        return new PresetCatalog(groups);
    }

    /** {@code GET /gopro/camera/presets/load?id=} ({@code OGP_PRESET_LOAD}): makes a preset active. */
    public Mono<Void> load(long presetId) {
        return http.getEmpty("/gopro/camera/presets/load", params("id", presetId));
    }

    /**
     * {@code GET /gopro/camera/presets/set_group?id=} ({@code OGP_PRESET_SET_GROUP}): loads the
     * last used preset of a group.
     *
     * @param groupId 1000 video, 1001 photo, 1002 time lapse, 2000 general
     * @throws IllegalArgumentException for another id
     */
    public Mono<Void> setGroup(int groupId) {
        if (!GROUPS.contains(groupId)) {
            throw new IllegalArgumentException("preset group must be one of " + GROUPS + ", was " + groupId);
        }
        return http.getEmpty("/gopro/camera/presets/set_group", params("id", groupId));
    }

    /**
     * {@code GET /gopro/camera/presets/set_visibility/v2?id=&visible=} ({@code
     * GPCAMERA_SET_PRESET_VISIBILITY_V2}): shows or hides a preset in the camera UI.
     */
    public Mono<Void> setVisible(long presetId, boolean visible) {
        return http.getEmpty("/gopro/camera/presets/set_visibility/v2", params("id", presetId,
                "visible", visible ? 1 : 0));
    }

    /**
     * {@code PUT /gopro/camera/presets/update_custom} ({@code GPCAMERA_CUSTOM_PRESET_UPDATE}):
     * renames or re-icons the active custom preset; 400 when it is not custom.
     */
    public Mono<Void> updateCustom(CustomPresetUpdate update) {
        Map<String, Object> body = new LinkedHashMap<>();
        update.customName().ifPresent(n -> body.put("custom_name", n));
        update.iconId().ifPresent(i -> body.put("icon_id", i));
        update.titleId().ifPresent(t -> body.put("title_id", t));
        return http.send(HttpMethod.PUT, "/gopro/camera/presets/update_custom", Map.of(), HttpExchange.toJson(body))
                .then();
    }
}
