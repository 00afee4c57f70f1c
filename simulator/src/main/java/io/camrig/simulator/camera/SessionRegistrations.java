package io.camrig.simulator.camera;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one central registered for on its connection: status values (0x53), setting values (0x52),
 * setting capabilities (0x62), and the protobuf notifications of presets (F5 72), live streaming
 * (F5 74) and COHN (F5 6F). A registration with no ids covers every id. Push notifications go only
 * to what is registered here. Thread-safe.
 *
 * <p>Source: Open GoPro BLE spec, "Query" (register / unregister); "Presets"; "Live Streaming";
 * "Camera on the Home Network".
 */
final class SessionRegistrations {
    /** One kind of TLV registration: a set of ids, or all of them. */
    static final class Ids {
        private final Set<Integer> ids = ConcurrentHashMap.newKeySet();
        private volatile boolean all;

        void register(Collection<Integer> which) {
            if (which.isEmpty()) {
                all = true;
            } else {
                ids.addAll(which);
            }
        }

        void unregister(Collection<Integer> which) {
            if (which.isEmpty()) {
                all = false;
                ids.clear();
            } else {
                ids.removeAll(which);
            }
        }

        boolean contains(int id) {
            return all || ids.contains(id);
        }
    }

    final Ids statuses = new Ids();
    final Ids settingValues = new Ids();
    final Ids capabilities = new Ids();
    /** EnumRegisterPresetStatus values registered. */
    final Set<Integer> presetStatus = ConcurrentHashMap.newKeySet();
    /** EnumRegisterLiveStreamStatus values registered. */
    final Set<Integer> livestreamStatus = ConcurrentHashMap.newKeySet();
    volatile boolean cohnStatus;
}
