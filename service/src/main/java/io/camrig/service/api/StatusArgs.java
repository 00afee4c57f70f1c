package io.camrig.service.api;

import io.camrig.engine.camera.StatusValue;
import io.camrig.proto.catalog.Status;
import io.camrig.proto.catalog.TypedValue;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The status query of {@code GET /api/cameras/{id}/statuses} and the JSON of a status value. */
final class StatusArgs {
    private StatusArgs() {
    }

    /**
     * The statuses named by {@code ?ids=8,10} (Open GoPro status ids, repeatable); empty for every
     * status. 400 for an id that is not a number or not in the catalog.
     */
    static List<Status> wanted(String uri) {
        List<Status> out = new ArrayList<>();
        for (String list : new QueryStringDecoder(uri).parameters().getOrDefault("ids", List.of())) {
            for (String raw : list.split(",")) {
                String id = raw.trim();
                if (id.isEmpty()) {
                    continue;
                }
                if (!id.matches("\\d{1,3}")) {
                    throw ApiException.badRequest("status ids are numbers, got '" + id.replaceAll("[^ -~]", "?") + "'");
                }
                out.add(Status.of(Integer.parseInt(id))
                        .orElseThrow(() -> ApiException.badRequest("no status " + id + " in the Open GoPro catalog")));
            }
        }
        return out;
    }

    /**
     * {@code {id, name, value, display, hex}}: {@code value} typed as the catalog declares it
     * (boolean, number, text; {@code null} for raw bytes), {@code hex} the bytes as received.
     */
    static Map<String, Object> json(StatusValue v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.statusId());
        m.put("name", v.statusName());
        Object value = null;
        if (v.value() instanceof TypedValue.Bool b) {
            value = b.value();
        } else if (v.value() instanceof TypedValue.Unsigned u) {
            value = u.value();
        } else if (v.value() instanceof TypedValue.Text t) {
            value = t.value();
        }
        m.put("value", value);
        m.put("display", v.display());
        m.put("hex", v.value().hex());
        return m;
    }
}
