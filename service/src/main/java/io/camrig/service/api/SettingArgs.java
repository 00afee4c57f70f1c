package io.camrig.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.camrig.engine.rig.RigMember;
import io.camrig.proto.catalog.Setting;
import io.camrig.proto.catalog.SettingOption;
import io.camrig.service.rig.RigAccess;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads the API's arguments: a setting by snake_case name ({@code video_resolution}) or id
 * ({@code 2}); an option by name ({@code "1080"}), key ({@code "4k_4_3_v2"}) or {@code value};
 * a camera selection ({@code "cameras": [1, "GoPro 0003"]}, absent means all).
 */
final class SettingArgs {
    private SettingArgs() {
    }

    static Setting setting(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(Setting.values())
                .filter(s -> s.info().snakeName().equals(key) || Integer.toString(s.id()).equals(key)
                        || s.name().equalsIgnoreCase(key))
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("no setting '" + name + "'"));
    }

    /** The value to set: {@code option} (name or key) or {@code value} (a number). */
    static long value(Setting setting, JsonNode body) {
        JsonNode option = body.get("option");
        JsonNode value = body.get("value");
        if (option != null && option.isTextual()) {
            try {
                return setting.option(option.asText()).value();
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage());
            }
        }
        if (value != null && value.canConvertToLong()) {
            long v = value.asLong();
            if (!setting.options().isEmpty() && setting.option(v).isEmpty()) {
                throw ApiException.badRequest(setting.displayName() + " has no option with value " + v);
            }
            return v;
        }
        throw ApiException.badRequest("give \"option\" (a name such as \"1080\") or \"value\" (a number)");
    }

    /** The option's display name for a value, or the number. */
    static String shown(Setting setting, long value) {
        return setting.option(value).map(SettingOption::name).orElse(Long.toString(value));
    }

    /** The selected cameras: {@code "cameras"} as indexes or names; absent or empty means all. */
    static Predicate<RigMember> cameras(RigAccess rig, JsonNode body) {
        JsonNode list = body.get("cameras");
        if (list == null || list.isNull() || (list.isArray() && list.isEmpty())) {
            return m -> true;
        }
        if (!list.isArray()) {
            throw ApiException.badRequest("\"cameras\" must be a list of indexes or names");
        }
        Set<RigMember> chosen = new HashSet<>();
        for (JsonNode id : list) {
            chosen.add(rig.member(id.asText()).orElseThrow(() -> ApiException.notFound("no camera '" + id.asText() + "'")));
        }
        return chosen::contains;
    }
}
