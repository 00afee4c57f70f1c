package io.camrig.simulator.http;

import io.camrig.simulator.media.SdCard;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import reactor.core.scheduler.Scheduler;

/**
 * What a virtual camera's HTTP side remembers: settings (per model, from {@link SettingTable}),
 * the statuses it drives (busy 8, encoding 10, preview 32, videos 39, zoom 75, preset 97, turbo
 * 113, control 114, USB control 116), presets, clock, name, webcam and hilights. The shutter
 * records to the {@link SdCard} after {@link HttpServerOptions#encodingStopTime()}. Statuses
 * given by the BLE side (a supplier) are merged in: busy and encoding are set when either side
 * sets them. Thread-safe.
 */
public final class CameraHttpModel {
    /** Outcome of a request that changes state. */
    public enum Outcome {
        /** Done. */
        OK,
        /** Refused: busy (or encoding, for settings and presets); HTTP 503. */
        BUSY,
        /** Refused: an unknown id or a value out of range; HTTP 400 (403 for a setting option). */
        INVALID
    }

    private final HttpCameraIdentity identity;
    private final SdCard card;
    private final Supplier<Map<Integer, Object>> external;
    private final Supplier<Map<Integer, Object>> externalSettings;
    private final HttpServerOptions options;
    private final Map<Integer, SettingTable.Setting> table;
    private final PresetTable presets = new PresetTable();
    private final Map<Integer, Long> settings = new TreeMap<>();
    private final Map<Integer, Long> statuses = new TreeMap<>();
    private final Map<String, List<Long>> hilights = new HashMap<>();
    private Duration clockOffset = Duration.ZERO;
    private int utcOffsetMinutes;
    private boolean dst;
    private String name;
    private int webcamStatus;
    private Instant recordingSince;

    CameraHttpModel(HttpCameraIdentity identity, SdCard card, Supplier<Map<Integer, Object>> external,
            Supplier<Map<Integer, Object>> externalSettings, HttpServerOptions options) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.card = Objects.requireNonNull(card, "card");
        this.external = Objects.requireNonNull(external, "external");
        this.externalSettings = Objects.requireNonNull(externalSettings, "externalSettings");
        this.options = Objects.requireNonNull(options, "options");
        this.table = SettingTable.builtIn().forModel(identity.model().displayName());
        reset();
    }

    /** Back to factory state: default options, video preset, no zoom, turbo off, webcam off. */
    public synchronized void reset() {
        settings.clear();
        table.values().forEach(s -> settings.put(s.id(), s.anyWholeNumber() ? (s.id() == 88 ? 50L : 0L)
                : (long) s.options().get(0).id()));
        statuses.clear();
        for (int id : new int[] {8, 10, 13, 32, 75, 113, 114, 116}) {
            statuses.put(id, 0L);
        }
        statuses.put(97, 0L);
        name = "GoPro " + identity.serial().substring(Math.max(0, identity.serial().length() - 4));
        webcamStatus = 0;
        hilights.clear();
    }

    public HttpCameraIdentity identity() {
        return identity;
    }

    public SdCard card() {
        return card;
    }

    /** Every status: the BLE side's, then this side's (busy and encoding or-ed), videos from the card. */
    public synchronized Map<Integer, Object> statuses() {
        Map<Integer, Object> out = new TreeMap<>(external.get());
        statuses.forEach((id, v) -> out.merge(id, v, (a, b) -> (id == 8 || id == 10)
                ? (Long) Math.max(toLong(a), toLong(b)) : b));
        out.put(39, (long) card.fileCount());
        return out;
    }

    private static long toLong(Object o) {
        return o instanceof Number n ? n.longValue() : 0;
    }

    /** Every setting's current option; options given by the BLE side win. */
    public synchronized Map<Integer, Long> settings() {
        Map<Integer, Long> out = new TreeMap<>(settings);
        externalSettings.get().forEach((id, v) -> out.put(id, toLong(v)));
        return out;
    }

    /** The settings this model supports. */
    public Map<Integer, SettingTable.Setting> settingTable() {
        return table;
    }

    /** Makes the camera busy (status 8) or ready; for tests and fault injection. */
    public synchronized void busy(boolean on) {
        statuses.put(8, on ? 1L : 0L);
    }

    public boolean busy() {
        return toLong(statuses().get(8)) == 1;
    }

    public boolean encoding() {
        return toLong(statuses().get(10)) == 1;
    }

    /** Sets a setting: BUSY while busy or encoding, INVALID for an unknown setting or option. */
    public synchronized Outcome setSetting(int id, long option) {
        SettingTable.Setting s = table.get(id);
        if (s == null || !s.accepts(option)) {
            return Outcome.INVALID;
        }
        if (busy() || encoding()) {
            return Outcome.BUSY;
        }
        settings.put(id, option);
        return Outcome.OK;
    }

    /**
     * Shutter: on starts encoding at once (a no-op while encoding); off stops it and, after the
     * encoding stop time, adds the recording to the card. BUSY while busy.
     */
    public Outcome shutter(boolean on, Scheduler scheduler) {
        synchronized (this) {
            if (busy()) {
                return Outcome.BUSY;
            }
            if (on) {
                if (recordingSince == null) {
                    recordingSince = Instant.now();
                    statuses.put(10, 1L);
                }
                return Outcome.OK;
            }
            if (recordingSince == null) {
                return Outcome.OK;
            }
        }
        Runnable stop = () -> {
            synchronized (this) {
                if (recordingSince != null) {
                    // the footage carries this camera's clock (as set over HTTP) at the start
                    card.record(recordingSince, new io.camrig.simulator.media.RecordingFacts(
                            identity.model().displayName(), identity.model().firmwareVersion(), identity.serial(),
                            LocalDateTime.ofInstant(recordingSince.plus(clockOffset), ZoneOffset.UTC),
                            Duration.between(recordingSince, Instant.now())));
                    recordingSince = null;
                    statuses.put(10, 0L);
                }
            }
        };
        long nanos = options.encodingStopTime().toNanos();
        if (nanos == 0) {
            stop.run();
        } else {
            scheduler.schedule(stop, nanos, TimeUnit.NANOSECONDS);
        }
        return Outcome.OK;
    }

    /** Loads a preset: INVALID when unknown, BUSY while busy or encoding. */
    public synchronized Outcome loadPreset(long id) {
        Optional<PresetTable.Entry> p = presets.find(id);
        if (p.isEmpty()) {
            return Outcome.INVALID;
        }
        if (busy() || encoding()) {
            return Outcome.BUSY;
        }
        statuses.put(97, id);
        return Outcome.OK;
    }

    /** Loads the first visible preset of a group. */
    public synchronized Outcome loadGroup(int group) {
        Optional<PresetTable.Entry> p = presets.firstOf(group);
        return p.isEmpty() ? Outcome.INVALID : loadPreset(p.get().id);
    }

    synchronized PresetTable presets() {
        return presets;
    }

    /** The active preset's id (status 97). */
    public synchronized long currentPreset() {
        return statuses.get(97);
    }

    /** Sets one of the statuses this side drives (control 114, zoom 75, turbo 113 …). */
    public synchronized void status(int id, long value) {
        statuses.put(id, value);
    }

    /** The camera's clock: what it was set to, moved on with real time. */
    public synchronized LocalDateTime clock() {
        return LocalDateTime.ofInstant(Instant.now().plus(clockOffset), ZoneOffset.UTC).withNano(0);
    }

    public synchronized int utcOffsetMinutes() {
        return utcOffsetMinutes;
    }

    public synchronized boolean daylightSaving() {
        return dst;
    }

    public synchronized void clock(LocalDateTime local, int utcOffset, boolean daylightSaving) {
        clockOffset = Duration.between(Instant.now(), local.toInstant(ZoneOffset.UTC));
        utcOffsetMinutes = utcOffset;
        dst = daylightSaving;
    }

    public synchronized String name() {
        return name;
    }

    public synchronized void name(String newName) {
        name = newName;
    }

    public synchronized int webcamStatus() {
        return webcamStatus;
    }

    public synchronized void webcamStatus(int status) {
        webcamStatus = status;
    }

    public synchronized List<Long> hilights(String path) {
        return List.copyOf(hilights.getOrDefault(path, List.of()));
    }

    public synchronized void hilight(String path, long ms, boolean add) {
        List<Long> list = new java.util.ArrayList<>(hilights.getOrDefault(path, List.of()));
        if (add) {
            list.add(ms);
        } else {
            list.remove(ms);
        }
        hilights.put(path, list);
    }
}
