package io.camrig.engine.provision.rig;

import java.util.Objects;

/**
 * One camera of a rig, provisioned: on the network, reachable over COHN. Holds no secret.
 *
 * @param camera            the camera's label (advertised name)
 * @param serial            its serial number, the credential store's key
 * @param ssid              the network it is on
 * @param ipAddress         its COHN IP address
 * @param networkKnown      {@code true} when the camera already knew the network
 * @param certificateReused {@code true} when the stored COHN credentials were still valid
 */
public record ProvisionedCamera(String camera, String serial, String ssid, String ipAddress, boolean networkKnown,
                                boolean certificateReused) {
    public ProvisionedCamera {
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(ssid, "ssid");
        Objects.requireNonNull(ipAddress, "ipAddress");
    }
}
