package io.camrig.engine.provision;

import io.camrig.proto.error.PermanentCamrigException;

/**
 * The network refused the password given for it: NotifProvisioningState
 * PROVISIONING_ERROR_PASSWORD_AUTH after Connect to a New Access Point. The message names the
 * network, never the password.
 */
public final class WrongPasswordException extends PermanentCamrigException {
    private final String ssid;

    public WrongPasswordException(String camera, String ssid, Throwable cause) {
        super("network '" + ssid + "' refused the password (PROVISIONING_ERROR_PASSWORD_AUTH)", camera,
                "connect to a new access point", cause);
        this.ssid = ssid;
    }

    /** The network that refused it. */
    public String ssid() {
        return ssid;
    }
}
