package io.camrig.http.wifi.nm;

import io.camrig.http.wifi.HostWifiException.Reason;
import java.util.List;

/**
 * NetworkManager's reason codes: names for messages and what they mean for a join.
 * {@code NMDeviceStateReason} comes with {@code Device.StateChanged}; {@code
 * NMActiveConnectionStateReason} with {@code Connection.Active.StateChanged}.
 */
final class NmReasons {
    /** {@code NM_DEVICE_STATE_REASON_NO_SECRETS}: the PSK was refused and no agent gave another. */
    static final int DEVICE_NO_SECRETS = 7;
    /** {@code NM_DEVICE_STATE_REASON_SUPPLICANT_DISCONNECT}: the AP dropped us during the 4-way handshake. */
    static final int DEVICE_SUPPLICANT_DISCONNECT = 8;
    /** {@code NM_DEVICE_STATE_REASON_SSID_NOT_FOUND}. */
    static final int DEVICE_SSID_NOT_FOUND = 53;
    /** {@code NM_ACTIVE_CONNECTION_STATE_REASON_NO_SECRETS}. */
    static final int ACTIVE_NO_SECRETS = 9;

    private static final List<String> DEVICE = List.of("NONE", "UNKNOWN", "NOW_MANAGED", "NOW_UNMANAGED",
            "CONFIG_FAILED", "IP_CONFIG_UNAVAILABLE", "IP_CONFIG_EXPIRED", "NO_SECRETS", "SUPPLICANT_DISCONNECT",
            "SUPPLICANT_CONFIG_FAILED", "SUPPLICANT_FAILED", "SUPPLICANT_TIMEOUT", "PPP_START_FAILED",
            "PPP_DISCONNECT", "PPP_FAILED", "DHCP_START_FAILED", "DHCP_ERROR", "DHCP_FAILED", "SHARED_START_FAILED",
            "SHARED_FAILED", "AUTOIP_START_FAILED", "AUTOIP_ERROR", "AUTOIP_FAILED", "MODEM_BUSY",
            "MODEM_NO_DIAL_TONE", "MODEM_NO_CARRIER", "MODEM_DIAL_TIMEOUT", "MODEM_DIAL_FAILED", "MODEM_INIT_FAILED",
            "GSM_APN_FAILED", "GSM_REGISTRATION_NOT_SEARCHING", "GSM_REGISTRATION_DENIED",
            "GSM_REGISTRATION_TIMEOUT", "GSM_REGISTRATION_FAILED", "GSM_PIN_CHECK_FAILED", "FIRMWARE_MISSING",
            "REMOVED", "SLEEPING", "CONNECTION_REMOVED", "USER_REQUESTED", "CARRIER", "CONNECTION_ASSUMED",
            "SUPPLICANT_AVAILABLE", "MODEM_NOT_FOUND", "BT_FAILED", "GSM_SIM_NOT_INSERTED", "GSM_SIM_PIN_REQUIRED",
            "GSM_SIM_PUK_REQUIRED", "GSM_SIM_WRONG", "INFINIBAND_MODE", "DEPENDENCY_FAILED", "BR2684_FAILED",
            "MODEM_MANAGER_UNAVAILABLE", "SSID_NOT_FOUND", "SECONDARY_CONNECTION_FAILED", "DCB_FCOE_FAILED",
            "TEAMD_CONTROL_FAILED", "MODEM_FAILED", "MODEM_AVAILABLE", "SIM_PIN_INCORRECT", "NEW_ACTIVATION",
            "PARENT_CHANGED", "PARENT_MANAGED_CHANGED", "OVSDB_FAILED", "IP_ADDRESS_DUPLICATE",
            "IP_METHOD_UNSUPPORTED", "SRIOV_CONFIGURATION_FAILED", "PEER_NOT_FOUND");

    private static final List<String> ACTIVE = List.of("UNKNOWN", "NONE", "USER_DISCONNECTED",
            "DEVICE_DISCONNECTED", "SERVICE_STOPPED", "IP_CONFIG_INVALID", "CONNECT_TIMEOUT",
            "SERVICE_START_TIMEOUT", "SERVICE_START_FAILED", "NO_SECRETS", "LOGIN_FAILED", "CONNECTION_REMOVED",
            "DEPENDENCY_FAILED", "DEVICE_REALIZE_FAILED", "DEVICE_REMOVED");

    private NmReasons() {
    }

    /** e.g. {@code NO_SECRETS (7)}; unknown codes as {@code REASON_<n>}. */
    static String deviceName(int reason) {
        return name(DEVICE, reason);
    }

    /** e.g. {@code NO_SECRETS (9)}. */
    static String activeName(int reason) {
        return name(ACTIVE, reason);
    }

    /** What a device failure with {@code reason} means for a join. */
    static Reason ofDevice(int reason) {
        return switch (reason) {
            case DEVICE_NO_SECRETS, DEVICE_SUPPLICANT_DISCONNECT -> Reason.WRONG_PASSWORD;
            case DEVICE_SSID_NOT_FOUND -> Reason.NETWORK_NOT_FOUND;
            default -> Reason.FAILED;
        };
    }

    /** What an active connection's deactivation with {@code reason} means for a join. */
    static Reason ofActive(int reason) {
        return reason == ACTIVE_NO_SECRETS ? Reason.WRONG_PASSWORD : Reason.FAILED;
    }

    /** Whether a device's move to NEED_AUTH with {@code reason} means the network refused the password. */
    static boolean refusedOnNeedAuth(int reason) {
        return reason == DEVICE_NO_SECRETS || reason == DEVICE_SUPPLICANT_DISCONNECT;
    }

    /** Whether a device reason says something specific (not NONE/UNKNOWN). */
    static boolean specific(int deviceReason) {
        return deviceReason > 1;
    }

    private static String name(List<String> names, int reason) {
        String n = reason >= 0 && reason < names.size() ? names.get(reason) : "REASON_" + reason;
        return n + " (" + reason + ")";
    }
}
