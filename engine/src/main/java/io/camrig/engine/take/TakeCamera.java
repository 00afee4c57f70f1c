package io.camrig.engine.take;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.camrig.http.model.PathNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One camera of a take.
 *
 * @param serial the camera's serial number (validated: it becomes a directory name)
 * @param name its advertised BLE name, or its HTTP address label
 * @param model model name, e.g. {@code HERO12 Black}; {@code ""} when unknown
 * @param firmware firmware version; {@code ""} when unknown
 * @param node the host that drives it in a multi-host rig; {@code null} on one host
 * @param settings choices camrig made for the take, by name (e.g. {@code preset group}), as text
 * @param steps the outcome of each step ({@code "ok"}, {@code "failed: …"}) in order
 * @param late {@code true} when the camera was flagged late (from the fire or its footage)
 * @param lateReason why, one line; {@code null} when not late
 * @param startOffsetMillis the camera's start offset from the rig's median, ms; {@code null} when not measured
 * @param files the files it produced for the take
 * @param extensions open record for facts other tools add (e.g. footage spread), keyed by name
 * @param settingsInForce every setting value the camera reported at take time (id, catalog name,
 *     value, option name), in id order; empty when not read (an older manifest, or the read failed)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TakeCamera(String serial, String name, String model, String firmware, String node,
        Map<String, String> settings, Map<String, String> steps, boolean late, String lateReason,
        Double startOffsetMillis, List<TakeFile> files, Map<String, Object> extensions,
        List<TakeSetting> settingsInForce) {

    /** The extension that says why the camera's start is unknown ({@link #withStartUnknown}). */
    public static final String START_UNKNOWN = "startUnknown";

    public TakeCamera {
        PathNames.requireSegment(serial, "serial");
        Objects.requireNonNull(name, "name");
        model = model == null ? "" : model;
        firmware = firmware == null ? "" : firmware;
        settings = settings == null ? Map.of() : new LinkedHashMap<>(settings);
        steps = steps == null ? Map.of() : new LinkedHashMap<>(steps);
        files = files == null ? List.of() : List.copyOf(files);
        extensions = extensions == null ? Map.of() : new LinkedHashMap<>(extensions);
        settingsInForce = settingsInForce == null ? List.of() : List.copyOf(settingsInForce);
    }

    /** A camera with identity only. */
    public static TakeCamera of(String serial, String name, String model, String firmware) {
        return new TakeCamera(serial, name, model, firmware, null, Map.of(), Map.of(), false, null, null, List.of(),
                Map.of(), List.of());
    }

    /** The file with this folder and name, if listed. */
    public java.util.Optional<TakeFile> file(String folder, String fileName) {
        return files.stream().filter(f -> f.folder().equals(folder) && f.name().equals(fileName)).findFirst();
    }

    /** A copy with {@code file} added, or replacing the one with the same folder and name. */
    public TakeCamera withFile(TakeFile file) {
        List<TakeFile> out = new ArrayList<>(files);
        out.removeIf(f -> f.folder().equals(file.folder()) && f.name().equals(file.name()));
        int at = 0;
        for (TakeFile f : files) {
            if (f.folder().equals(file.folder()) && f.name().equals(file.name())) {
                break;
            }
            at++;
        }
        out.add(Math.min(at, out.size()), file);
        return new TakeCamera(serial, name, model, firmware, node, settings, steps, late, lateReason,
                startOffsetMillis, out, extensions, settingsInForce);
    }

    /** A copy with the outcome of {@code step}. */
    public TakeCamera withStep(String step, String outcome) {
        Map<String, String> s = new LinkedHashMap<>(steps);
        s.put(step, outcome);
        return new TakeCamera(serial, name, model, firmware, node, settings, s, late, lateReason, startOffsetMillis,
                files, extensions, settingsInForce);
    }

    /** A copy with the settings in force. */
    public TakeCamera withSettings(Map<String, String> inForce) {
        return new TakeCamera(serial, name, model, firmware, node, inForce, steps, late, lateReason, startOffsetMillis,
                files, extensions, settingsInForce);
    }

    /** A copy with the node that drives the camera. */
    public TakeCamera withNode(String host) {
        return new TakeCamera(serial, name, model, firmware, host, settings, steps, late, lateReason, startOffsetMillis,
                files, extensions, settingsInForce);
    }

    /** A copy flagged late (or not) with its start offset from the rig's median, ms. */
    public TakeCamera withStart(Double offsetMillis, boolean isLate, String reason) {
        return new TakeCamera(serial, name, model, firmware, node, settings, steps, isLate, reason, offsetMillis, files,
                extensions, settingsInForce);
    }

    /**
     * A copy that says why its start is unknown (its recording's chapter 01 was not on the card),
     * under the extension {@value #START_UNKNOWN}; this camera when {@code reason} is null.
     */
    public TakeCamera withStartUnknown(String reason) {
        return reason == null ? this : withExtension(START_UNKNOWN, reason);
    }

    /** Why its start is unknown ({@link #withStartUnknown}); empty when known or not checked. */
    public java.util.Optional<String> startUnknown() {
        return extensions.get(START_UNKNOWN) instanceof String reason ? java.util.Optional.of(reason)
                : java.util.Optional.empty();
    }

    /** A copy with every setting value the camera reported at take time. */
    public TakeCamera withSettingsInForce(List<TakeSetting> values) {
        return new TakeCamera(serial, name, model, firmware, node, settings, steps, late, lateReason, startOffsetMillis,
                files, extensions, values);
    }

    /** A copy with one open fact set (replacing an earlier one of the same key). */
    public TakeCamera withExtension(String key, Object value) {
        Map<String, Object> e = new LinkedHashMap<>(extensions);
        e.put(key, value);
        return new TakeCamera(serial, name, model, firmware, node, settings, steps, late, lateReason, startOffsetMillis,
                files, e, settingsInForce);
    }
}
