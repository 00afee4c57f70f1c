package io.camrig.http.wifi;

import io.camrig.proto.error.CamrigException;
import java.util.Objects;

/**
 * Why the host's Wi-Fi could not do what was asked, as a {@link Reason}. The "camera" of the error
 * is the SSID concerned, when there is one. Never carries a password.
 */
public final class HostWifiException extends CamrigException {
    /** Why a link is not up. */
    public enum Reason {
        /** The network refused the password (wrong passphrase, or none given for a secured network). */
        WRONG_PASSWORD(false),
        /** The network is not in range of the host's Wi-Fi interface. */
        NETWORK_NOT_FOUND(true),
        /** The link did not come up within the time limit. */
        TIMEOUT(true),
        /** No usable Wi-Fi: no Wi-Fi device, the radio is off, or the network service is not running. */
        UNAVAILABLE(false),
        /** Another reason; the message names the network service's own reason. */
        FAILED(true);

        private final boolean transientReason;

        Reason(boolean transientReason) {
            this.transientReason = transientReason;
        }
    }

    private final Reason reason;

    /**
     * @param reason why
     * @param message what happened, without secrets
     * @param ssid the network concerned, or {@code null}
     * @param operation e.g. {@code "join"}, {@code "scan"}, {@code "restore"}
     */
    public HostWifiException(Reason reason, String message, String ssid, String operation, Throwable cause) {
        super(message, ssid, operation, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Why the link is not up. */
    public Reason reason() {
        return reason;
    }

    @Override
    public boolean isTransient() {
        return reason.transientReason;
    }
}
