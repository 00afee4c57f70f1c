package io.camrig.simulator.http;

import static io.camrig.simulator.http.Answers.badRequest;
import static io.camrig.simulator.http.Answers.json;
import static io.camrig.simulator.http.Answers.map;
import static io.camrig.simulator.http.Answers.ok;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * The spec's {@code COHN} tag. Without COHN the camera is unprovisioned: status 0, no root CA
 * (404). With it, {@code /GoProRootCA.crt} returns the generated root CA as PEM and the status
 * carries the Basic credentials and the HTTPS address. {@code cert/create} and {@code
 * cert/clear} switch the provisioned state; the certificates themselves stay those generated at
 * start (the HTTPS server is not re-keyed).
 */
final class CohnRoutes {
    private CohnRoutes() {
    }

    static void register(HttpServerRoutes r, CameraHttpModel m, CohnAuthority cohn, String host, Guard g) {
        AtomicBoolean provisioned = new AtomicBoolean(cohn != null);
        AtomicBoolean active = new AtomicBoolean(cohn != null);
        Route rootCa = (req, res) -> cohn == null || !provisioned.get()
                ? json(res, 404, "{}")
                : res.header(HttpHeaderNames.CONTENT_TYPE, "text/plain").sendString(Mono.just(cohn.rootPem())).then();
        Route status = (req, res) -> {
            boolean on = cohn != null && provisioned.get();
            return json(res, map("status", on ? 1 : 0, "state", on && active.get() ? 27 : 5,
                    "username", on ? cohn.credentials().username() : "",
                    "password", on ? cohn.credentials().password() : "",
                    "ipaddress", on && active.get() ? host : "", "enabled", active.get() ? 1 : 0,
                    "ssid", on ? "camrig-sim" : "", "macaddress", m.identity().apMacAddress()));
        };
        r.post("/GoProRootCA.crt", g.wrap(rootCa))
                .get("/GoProRootCA.crt", g.wrap(rootCa))
                .post("/gopro/cohn/status", g.wrap(status))
                .get("/gopro/cohn/status", g.wrap(status))
                .post("/gopro/cohn/setting", g.wrap((req, res) -> Answers.body(req).flatMap(body -> {
                    if (!body.path("cohn_active").canConvertToInt()) {
                        return badRequest(res);
                    }
                    active.set(body.get("cohn_active").asInt() == 1);
                    return ok(res);
                })))
                .post("/gopro/cohn/cert/create", g.wrap((req, res) -> Answers.body(req).flatMap(body -> {
                    if (cohn == null) {
                        return badRequest(res);
                    }
                    provisioned.set(true);
                    return ok(res);
                })))
                .post("/gopro/cohn/cert/clear", g.wrap((req, res) -> {
                    provisioned.set(false);
                    return ok(res);
                }));
    }
}
