package io.camrig.cli.media;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camrig.footage.FootageFacts;
import io.camrig.footage.Timecode;
import io.camrig.footage.gpmf.GpmfSummary;
import java.util.HexFormat;

/**
 * The JSON form of {@link FootageFacts}: {@code file, sizeBytes, majorBrand, firmware, cameraId,
 * cameraIdHex, creationTime, durationMillis, timecode {startFrame, timescale, frameDuration,
 * frameRate, framesPerSecond, dropFrame, smpte, timeOfDay, frameMillis}, telemetry {devices [{id,
 * name, streams}], firstTimestampMicros, gpsUtc, gpsFix, gpsLocked}, tracks, warnings}; absent
 * parts are null.
 */
public final class FootageJson {
    private FootageJson() {
    }

    public static ObjectNode of(FootageFacts f, String path) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("file", path);
        n.put("sizeBytes", f.sizeBytes());
        n.put("majorBrand", f.majorBrand());
        n.put("firmware", f.firmware());
        n.put("cameraId", f.cameraIdText());
        n.put("cameraIdHex", HexFormat.of().formatHex(f.cameraId()));
        n.put("creationTime", f.creationTime().map(Object::toString).orElse(null));
        n.put("durationMillis", f.durationMillis());
        if (f.timecode().isPresent()) {
            Timecode tc = f.timecode().get();
            ObjectNode t = n.putObject("timecode");
            t.put("startFrame", tc.startFrame());
            t.put("timescale", tc.timescale());
            t.put("frameDuration", tc.frameDuration());
            t.put("frameRate", tc.frameRate());
            t.put("framesPerSecond", tc.framesPerSecond());
            t.put("dropFrame", tc.dropFrame());
            t.put("smpte", tc.smpte());
            t.put("timeOfDay", FootageText.timeOfDay(tc));
            t.put("frameMillis", tc.frameNanos() / 1e6);
        } else {
            n.putNull("timecode");
        }
        if (f.telemetry().isPresent()) {
            GpmfSummary g = f.telemetry().get();
            ObjectNode t = n.putObject("telemetry");
            var devices = t.putArray("devices");
            for (GpmfSummary.Device d : g.devices()) {
                ObjectNode dn = devices.addObject();
                dn.put("id", d.id());
                dn.put("name", d.name());
                d.streams().forEach(dn.putArray("streams")::add);
            }
            if (g.firstTimestampMicros().isPresent()) {
                t.put("firstTimestampMicros", g.firstTimestampMicros().getAsLong());
            } else {
                t.putNull("firstTimestampMicros");
            }
            t.put("gpsUtc", g.gpsUtc().map(Object::toString).orElse(null));
            if (g.gpsFix().isPresent()) {
                t.put("gpsFix", g.gpsFix().getAsLong());
            } else {
                t.putNull("gpsFix");
            }
            t.put("gpsLocked", g.gpsLocked());
        } else {
            n.putNull("telemetry");
        }
        f.tracks().forEach(n.putArray("tracks")::add);
        f.warnings().forEach(n.putArray("warnings")::add);
        return n;
    }
}
