package io.camrig.engine.provision;

import io.camrig.proto.error.PermanentCamrigException;

/**
 * The network was not among the access points the camera found, after every scan allowed
 * ({@link ProvisioningOptions#scanAttempts()}). Either it is out of the camera's range or its name
 * is misspelled.
 */
public final class NetworkNotFoundException extends PermanentCamrigException {
    private final String ssid;
    private final int scans;

    public NetworkNotFoundException(String camera, String ssid, int scans, int lastSeen) {
        super("network '" + ssid + "' not found after " + scans + (scans == 1 ? " scan" : " scans")
                + " (the last one saw " + lastSeen + (lastSeen == 1 ? " network)" : " networks)"),
                camera, "scan for access points", null);
        this.ssid = ssid;
        this.scans = scans;
    }

    /** The network looked for. */
    public String ssid() {
        return ssid;
    }

    /** How many scans ran. */
    public int scans() {
        return scans;
    }
}
