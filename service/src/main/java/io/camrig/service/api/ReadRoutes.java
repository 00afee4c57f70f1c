package io.camrig.service.api;

import io.camrig.engine.rig.RigMember;
import io.camrig.proto.catalog.Setting;
import io.camrig.service.events.CameraFeed;
import io.camrig.service.events.EventHub;
import io.camrig.service.rig.CameraView;
import io.camrig.service.rig.CameraViews;
import io.camrig.service.rig.RigAccess;
import io.camrig.service.takes.TakeLog;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * The API's reads: the rig, its cameras, their settings (one camera's all, or the matrix of key
 * settings with each setting's majority), the takes and a metrics summary. See
 * {@code openapi.yaml} for the shapes.
 */
final class ReadRoutes {
    private final RigAccess rig;
    private final CameraViews views;
    private final CameraFeed feed;
    private final TakeLog takes;
    private final EventHub hub;
    private final HttpIo io;
    private final boolean tokenRequired;

    ReadRoutes(RigAccess rig, CameraViews views, CameraFeed feed, TakeLog takes, EventHub hub, HttpIo io,
               boolean tokenRequired) {
        this.rig = rig;
        this.views = views;
        this.feed = feed;
        this.takes = takes;
        this.hub = hub;
        this.io = io;
        this.tokenRequired = tokenRequired;
    }

    void register(HttpServerRoutes r, Guarded g) {
        r.get("/api/rig", g.read((req, res) -> io.ok(res, Mono.fromSupplier(this::summary))));
        r.get("/api/rig/state", g.read((req, res) -> io.ok(res, Mono.fromSupplier(this::state))));
        r.get("/api/cameras", g.read((req, res) -> io.ok(res, Mono.fromSupplier(feed::current))));
        r.get("/api/cameras/{id}", g.read((req, res) -> io.ok(res,
                Mono.fromSupplier(() -> views.view(member(req.param("id")))))));
        r.get("/api/cameras/{id}/settings", g.read((req, res) -> io.ok(res, Mono.defer(() -> {
            RigMember m = member(req.param("id"));
            return rig.allSettings(m).map(values -> Map.of("camera", m.index(), "settings", values.stream()
                    .map(v -> Map.of("id", v.settingId(), "name", v.settingName(), "value", v.value(),
                            "option", v.display()))
                    .toList()));
        }))));
        r.get("/api/cameras/{id}/statuses", g.read((req, res) -> io.ok(res, Mono.defer(() -> {
            RigMember m = member(req.param("id"));
            return rig.statuses(m, StatusArgs.wanted(req.uri())).map(values -> Map.of("camera", m.index(),
                    "statuses", values.stream().map(StatusArgs::json).toList()));
        }))));
        r.get("/api/settings", g.read((req, res) -> io.ok(res, Mono.fromSupplier(this::matrix))));
        r.get("/api/settings/{setting}/options", g.read((req, res) -> io.ok(res, Mono.fromSupplier(() -> {
            Setting s = SettingArgs.setting(req.param("setting"));
            return Map.of("setting", s.info().snakeName(), "options", s.options().stream()
                    .map(o -> Map.of("name", o.name(), "key", o.key(), "value", o.value())).toList());
        }))));
        r.get("/api/takes", g.read((req, res) -> io.ok(res, Mono.fromSupplier(takes::views))));
        r.get("/api/takes/{id}", g.read((req, res) -> io.ok(res, Mono.fromSupplier(() -> {
            String id = req.param("id");
            return takes.get(id)
                    .orElseThrow(() -> ApiException.notFound("no take '" + id + "'")).view();
        }))));
        r.get("/api/metrics", g.read((req, res) -> io.ok(res, Mono.fromSupplier(this::metrics))));
    }

    private RigMember member(String id) {
        return rig.member(id).orElseThrow(() -> new ApiException(HttpResponseStatus.NOT_FOUND, "no camera '" + id + "'"));
    }

    Map<String, Object> summary() {
        Map<String, Object> s = new LinkedHashMap<>();
        List<RigMember> members = rig.members();
        s.put("cameras", members.size());
        s.put("healthy", members.stream().filter(RigMember::isHealthy).count());
        s.put("connected", members.stream().filter(m -> "connected".equals(rig.link(m))).count());
        s.put("takes", takes.views().size());
        s.put("tokenRequired", tokenRequired);
        s.put("keySettings", RigAccess.KEY_SETTINGS.stream().map(k -> k.info().snakeName()).toList());
        return s;
    }

    /** Everything a console needs to draw itself: what the event stream's {@code snapshot} carries. */
    Map<String, Object> state() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("rig", summary());
        s.put("cameras", feed.current());
        s.put("settings", matrix());
        s.put("takes", takes.views());
        List<Object> log = new ArrayList<>();
        hub.recentLog().forEach(e -> log.add(rawJson(e.json())));
        s.put("log", log);
        return s;
    }

    private Object rawJson(String text) {
        try {
            return io.mapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return text;
        }
    }

    /** Cameras × key settings, with the majority option of each setting. */
    Map<String, Object> matrix() {
        List<CameraView> cams = feed.current();
        Map<String, String> majority = new LinkedHashMap<>();
        for (Setting s : RigAccess.KEY_SETTINGS) {
            String name = s.info().snakeName();
            Map<String, Integer> counts = new HashMap<>();
            cams.forEach(c -> {
                String v = c.settings().get(name);
                if (v != null) {
                    counts.merge(v, 1, Integer::sum);
                }
            });
            counts.entrySet().stream().max(Map.Entry.comparingByValue()).ifPresent(e -> majority.put(name, e.getKey()));
        }
        List<Map<String, Object>> rows = cams.stream().map(c -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("camera", c.index());
            row.put("name", c.name());
            row.put("values", c.settings());
            return row;
        }).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("settings", RigAccess.KEY_SETTINGS.stream().map(s -> s.info().snakeName()).toList());
        m.put("majority", majority);
        m.put("cameras", rows);
        return m;
    }

    private Map<String, Object> metrics() {
        Map<String, Object> m = new LinkedHashMap<>();
        var metrics = rig.metrics();
        m.put("reconnects", metrics.total("camrig.reconnects"));
        m.put("keepAliveFailures", metrics.total("camrig.keepalive.failures"));
        m.put("deliveriesDropped", metrics.functionTotal("camrig.deliveries.dropped"));
        m.put("packetErrors", metrics.functionTotal("camrig.packets.errors"));
        m.put("downloadedBytes", metrics.total("camrig.download.bytes"));
        m.put("eventsPublished", hub.published());
        List<Map<String, Object>> fires = new ArrayList<>();
        takes.views().forEach(t -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("take", t.id());
            f.put("on", t.on());
            f.put("off", t.off());
            fires.add(f);
        });
        m.put("fires", fires);
        return m;
    }
}
