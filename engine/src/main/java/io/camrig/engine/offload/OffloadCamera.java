package io.camrig.engine.offload;

import io.camrig.http.client.CameraHttpClient;
import io.camrig.http.model.PathNames;
import java.util.Objects;
import java.util.Optional;

/**
 * A camera to offload and how it is reached.
 *
 * @param serial the serial number the camera must report over HTTP ({@code /gopro/camera/info})
 *     before a file is credited to it; it also names the camera's directory
 * @param name a label for events (its BLE name or address); never a secret
 * @param client its HTTP client
 * @param link how it is reached: over its own AP the host's Wi-Fi interface is shared, so one
 *     AP camera at a time; COHN and USB cameras go in parallel
 * @param ap the AP to join first ({@link Link#AP} through a {@link io.camrig.http.wifi.HostWifi});
 *     empty when the host is already on it
 */
public record OffloadCamera(String serial, String name, CameraHttpClient client, Link link, Optional<ApAccess> ap) {

    /** How the host reaches a camera's HTTP. */
    public enum Link { AP, COHN, USB, OTHER }

    /**
     * A camera's AP: SSID (GP-0002) and password (GP-0003, a secret: never printed).
     *
     * @param ssid the network name
     * @param password the WPA2 passphrase
     */
    public record ApAccess(String ssid, String password) {
        public ApAccess {
            Objects.requireNonNull(ssid, "ssid");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "ApAccess[ssid=" + ssid + ", password=***]";
        }
    }

    public OffloadCamera {
        PathNames.requireSegment(serial, "serial");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(link, "link");
        ap = ap == null ? Optional.empty() : ap;
    }

    /** A camera reached directly (no join) over {@code link}. */
    public static OffloadCamera of(String serial, String name, CameraHttpClient client, Link link) {
        return new OffloadCamera(serial, name, client, link, Optional.empty());
    }
}
