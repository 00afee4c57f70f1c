package io.camrig.simulator.state;

import io.camrig.proto.catalog.CameraModel;
import io.camrig.proto.catalog.Catalog;
import io.camrig.proto.catalog.Setting;
import io.camrig.proto.catalog.SettingInfo;
import io.camrig.proto.catalog.SettingOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A virtual camera's settings: one value for each setting its model supports, and the options
 * available now ({@link CapabilityRules}). Setting a value that changes other settings'
 * capabilities may also move those settings to an available value; listeners hear of every value
 * and capability that changed. Thread-safe.
 *
 * <p>Defaults: Video Resolution 4K and 30 fps where the model supports them, otherwise each
 * setting's first supported option (by value), or 50 for options-less uint8 settings (LCD
 * brightness, percent) and 0 for uint64 ones.
 */
public final class SimulatedSettings {
    /** What changed in one {@link #set} call. */
    public record Change(Set<Integer> values, Set<Integer> capabilities) {
        public Change {
            values = Set.copyOf(values);
            capabilities = Set.copyOf(capabilities);
        }
    }

    /** The outcome of {@link #set}. */
    public enum Result {
        OK,
        /** The model does not support the setting. */
        UNSUPPORTED_SETTING,
        /** The model does not support the option, or it is not available now. */
        UNAVAILABLE_OPTION
    }

    private static final Map<Integer, Long> PREFERRED = Map.of(
            Setting.VIDEO_RESOLUTION.id(), 1L, Setting.FRAMES_PER_SECOND.id(), 8L);

    private final CameraModel model;
    private final Map<Integer, Long> values = new TreeMap<>();
    private final List<java.util.function.Consumer<Change>> listeners = new CopyOnWriteArrayList<>();

    public SimulatedSettings(CameraModel model) {
        this.model = model;
        for (SettingInfo s : Catalog.settings().values()) {
            if (!s.supportedBy(model)) {
                continue;
            }
            List<SettingOption> options = s.optionsFor(model);
            long value = options.isEmpty() ? (s.width() == 1 ? 50 : 0)
                    : options.stream().map(SettingOption::value).filter(v -> v.equals(PREFERRED.get(s.id()))).findFirst()
                            .orElse(options.get(0).value());
            values.put(s.id(), value);
        }
        for (int id : List.copyOf(values.keySet())) {
            normalize(id, new LinkedHashSet<>());
        }
    }

    public CameraModel model() {
        return model;
    }

    /** {@code true} when the model has the setting. */
    public synchronized boolean supports(int settingId) {
        return values.containsKey(settingId);
    }

    /** The current value. */
    public synchronized Optional<Long> value(int settingId) {
        return Optional.ofNullable(values.get(settingId));
    }

    /** Every current value, by setting id. */
    public synchronized Map<Integer, Long> values() {
        return Map.copyOf(values);
    }

    /** The options available now, by value (empty for settings without options or not supported). */
    public synchronized List<Long> capabilities(int settingId) {
        if (!values.containsKey(settingId)) {
            return List.of();
        }
        return Catalog.setting(settingId).orElseThrow().optionsFor(model).stream()
                .filter(o -> CapabilityRules.available(o, id -> values.get((int) id)))
                .map(SettingOption::value)
                .toList();
    }

    /**
     * Sets a value and applies its consequences.
     *
     * @return whether it was accepted; listeners are told of the changes only when it was
     */
    public Result set(int settingId, long value) {
        Change change;
        synchronized (this) {
            if (!values.containsKey(settingId)) {
                return Result.UNSUPPORTED_SETTING;
            }
            SettingInfo info = Catalog.setting(settingId).orElseThrow();
            if (!info.options().isEmpty() && !capabilities(settingId).contains(value)) {
                return Result.UNAVAILABLE_OPTION;
            }
            Map<Integer, List<Long>> capsBefore = dependentCapabilities(settingId);
            Set<Integer> changed = new LinkedHashSet<>();
            if (!Long.valueOf(value).equals(values.put(settingId, value))) {
                changed.add(settingId);
            }
            Set<Integer> capsChanged = new LinkedHashSet<>();
            capsBefore.forEach((dep, before) -> {
                if (!capabilities(dep).equals(before)) {
                    capsChanged.add(dep);
                }
                normalize(dep, changed);
            });
            change = new Change(changed, capsChanged);
        }
        if (!change.values().isEmpty() || !change.capabilities().isEmpty()) {
            listeners.forEach(l -> l.accept(change));
        }
        return Result.OK;
    }

    /** Adds a listener told of every accepted change; returns a handle that removes it. */
    public Runnable onChange(java.util.function.Consumer<Change> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** The value bytes as the camera sends them: one byte, or eight big-endian for uint64 settings. */
    public static byte[] encode(int settingId, long value) {
        int width = Catalog.setting(settingId).map(SettingInfo::width).orElse(1);
        byte[] out = new byte[width];
        for (int i = width - 1; i >= 0; i--) {
            out[i] = (byte) value;
            value >>>= 8;
        }
        return out;
    }

    private Map<Integer, List<Long>> dependentCapabilities(int settingId) {
        Map<Integer, List<Long>> out = new TreeMap<>();
        for (int dep : CapabilityRules.dependents(settingId)) {
            if (values.containsKey(dep)) {
                out.put(dep, new ArrayList<>(capabilities(dep)));
            }
        }
        return out;
    }

    /** Moves a setting to its first available option when its value is no longer available. */
    private void normalize(int settingId, Set<Integer> changed) {
        List<Long> caps = capabilities(settingId);
        if (caps.isEmpty() || caps.contains(values.get(settingId))) {
            return;
        }
        long best = caps.stream().filter(v -> v.equals(PREFERRED.get(settingId))).findFirst().orElse(caps.get(0));
        values.put(settingId, best);
        changed.add(settingId);
    }
}
