package io.camrig.simulator.http;

import static io.camrig.simulator.http.Answers.json;
import static io.camrig.simulator.http.Answers.map;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import reactor.netty.http.server.HttpServerRoutes;

/** The spec's {@code Query} tag: state, info, clock, name, version. */
final class QueryRoutes {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy_MM_dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH_mm_ss");

    private QueryRoutes() {
    }

    static void register(HttpServerRoutes r, CameraHttpModel m, Guard g) {
        r.get("/gopro/camera/state", g.wrap((req, res) -> json(res, state(m))))
                .get("/gopro/camera/info", g.wrap((req, res) -> json(res, map(
                        "model_number", Integer.toString(m.identity().model().modelId()),
                        "model_name", m.identity().model().displayName(),
                        "firmware_version", m.identity().model().firmwareVersion(),
                        "serial_number", m.identity().serial(),
                        "ap_ssid", m.identity().apSsid(),
                        "ap_mac_addr", m.identity().apMacAddress()))))
                .get("/gopro/camera/get_date_time", g.wrap((req, res) -> {
                    var now = m.clock();
                    return json(res, map("date", DATE.format(now), "time", TIME.format(now),
                            "tzone", m.utcOffsetMinutes(), "dst", m.daylightSaving() ? 1 : 0));
                }))
                .get("/gopro/camera/name", g.wrap((req, res) -> json(res, map("value", m.name()))))
                .get("/gopro/version", g.wrap((req, res) -> json(res, map("version", "2.0"))));
    }

    /**
     * {@code {"status": {"<id>": value…}, "settings": {"<id>": value…}}}, ids ascending, numbers as
     * JSON numbers (schema {@code State}).
     */
    static Map<String, Object> state(CameraHttpModel m) {
        Map<String, Object> statuses = new LinkedHashMap<>();
        new TreeMap<>(m.statuses()).forEach((id, v) -> statuses.put(id.toString(), v));
        Map<String, Object> settings = new LinkedHashMap<>();
        m.settings().forEach((id, v) -> settings.put(id.toString(), v));
        return map("status", statuses, "settings", settings);
    }
}
