package io.camrig.simulator.camera;

import io.camrig.proto.catalog.CameraModel;
import io.camrig.proto.catalog.Catalog;
import io.camrig.proto.catalog.StatusInfo;
import io.camrig.proto.catalog.ValueType;
import io.camrig.proto.catalog.Status;
import io.camrig.proto.message.TlvEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A virtual camera's status table: status id → value bytes (big-endian integers), with listeners
 * told of each change. Thread-safe.
 */
public final class CameraStatuses {
    private final Map<Integer, byte[]> values = new TreeMap<>();
    private final List<Consumer<TlvEntry>> listeners = new CopyOnWriteArrayList<>();

    /** A table with the statuses a freshly booted camera reports. */
    public static CameraStatuses initial() {
        CameraStatuses s = new CameraStatuses();
        s.setInt(1, 1, 1);                               // battery present
        s.setInt(Status.INTERNAL_BATTERY_BARS.id(), 1, 3);
        s.setInt(Status.BUSY.id(), 1, 0);
        s.setInt(Status.ENCODING.id(), 1, 0);
        s.setInt(13, 4, 0);                              // video encoding duration, s
        s.setInt(39, 4, 0);                              // videos on the SD card
        s.setInt(Status.SD_CARD_REMAINING.id(), 8, 58_000_000L);
        s.setInt(Status.AP_MODE.id(), 1, 0);
        s.setInt(Status.INTERNAL_BATTERY_PERCENTAGE.id(), 1, 87);
        s.setInt(Status.CAMERA_CONTROL_ID.id(), 1, 0);
        return s;
    }

    /**
     * A table with every status the model reports (references.json {@code statuses[*].cameras}):
     * booleans and enums on one byte, integers on four (SD card remaining on eight), the camera
     * name as UTF-8. Statuses 29 and 30 (SSIDs) are four-byte integers, as real cameras send them
     * over BLE although the spec types them as strings. Values are those of an idle camera with a
     * charged battery and an empty SD card, in the video preset group.
     */
    public static CameraStatuses forModel(CameraModel model, String cameraName) {
        CameraStatuses s = new CameraStatuses();
        for (StatusInfo info : Catalog.statuses().values()) {
            if (!info.supportedBy(model)) {
                continue;
            }
            int id = info.id();
            if (info.type() == ValueType.STRING && id != 29 && id != 30) {
                s.setText(id, id == 122 ? cameraName : "");
            } else if (info.type() == ValueType.BOOLEAN || info.type() == ValueType.UINT8) {
                s.setInt(id, 1, INITIAL.getOrDefault(id, 0L));
            } else {
                s.setInt(id, id == Status.SD_CARD_REMAINING.id() ? 8 : 4, INITIAL.getOrDefault(id, 0L));
            }
        }
        return s;
    }

    private static final Map<Integer, Long> INITIAL = Map.ofEntries(
            Map.entry(1, 1L), Map.entry(Status.INTERNAL_BATTERY_BARS.id(), 3L), Map.entry(17, 1L), Map.entry(31, 1L),
            Map.entry(34, 3200L), Map.entry(35, 240L), Map.entry(Status.SD_CARD_REMAINING.id(), 58_000_000L),
            Map.entry(60, 500L), Map.entry(Status.INTERNAL_BATTERY_PERCENTAGE.id(), 87L), Map.entry(76, 1L), Map.entry(81, 1L),
            Map.entry(82, 1L), Map.entry(89, 12L), Map.entry(93, 0L), Map.entry(94, 0x10000L),
            Map.entry(95, 0x20000L), Map.entry(96, 1000L), Map.entry(117, 64_000_000L));

    /** Sets a string status (UTF-8). */
    public void setText(int id, String text) {
        set(id, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Sets status {@code id} to {@code value} encoded on {@code width} bytes; tells listeners if it changed. */
    public void setInt(int id, int width, long value) {
        byte[] bytes = new byte[width];
        for (int i = width - 1; i >= 0; i--) {
            bytes[i] = (byte) value;
            value >>>= 8;
        }
        set(id, bytes);
    }

    private void set(int id, byte[] bytes) {
        boolean changed;
        synchronized (values) {
            byte[] old = values.put(id, bytes);
            changed = old == null || !java.util.Arrays.equals(old, bytes);
        }
        if (changed) {
            TlvEntry entry = new TlvEntry(id, bytes);
            listeners.forEach(l -> l.accept(entry));
        }
    }

    /** Sets a boolean status (one byte, 0 or 1). */
    public void setFlag(int id, boolean on) {
        setInt(id, 1, on ? 1 : 0);
    }

    /** The current value of a status as an unsigned integer, or -1 when absent. */
    public long get(int id) {
        synchronized (values) {
            byte[] v = values.get(id);
            if (v == null) {
                return -1;
            }
            long r = 0;
            for (byte b : v) {
                r = (r << 8) | (b & 0xFF);
            }
            return r;
        }
    }

    /** {@code true} when the camera reports this status. */
    public boolean has(int id) {
        synchronized (values) {
            return values.containsKey(id);
        }
    }

    /** Sets status {@code id} as {@link #setInt} does if the model reports it; a status it does not report stays absent. */
    void setReported(int id, int width, long value) {
        if (has(id)) {
            setInt(id, width, value);
        }
    }

    /** {@code true} while busy (status 8). */
    boolean busy() {
        return get(Status.BUSY.id()) == 1;
    }

    /** {@code true} while encoding (status 10). */
    boolean encoding() {
        return get(Status.ENCODING.id()) == 1;
    }

    /** Entries for the given ids (all statuses when {@code ids} is empty); unknown ids are left out. */
    public List<TlvEntry> entries(List<Integer> ids) {
        List<TlvEntry> out = new ArrayList<>();
        synchronized (values) {
            if (ids.isEmpty()) {
                values.forEach((k, v) -> out.add(new TlvEntry(k, v)));
            } else {
                for (int id : ids) {
                    byte[] v = values.get(id);
                    if (v != null) {
                        out.add(new TlvEntry(id, v));
                    }
                }
            }
        }
        return out;
    }

    /** A snapshot of all statuses as id → unsigned integer (or text), for the HTTP state endpoint. */
    public Map<Integer, Object> snapshot() {
        Map<Integer, Object> out = new TreeMap<>();
        for (TlvEntry e : entries(List.of())) {
            boolean text = Catalog.status(e.id()).map(i -> i.type() == ValueType.STRING).orElse(false)
                    && e.value().length != 4;
            out.put(e.id(), text ? e.asString() : e.asLong());
        }
        return out;
    }

    /** Adds a listener told of every change; returns a handle that removes it. */
    public Runnable onChange(Consumer<TlvEntry> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
