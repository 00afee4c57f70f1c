package io.camrig.http.model;

import io.camrig.http.address.BasicCredentials;
import java.util.Objects;
import java.util.Optional;

/**
 * The camera's home-network (COHN) status, from {@code POST /gopro/cohn/status} ({@code
 * GPCAMERA_GET_HOME_NETWORK_STATUS}). Carries the Basic-auth password: {@link #toString()} never
 * shows it.
 *
 * @param status 0 unprovisioned, 1 provisioned ({@code EnumCOHNStatus})
 * @param state network state ({@code EnumCOHNNetworkState}: 27 connected, 28 disconnected, 29
 *     connecting …)
 * @param username Basic-auth user name, {@code ""} when not provisioned
 * @param password Basic-auth password (a secret), {@code ""} when not provisioned
 * @param ipAddress the camera's address on the home network, {@code ""} when not connected
 * @param enabled whether COHN is active
 * @param ssid the home network's SSID, {@code ""} when absent
 * @param macAddress the camera's MAC address on it, {@code ""} when absent
 */
public record CohnStatus(int status, int state, String username, String password, String ipAddress,
        boolean enabled, String ssid, String macAddress) {
    /** {@code EnumCOHNNetworkState}: connected to the home network. */
    public static final int STATE_NETWORK_CONNECTED = 27;

    public CohnStatus {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(ipAddress, "ipAddress");
        Objects.requireNonNull(ssid, "ssid");
        Objects.requireNonNull(macAddress, "macAddress");
    }

    /** {@code true} when provisioned (status 1). */
    public boolean provisioned() {
        return status == 1;
    }

    /** {@code true} when connected to the home network (state 27) with an address. */
    public boolean connected() {
        return state == STATE_NETWORK_CONNECTED && !ipAddress.isEmpty();
    }

    /** The Basic credentials, when the camera reported a user name. */
    public Optional<BasicCredentials> credentials() {
        return username.isEmpty() ? Optional.empty() : Optional.of(new BasicCredentials(username, password));
    }

    @Override
    public String toString() {
        return "CohnStatus[status=" + status + ", state=" + state + ", username=" + username
                + ", password=***, ipAddress=" + ipAddress + ", enabled=" + enabled + ", ssid=" + ssid + "]";
    }
}
