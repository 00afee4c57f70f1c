package io.camrig.engine.provision;

import java.util.Objects;

/**
 * The Wi-Fi network a rig's cameras join in station mode (for COHN): its SSID and WPA2 passphrase.
 * The password is a secret: {@link #toString()} never shows it.
 *
 * @param ssid     the network name, 1..32 bytes
 * @param password the passphrase, or empty for an open network
 */
public record RigNetwork(String ssid, String password) {
    public RigNetwork {
        Objects.requireNonNull(ssid, "ssid");
        Objects.requireNonNull(password, "password");
        if (ssid.isBlank()) {
            throw new IllegalArgumentException("the network needs an SSID");
        }
    }

    /** An open network: no password. */
    public static RigNetwork open(String ssid) {
        return new RigNetwork(ssid, "");
    }

    /** {@code true} when no password is set. */
    public boolean isOpen() {
        return password.isEmpty();
    }

    @Override
    public String toString() {
        return "RigNetwork[ssid=" + ssid + ", password=" + (password.isEmpty() ? "none" : "***") + "]";
    }
}
