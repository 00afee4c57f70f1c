package io.camrig.simulator.state;

import io.camrig.http.address.BasicCredentials;
import io.camrig.proto.pb.EnumCOHNNetworkState;
import io.camrig.proto.pb.EnumCOHNStatus;
import io.camrig.proto.pb.NotifyCOHNStatus;
import io.camrig.simulator.cohn.CohnCertificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A virtual camera's camera-on-the-home-network state: its certificates (a real root CA and camera
 * certificate, {@link CohnCertificate}), Basic-auth credentials, the IP address it holds on the
 * network it joins, and whether COHN is enabled. The camera is provisioned once it has a
 * certificate and is connected to a network. Create COHN Certificate generates fresh keys (with
 * {@code override} when one exists), Clear drops them.
 *
 * <p>Addresses are loopback IPv4 so that many cameras' HTTPS servers can share one port: camera
 * {@code i} holds {@link #homeAddress(int)} ({@code 127.0.50.<100+i>}, counting on into the third
 * byte past 155) until {@link #moveTo(String)} moves it.
 *
 * <p>The password is a secret: it only leaves in NotifyCOHNStatus and {@link #credentials()}, as
 * on a real camera, and {@link #toString()} never shows it. Thread-safe; listeners registered with
 * {@link #onChange(Runnable)} run on the caller's thread after each change, outside the lock.
 *
 * <p>Source: Open GoPro BLE spec, "Camera on the Home Network".
 */
public final class SimulatedCohn {
    /** The Basic-auth user name. */
    public static final String USERNAME = "gopro";

    private final String password;
    private final String macAddress;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private String ipAddress;
    private CohnCertificate certificate;
    private boolean enabled = true;

    /**
     * @param seed       seed of the generated password
     * @param index      the camera's 1-based index, for its IP address
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
        this.ipAddress = homeAddress(index);
        this.macAddress = Objects.requireNonNull(macAddress, "macAddress");
    }

    /** The address camera {@code index} gets when it joins a network: 127.0.50.100 plus the index. */
    public static String homeAddress(int index) {
        return ipv4((127 << 24) | (50 << 8) | 100, index);
    }

    /** {@code base} (an IPv4 address as an int) plus {@code offset}, in dotted form. */
    public static String ipv4(int base, int offset) {
        int a = base + offset;
        return ((a >>> 24) & 0xFF) + "." + ((a >>> 16) & 0xFF) + "." + ((a >>> 8) & 0xFF) + "." + (a & 0xFF);
    }

    /** Runs {@code listener} after every change of certificate, address or enablement. */
    public void onChange(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Creates a root CA and camera certificate with fresh keys; refused (false) when one exists and
     * {@code override} is not set.
     */
    public boolean createCertificate(boolean override) {
        synchronized (this) {
            if (certificate != null && !override) {
                return false;
            }
            certificate = CohnCertificate.generate(macAddress, ipAddress);
        }
        changed();
        return true;
    }

    /** Deletes the certificate: the camera is no longer provisioned. */
    public void clearCertificate() {
        synchronized (this) {
            certificate = null;
        }
        changed();
    }

    /** The root CA certificate as PEM, when one was created. */
    public synchronized Optional<String> certificate() {
        return Optional.ofNullable(certificate).map(CohnCertificate::rootPem);
    }

    /** The certificates and keys, when created. */
    public synchronized Optional<CohnCertificate> keys() {
        return Optional.ofNullable(certificate);
    }

    /** The Basic credentials the camera's HTTPS server checks (a secret). */
    public BasicCredentials credentials() {
        return new BasicCredentials(USERNAME, password);
    }

    /** The IPv4 address the camera holds on the network it joins. */
    public synchronized String ipAddress() {
        return ipAddress;
    }

    /** Moves the camera to another address (a DHCP lease change). */
    public void moveTo(String address) {
        synchronized (this) {
            ipAddress = Objects.requireNonNull(address, "address");
        }
        changed();
    }

    /** Whether COHN is enabled (Set COHN Setting). */
    public synchronized boolean enabled() {
        return enabled;
    }

    /** Enables or disables COHN. */
    public void setEnabled(boolean on) {
        synchronized (this) {
            enabled = on;
        }
        changed();
    }

    /** Provisioned: a certificate exists and the camera is connected to a network. */
    public synchronized boolean provisioned(Optional<String> connectedSsid) {
        return certificate != null && connectedSsid.isPresent();
    }

    /** The status as NotifyCOHNStatus carries it, given the network the camera is connected to. */
    public synchronized NotifyCOHNStatus status(Optional<String> connectedSsid) {
        boolean provisioned = provisioned(connectedSsid);
        NotifyCOHNStatus.Builder b = NotifyCOHNStatus.newBuilder()
                .setStatus(provisioned ? EnumCOHNStatus.COHN_PROVISIONED : EnumCOHNStatus.COHN_UNPROVISIONED)
                .setState(connectedSsid.isPresent() ? EnumCOHNNetworkState.COHN_STATE_NetworkConnected
                        : EnumCOHNNetworkState.COHN_STATE_Idle)
                .setEnabled(enabled)
                .setMacaddress(macAddress);
        if (provisioned) {
            b.setUsername(USERNAME).setPassword(password).setIpaddress(ipAddress).setSsid(connectedSsid.get());
        }
        return b.build();
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }

    @Override
    public synchronized String toString() {
        return "SimulatedCohn[certificate=" + (certificate != null) + ", enabled=" + enabled + ", ip=" + ipAddress
                + ", password=***]";
    }
}
