package io.camrig.simulator.http;

import static io.camrig.simulator.http.Answers.badRequest;
import static io.camrig.simulator.http.Answers.json;
import static io.camrig.simulator.http.Answers.map;
import static io.camrig.simulator.http.Answers.number;
import static io.camrig.simulator.http.Answers.ok;
import static io.camrig.simulator.http.Answers.param;

import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * The spec's {@code Webcam} tag, as a camera on USB answers it: status 0 off, 1 idle, 2
 * streaming, 3 low-power preview. Start streams (2), preview goes to 3, stop to idle (1), exit
 * to off (0). No video is actually sent.
 */
final class WebcamRoutes {
    private WebcamRoutes() {
    }

    static void register(HttpServerRoutes r, CameraHttpModel m, Guard g) {
        r.get("/gopro/webcam/start", g.wrap((req, res) -> start(req, res, m)))
                .get("/gopro/webcam/stop", g.wrap((req, res) -> to(res, m, 1)))
                .get("/gopro/webcam/preview", g.wrap((req, res) -> to(res, m, 3)))
                .get("/gopro/webcam/exit", g.wrap((req, res) -> to(res, m, 0)))
                .get("/gopro/webcam/status", g.wrap((req, res) ->
                        json(res, map("status", m.webcamStatus(), "error", 0))))
                .get("/gopro/webcam/version", g.wrap((req, res) -> json(res, map("version", 4,
                        "max_lens_support", true, "usb_3_1_compatible", true))));
    }

    private static Mono<Void> start(HttpServerRequest req, HttpServerResponse res, CameraHttpModel m) {
        for (String p : new String[] {"res", "fov"}) {
            if (param(req, p).isPresent() && number(req, p, 0, 1000).isEmpty()) {
                return badRequest(res);
            }
        }
        if (param(req, "port").isPresent() && number(req, "port", 1, 65_535).isEmpty()) {
            return badRequest(res);
        }
        String protocol = param(req, "protocol").orElse("RTSP");
        if (!protocol.equals("RTSP") && !protocol.equals("TS")) {
            return badRequest(res);
        }
        return to(res, m, 2);
    }

    private static Mono<Void> to(HttpServerResponse res, CameraHttpModel m, int status) {
        m.webcamStatus(status);
        return ok(res);
    }
}
