package io.camrig.simulator.state;

import io.camrig.proto.pb.EnumCOHNNetworkState;
import io.camrig.proto.pb.EnumCOHNStatus;
import io.camrig.proto.pb.NotifyCOHNStatus;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A virtual camera's camera-on-the-home-network state: its certificate, basic-auth credentials
 * and whether COHN is enabled. The camera is provisioned once it has a certificate and is connected
 * to a network. The password is a secret: it only leaves in NotifyCOHNStatus, as on a real
 * camera, and {@link #toString()} never shows it. Thread-safe.
 *
 * <p>Source: Open GoPro BLE spec, "Camera on the Home Network".
 */
public final class SimulatedCohn {
    private final String password;
    private final String ipAddress;
    private final String macAddress;
    private String certificate;
    private boolean enabled = true;
    private int certificates;

    /**
     * @param seed       seed of the generated password
     * @param index      the camera's index, for its IP address
     * @param macAddress the Wi-Fi MAC address, 12 hex digits
     */
    public SimulatedCohn(long seed, int index, String macAddress) {
        SplittableRandom random = new SplittableRandom(seed * 31 + index);
        StringBuilder sb = new StringBuilder();
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        for (int i = 0; i < 12; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        this.password = sb.toString();
        this.ipAddress = "192.168.50." + (100 + index % 150);
        this.macAddress = macAddress;
    }

    /** Creates a certificate; refused (false) when one exists and {@code override} is not set. */
    public synchronized boolean createCertificate(boolean override) {
        if (certificate != null && !override) {
            return false;
        }
        certificates++;
        certificate = "-----BEGIN CERTIFICATE-----\nU0lNVUxBVEVELUNPSE4tQ0VSVC0" + certificates
                + "\n-----END CERTIFICATE-----\n";
        return true;
    }

    /** Deletes the certificate. */
    public synchronized void clearCertificate() {
        certificate = null;
    }

    /** The root CA certificate, when one was created. */
    public synchronized Optional<String> certificate() {
        return Optional.ofNullable(certificate);
    }

    /** Enables or disables COHN. */
    public synchronized void setEnabled(boolean on) {
        enabled = on;
    }

    /** The status as NotifyCOHNStatus carries it, given the network the camera is connected to. */
    public synchronized NotifyCOHNStatus status(Optional<String> connectedSsid) {
        boolean provisioned = certificate != null && connectedSsid.isPresent();
        NotifyCOHNStatus.Builder b = NotifyCOHNStatus.newBuilder()
                .setStatus(provisioned ? EnumCOHNStatus.COHN_PROVISIONED : EnumCOHNStatus.COHN_UNPROVISIONED)
                .setState(connectedSsid.isPresent() ? EnumCOHNNetworkState.COHN_STATE_NetworkConnected
                        : EnumCOHNNetworkState.COHN_STATE_Idle)
                .setEnabled(enabled)
                .setMacaddress(macAddress);
        if (provisioned) {
            b.setUsername("gopro").setPassword(password).setIpaddress(ipAddress).setSsid(connectedSsid.get());
        }
        return b.build();
    }

    @Override
    public synchronized String toString() {
        return "SimulatedCohn[certificate=" + (certificate != null) + ", enabled=" + enabled + ", password=***]";
    }
}
