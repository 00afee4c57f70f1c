package io.camrig.engine.provision;

import io.camrig.proto.error.PermanentCamrigException;

/**
 * The camera did not get onto the network for another reason than the password: the final
 * NotifProvisioningState (e.g. {@code PROVISIONING_ERROR_FAILED_TO_ASSOCIATE},
 * {@code PROVISIONING_ERROR_NO_INTERNET}) or the result the camera refused the request with.
 */
public final class ProvisioningFailedException extends PermanentCamrigException {
    private final String ssid;
    private final String state;

    public ProvisioningFailedException(String camera, String operation, String ssid, String state, Throwable cause) {
        super("could not join network '" + ssid + "': " + state, camera, operation, cause);
        this.ssid = ssid;
        this.state = state;
    }

    /** The network concerned. */
    public String ssid() {
        return ssid;
    }

    /** The camera's state or result, e.g. {@code PROVISIONING_ERROR_FAILED_TO_ASSOCIATE}. */
    public String state() {
        return state;
    }
}
