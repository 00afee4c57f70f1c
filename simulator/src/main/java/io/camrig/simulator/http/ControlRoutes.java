package io.camrig.simulator.http;

import static io.camrig.simulator.http.Answers.badRequest;
import static io.camrig.simulator.http.Answers.json;
import static io.camrig.simulator.http.Answers.number;
import static io.camrig.simulator.http.Answers.ok;
import static io.camrig.simulator.http.Answers.outcome;
import static io.camrig.simulator.http.Answers.param;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.OptionalLong;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * The spec's {@code Control}, {@code Analytics} and {@code Preview Stream} tags: keep-alive,
 * shutter, control, USB, zoom, clock, name, turbo, Labs, sleep, reset, preview stream.
 */
final class ControlRoutes {
    private ControlRoutes() {
    }

    static void register(HttpServerRoutes r, CameraHttpModel m, Scheduler scheduler, Guard g) {
        r.get("/gopro/camera/keep_alive", g.wrap((req, res) -> ok(res)))
                .get("/gopro/camera/shutter/{mode}", g.wrap((req, res) -> switch (req.param("mode")) {
                    case "start" -> outcome(res, m.shutter(true, scheduler));
                    case "stop" -> outcome(res, m.shutter(false, scheduler));
                    default -> badRequest(res);
                }))
                // 1 (camera) and 3 (cloud-offload setup) can only be set by the camera itself.
                .get("/gopro/camera/control/set_ui_controller", g.wrap((req, res) ->
                        set(res, m, 114, number(req, "p", 0, 2).stream().filter(p -> p != 1).findFirst())))
                .get("/gopro/camera/control/wired_usb", g.wrap((req, res) -> set(res, m, 116, number(req, "p", 0, 1))))
                .get("/gopro/camera/digital_zoom", g.wrap((req, res) -> set(res, m, 75, number(req, "percent", 0, 100))))
                .get("/gopro/media/turbo_transfer", g.wrap((req, res) -> set(res, m, 113, number(req, "p", 0, 1))))
                .get("/gopro/camera/set_date_time", g.wrap((req, res) -> setDateTime(req, res, m)))
                .put("/gopro/camera/name", g.wrap((req, res) -> Answers.body(req).flatMap(body -> {
                    String name = body.path("value").asText("");
                    if (name.isEmpty() || name.length() > 64) {
                        return badRequest(res);
                    }
                    m.name(name);
                    return ok(res);
                })))
                .get("/gopro/camera/analytics/set_client_info", g.wrap((req, res) -> ok(res)))
                .get("/gopro/qrcode", g.wrap((req, res) -> {
                    String code = param(req, "code").orElse("");
                    if (number(req, "labs", 1, 1).isEmpty() || code.isEmpty() || code.length() > 400) {
                        return json(res, 400, "{\"error\":\"Incorrect parameters for code request\"}");
                    }
                    return json(res, 500, "{\"error\":\"Please install labs FW to use this interface\"}");
                }))
                .get("/gp/gpControl/command/system/sleep", g.wrap((req, res) -> ok(res)))
                .get("/gp/gpControl/command/system/reset", g.wrap((req, res) -> {
                    m.reset();
                    return ok(res);
                }))
                .get("/gopro/camera/stream/start", g.wrap((req, res) -> {
                    if (param(req, "port").isPresent() && number(req, "port", 1, 65_535).isEmpty()) {
                        return badRequest(res);
                    }
                    m.status(32, 1);
                    return ok(res);
                }))
                .get("/gopro/camera/stream/stop", g.wrap((req, res) -> {
                    m.status(32, 0);
                    return ok(res);
                }));
    }

    private static Mono<Void> set(reactor.netty.http.server.HttpServerResponse res, CameraHttpModel m, int status,
            OptionalLong value) {
        if (value.isEmpty()) {
            return badRequest(res);
        }
        m.status(status, value.getAsLong());
        return ok(res);
    }

    private static Mono<Void> setDateTime(reactor.netty.http.server.HttpServerRequest req,
            reactor.netty.http.server.HttpServerResponse res, CameraHttpModel m) {
        try {
            String[] d = param(req, "date").orElseThrow().split("_");
            String[] t = param(req, "time").orElseThrow().split("_");
            LocalDateTime at = LocalDateTime.of(LocalDate.of(Integer.parseInt(d[0]), Integer.parseInt(d[1]),
                    Integer.parseInt(d[2])), LocalTime.of(Integer.parseInt(t[0]), Integer.parseInt(t[1]),
                    Integer.parseInt(t[2])));
            OptionalLong tz = number(req, "tzone", -720, 840);
            OptionalLong dst = number(req, "dst", 0, 1);
            if (tz.isEmpty() || dst.isEmpty()) {
                return badRequest(res);
            }
            m.clock(at, (int) tz.getAsLong(), dst.getAsLong() == 1);
            return ok(res);
        } catch (RuntimeException e) {
            return badRequest(res);
        }
    }
}
