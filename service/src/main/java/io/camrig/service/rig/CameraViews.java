package io.camrig.service.rig;

import io.camrig.engine.camera.SettingValue;
import io.camrig.engine.rig.RigMember;
import io.camrig.proto.catalog.Status;
import io.camrig.proto.message.HardwareInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Builds {@link CameraView}s from what the rig knows now: the member's link and failure, the
 * camera's status cache (kept current by the registered pushes), the latency estimate, and the
 * service's key-settings cache. Reads only; cheap enough to run ten times a second per camera.
 */
public final class CameraViews {
    /** The node of every camera on a single-host rig. */
    public static final String LOCAL_NODE = "local";

    private final RigAccess rig;

    public CameraViews(RigAccess rig) {
        this.rig = rig;
    }

    /** The camera's tile as of now. */
    public CameraView view(RigMember m) {
        Optional<HardwareInfo> hw = rig.hardware(m);
        String link = rig.link(m);
        Map<String, String> keys = new LinkedHashMap<>();
        Map<Integer, SettingValue> known = rig.keySettings(m);
        for (var s : RigAccess.KEY_SETTINGS) {
            SettingValue v = known.get(s.id());
            if (v != null) {
                keys.put(s.info().snakeName(), v.display());
            }
        }
        Long sdKb = status(m, Status.SD_CARD_REMAINING.id());
        Long videoS = status(m, Status.REMAINING_VIDEO_TIME.id());
        long latencyNs = m.latency().samples() > 0 ? m.latency().oneWayNanos() : -1;
        return new CameraView(m.index(), m.advertisedName(), rig.node(m),
                hw.map(HardwareInfo::serialNumber).orElse(null), hw.map(HardwareInfo::modelName).orElse(null), link,
                m.isHealthy(), status(m, Status.INTERNAL_BATTERY_PERCENTAGE.id()),
                sdKb == null ? null : Math.round(sdKb * 1000.0 / 1e9 * 10) / 10.0,
                videoS == null ? null : videoS / 60,
                flag(m, Status.OVERHEATING.id()), flag(m, Status.COLD.id()), flag(m, Status.BUSY.id()),
                flag(m, Status.ENCODING.id()), status(m, Status.PRESET_GROUP.id()), keys,
                latencyNs < 0 ? null : Math.round(latencyNs / 1e4) / 100.0, m.reconnects(), lastError(m, link));
    }

    private static ErrorView lastError(RigMember m, String link) {
        if (m.failure().isPresent()) {
            return ErrorView.of(m.failure().get(), m.failedStep().orElse(null));
        }
        if ("down".equals(link)) {
            return new ErrorView("ConnectionClosedException", m.advertisedName() + ": BLE link lost; reconnecting",
                    "link");
        }
        return null;
    }

    private Long status(RigMember m, int id) {
        return rig.status(m, id).orElse(null);
    }

    private boolean flag(RigMember m, int id) {
        return rig.status(m, id).map(v -> v == 1L).orElse(false);
    }
}
