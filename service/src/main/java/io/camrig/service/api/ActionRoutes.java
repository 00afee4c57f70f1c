package io.camrig.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.camrig.engine.rig.RigMember;
import io.camrig.proto.catalog.Setting;
import io.camrig.service.events.CameraFeed;
import io.camrig.service.events.EventHub;
import io.camrig.service.rig.CameraOutcome;
import io.camrig.service.rig.NodeOps;
import io.camrig.service.rig.RigAccess;
import io.camrig.service.takes.FireFigures;
import io.camrig.service.takes.Take;
import io.camrig.service.takes.TakeDownloads;
import io.camrig.service.takes.TakeLog;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * The API's actions: set a setting (one camera or many), load a preset group, arm, fire on/off
 * (which opens and closes takes), recover failed cameras, download a take. Every answer carries
 * the per-camera outcomes, and the same outcomes go out on the event stream ({@code outcomes}),
 * with a log line per failed camera. Rig-wide operations (presets, arm, fire, recover) run one at
 * a time: another one asked meanwhile gets 409 and the name of the one running.
 */
final class ActionRoutes {
    private final RigAccess rig;
    private final CameraFeed feed;
    private final TakeLog takes;
    private final TakeDownloads downloads;
    private final EventHub hub;
    private final HttpIo io;
    private final AtomicReference<String> running = new AtomicReference<>();

    ActionRoutes(RigAccess rig, CameraFeed feed, TakeLog takes, TakeDownloads downloads, EventHub hub, HttpIo io) {
        this.rig = rig;
        this.feed = feed;
        this.takes = takes;
        this.downloads = downloads;
        this.hub = hub;
        this.io = io;
    }

    void register(HttpServerRoutes r, Guarded g) {
        r.put("/api/settings/{setting}", g.write((req, res) -> io.ok(res, io.body(req)
                .flatMap(body -> setSetting(req.param("setting"), body, SettingArgs.cameras(rig, body))))));
        r.put("/api/cameras/{id}/settings/{setting}", g.write((req, res) -> io.ok(res, io.body(req).flatMap(body -> {
            RigMember m = rig.member(req.param("id"))
                    .orElseThrow(() -> ApiException.notFound("no camera '" + req.param("id") + "'"));
            return setSetting(req.param("setting"), body, m::equals);
        }))));
        r.post("/api/presets/group", g.write((req, res) -> io.ok(res, io.body(req).flatMap(this::presetGroup))));
        r.post("/api/presets/load", g.write((req, res) -> io.ok(res, io.body(req).flatMap(this::preset))));
        r.post("/api/arm", g.write((req, res) -> io.ok(res, exclusive("arm",
                rig.arm().map(o -> report("arm", o))))));
        r.post("/api/fire", g.write((req, res) -> io.ok(res, io.body(req).flatMap(body -> fire(shutter(body))))));
        r.post("/api/stop", g.write((req, res) -> io.ok(res, fire(false))));
        r.post("/api/recover", g.write((req, res) -> io.ok(res, exclusive("recover", rig.recover().map(back -> {
            back.forEach(m -> hub.log("info", m.advertisedName(), "recovered"));
            rig.members().forEach(feed::mark);
            return Map.of("recovered", back.stream().map(RigMember::advertisedName).toList());
        })))));
        r.post("/api/takes/{id}/download", g.write((req, res) -> {
            String id = req.param("id");
            Take take = takes.get(id).orElse(null);
            if (take == null) {
                return io.error(res, HttpResponseStatus.NOT_FOUND, "no take '" + id + "'");
            }
            if (!take.isStopped()) {
                return io.error(res, HttpResponseStatus.CONFLICT, "take " + id + " is still recording");
            }
            try {
                if (!downloads.launch(take)) {
                    return io.error(res, HttpResponseStatus.CONFLICT, "take " + id + " is already downloading");
                }
            } catch (io.camrig.engine.offload.OffloadsClosedException e) {
                return io.error(res, HttpResponseStatus.SERVICE_UNAVAILABLE, e.getMessage());
            }
            return io.send(res, HttpResponseStatus.ACCEPTED, take.view());
        }));
    }

    private static boolean shutter(JsonNode body) {
        String s = body.path("shutter").asText("").toLowerCase(Locale.ROOT);
        if (!s.equals("on") && !s.equals("off")) {
            throw ApiException.badRequest("\"shutter\" must be \"on\" or \"off\"");
        }
        return s.equals("on");
    }

    private Mono<Map<String, Object>> setSetting(String name, JsonNode body, Predicate<RigMember> cameras) {
        Setting setting = SettingArgs.setting(name);
        long value = SettingArgs.value(setting, body);
        selectable(cameras);
        String step = "set " + setting.info().snakeName() + " = " + SettingArgs.shown(setting, value);
        return rig.setSetting(setting, value, cameras).map(outcomes -> {
            rig.members().stream().filter(cameras).forEach(feed::mark);
            Map<String, Object> r = report(step, outcomes);
            r.put("setting", setting.info().snakeName());
            r.put("option", SettingArgs.shown(setting, value));
            r.put("value", value);
            return r;
        });
    }

    /** The selection, or 409 when the rig's nodes cannot act on just these cameras. */
    private Predicate<RigMember> selectable(Predicate<RigMember> cameras) {
        if (!rig.canSelect(cameras)) {
            throw new ApiException(HttpResponseStatus.CONFLICT, NodeOps.SUBSET_REFUSED);
        }
        return cameras;
    }

    private Mono<Map<String, Object>> presetGroup(JsonNode body) {
        JsonNode g = body.get("group");
        int group = g == null ? -1 : switch (g.asText().toLowerCase(Locale.ROOT)) {
            case "video" -> 1000;
            case "photo" -> 1001;
            case "timelapse", "time_lapse" -> 1002;
            default -> g.canConvertToInt() ? g.asInt() : -1;
        };
        if (group < 0) {
            throw ApiException.badRequest("\"group\" must be video, photo, timelapse or a preset group id");
        }
        Predicate<RigMember> cameras = selectable(SettingArgs.cameras(rig, body));
        return exclusive("load preset group", rig.loadPresetGroup(group, cameras).map(o -> {
            Map<String, Object> r = report("load preset group " + group, o);
            r.put("group", group);
            return r;
        }));
    }

    private Mono<Map<String, Object>> preset(JsonNode body) {
        JsonNode id = body.get("preset");
        if (id == null || !id.canConvertToLong() || id.asLong() < 0) {
            throw ApiException.badRequest("\"preset\" must be a preset id (a number ≥ 0)");
        }
        long preset = id.asLong();
        Predicate<RigMember> cameras = selectable(SettingArgs.cameras(rig, body));
        return exclusive("load preset", rig.loadPreset(preset, cameras).map(o -> {
            Map<String, Object> r = report("load preset " + preset, o);
            r.put("preset", preset);
            return r;
        }));
    }

    private Mono<Map<String, Object>> fire(boolean on) {
        return exclusive(on ? "fire on" : "fire off", rig.fire(on).flatMap(result -> {
            List<CameraOutcome> outcomes = CameraOutcome.of(result.shutter(), t -> "");
            FireFigures figures = FireFigures.of(result);
            Mono<java.util.Optional<Take>> recorded = on
                    ? takes.started(figures, outcomes, rig::takeCamera).map(java.util.Optional::of)
                    : takes.stopped(figures, outcomes);
            return recorded.onErrorResume(e -> {
                hub.log("error", null, (on ? "fire on" : "fire off") + ": the take could not be written: " + e.getMessage());
                return Mono.just(java.util.Optional.empty());
            }).map(t -> answer(on, result, outcomes, figures, t.orElse(null)));
        }));
    }

    private Map<String, Object> answer(boolean on, io.camrig.engine.rig.FireResult result, List<CameraOutcome> outcomes,
                                       FireFigures figures, Take take) {
        Map<String, Object> r = report(on ? "fire on" : "fire off", outcomes);
        r.put("figures", figures);
        r.put("encoding", CameraOutcome.of(result.encoding(), t -> ""));
        if (take != null) {
            r.put("take", take.view());
            hub.publish("take", "take:" + take.id(), take.view());
        }
        hub.publish("fire", null, Map.of("shutter", on ? "on" : "off", "figures", figures,
                "take", take == null ? 0 : take.id()));
        hub.log("info", null, String.format(Locale.ROOT, "fire %s: %d/%d cameras, predicted spread %s ms, "
                + "observed %s ms%s", on ? "on" : "off", figures.fired(), figures.cameras(),
                figures.predictedSpreadMs(), figures.observedSpreadMs(), take == null ? "" : ", take " + take.takeId()));
        rig.members().forEach(feed::mark);
        return r;
    }

    /** Runs a rig-wide operation unless another one runs; 409 then. */
    private <T> Mono<T> exclusive(String name, Mono<T> op) {
        return Mono.defer(() -> {
            if (!running.compareAndSet(null, name)) {
                return Mono.error(new ApiException(HttpResponseStatus.CONFLICT,
                        "'" + running.get() + "' is running; try again when it ends"));
            }
            return op.doFinally(s -> running.set(null));
        });
    }

    /** The answer's common part, published as an {@code outcomes} event, failed cameras logged. */
    private Map<String, Object> report(String step, List<CameraOutcome> outcomes) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("step", step);
        r.put("ok", outcomes.stream().filter(CameraOutcome::ok).count());
        r.put("failed", outcomes.stream().filter(o -> "failed".equals(o.outcome())).count());
        r.put("outcomes", outcomes);
        hub.publish("outcomes", null, r);
        outcomes.stream().filter(o -> o.error() != null).forEach(o ->
                hub.log("error", o.name(), step + ": " + o.error().type() + ": " + o.error().message()));
        hub.log("info", null, step + ": " + r.get("ok") + " ok, " + r.get("failed") + " failed");
        return r;
    }
}
