package io.camrig.cli.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camrig.engine.rig.StepRecord;
import io.camrig.engine.session.CameraReport;
import io.camrig.engine.session.SessionReport;
import java.time.Duration;

/**
 * The session report as one JSON document: {@code rig} (cameras, model, recording ms, fire skew
 * µs, encoding spread ms, elapsed ms, ok), and {@code cameras}, each with its steps (name,
 * status, latency ms, detail, error type).
 */
final class JsonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonReport() {
    }

    private static void put(ObjectNode node, String field, Number value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.putPOJO(field, value);
        }
    }

    /**
     * A take's sync: spreads, tolerance, and one entry per camera with its offsets, flag and reasons
     * (and {@code startUnknown}, why its start is unknown, when it is).
     */
    private static ObjectNode sync(io.camrig.engine.sync.TakeSync s) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("ok", s.ok());
        put(n, "spreadMillis", s.spreadMillis().isPresent() ? s.spreadMillis().getAsDouble() : null);
        put(n, "timecodeSpreadFrames", s.timecodeSpreadFrames().isPresent() ? s.timecodeSpreadFrames().getAsLong() : null);
        put(n, "footageSpreadMillis", s.footageSpreadMillis().isPresent() ? s.footageSpreadMillis().getAsDouble() : null);
        n.put("frameMillis", s.frameMillis());
        n.put("maxSpreadMillis", s.tolerance().maxSpread().toNanos() / 1e6);
        n.put("footageToleranceFrames", s.tolerance().footageFrames());
        ArrayNode cameras = n.putArray("cameras");
        for (var c : s.cameras()) {
            ObjectNode cn = cameras.addObject();
            cn.put("camera", c.camera());
            put(cn, "offsetMillis", c.offsetMillis().isPresent() ? c.offsetMillis().getAsDouble() : null);
            put(cn, "startFrame", c.startFrame().isPresent() ? c.startFrame().getAsLong() : null);
            put(cn, "footageOffsetMillis", c.footageOffsetMillis().isPresent() ? c.footageOffsetMillis().getAsDouble()
                    : null);
            put(cn, "disagreementMillis", c.disagreementMillis().isPresent() ? c.disagreementMillis().getAsDouble()
                    : null);
            cn.put("flagged", c.flagged());
            c.reasons().forEach(cn.putArray("reasons")::add);
            c.startUnknown().ifPresent(r -> cn.put("startUnknown", r));
        }
        return n;
    }

    static String render(SessionReport report, String model, Duration recordFor) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode rig = root.putObject("rig");
        rig.put("cameras", report.cameras().size());
        rig.put("succeeded", report.succeeded());
        rig.put("model", model);
        rig.put("recordMillis", recordFor.toMillis());
        put(rig, "fireSkewMicros", report.fireSkewMicros().isPresent() ? report.fireSkewMicros().getAsLong() : null);
        put(rig, "predictedSpreadMicros",
                report.predictedSpreadMicros().isPresent() ? report.predictedSpreadMicros().getAsLong() : null);
        put(rig, "observedSpreadMicros",
                report.observedSpreadMicros().isPresent() ? report.observedSpreadMicros().getAsLong() : null);
        put(rig, "encodingSpreadMicros",
                report.encodingSpreadMicros().isPresent() ? report.encodingSpreadMicros().getAsLong() : null);
        rig.put("elapsedMillis", report.elapsedMillis());
        if (report.metrics() != null) {
            ObjectNode resilience = rig.putObject("resilience");
            resilience.put("reconnects", (long) report.metrics().total("camrig.reconnects"));
            resilience.put("retriedCalls", (long) TextReport.retried(report.metrics()));
            resilience.put("keepAliveFailures", (long) report.metrics().total("camrig.keepalive.failures"));
        }
        ArrayNode cycles = root.putArray("cycles");
        for (var c : report.cycles()) {
            ObjectNode cn = cycles.addObject();
            cn.put("cycle", c.cycle());
            cn.put("take", c.takeId());
            cn.put("succeeded", c.succeeded());
            put(cn, "observedSpreadMicros", c.fire() != null && c.fire().observedSpreadMicros().isPresent()
                    ? c.fire().observedSpreadMicros().getAsLong() : null);
            ObjectNode outcomes = cn.putObject("outcomes");
            c.outcomes().forEach(outcomes::put);
            cn.put("ok", c.ok());
            if (c.syncReport().isPresent()) {
                cn.set("sync", sync(c.syncReport().get()));
            } else {
                cn.putNull("sync");
            }
            ObjectNode footage = cn.putObject("footage");
            c.footage().forEach((camera, facts) -> footage.set(camera,
                    io.camrig.cli.media.FootageJson.of(facts, c.files().getOrDefault(camera, facts.file()))));
        }
        rig.put("takes", report.cycles().size());
        rig.put("failedTakes", report.failedTakes().size());
        rig.put("ok", report.allOk());
        ArrayNode cameras = root.putArray("cameras");
        for (CameraReport c : report.cameras()) {
            ObjectNode n = cameras.addObject();
            n.put("index", c.index());
            n.put("name", c.name());
            n.put("address", c.address());
            n.put("serial", c.serial());
            n.put("model", c.model());
            n.put("ok", c.ok());
            n.put("failedStep", c.failedStep());
            n.put("failure", c.failure());
            n.put("file", c.file());
            n.put("fileBytes", c.fileBytes());
            ArrayNode steps = n.putArray("steps");
            for (StepRecord s : c.steps()) {
                ObjectNode sn = steps.addObject();
                sn.put("step", s.step());
                sn.put("status", s.status());
                sn.put("latencyMillis", s.latency().toNanos() / 1e6);
                sn.put("detail", s.detail());
                if (!s.error().isEmpty()) {
                    sn.put("error", s.error());
                }
            }
        }
        return io.camrig.cli.console.JsonStyle.document(root);
    }
}
