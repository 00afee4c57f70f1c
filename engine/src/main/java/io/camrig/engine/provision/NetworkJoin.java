package io.camrig.engine.provision;

import java.util.Objects;

/**
 * How a camera got onto a network.
 *
 * @param ssid  the network
 * @param known {@code true} when the camera already knew it (Connect to Provisioned Access Point
 *              succeeded); {@code false} when it was set up with Connect to a New Access Point
 * @param scans how many scans it took (0 when known)
 * @param state the final NotifProvisioningState, e.g. {@code PROVISIONING_SUCCESS_NEW_AP}
 */
public record NetworkJoin(String ssid, boolean known, int scans, String state) {
    public NetworkJoin {
        Objects.requireNonNull(ssid, "ssid");
        Objects.requireNonNull(state, "state");
    }
}
