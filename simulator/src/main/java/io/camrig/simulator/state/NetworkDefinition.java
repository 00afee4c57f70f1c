package io.camrig.simulator.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * One Wi-Fi network of the simulated world: cameras (station mode, Open GoPro "Access Point"
 * feature) and the simulated host Wi-Fi see it and may join it.
 *
 * <p>The constructor throws {@link IllegalArgumentException} on an empty or too long SSID, bars
 * outside 1..3 or a frequency outside 2400..5900 MHz.
 *
 * @param ssid         its name, 1..32 characters
 * @param password     its WPA2 passphrase (a secret: never in {@link #toString()}, logs or errors),
 *                     or {@code null} for an open network
 * @param bars         signal strength camera 1 sees, 1..3 (ScanEntry signal_strength_bars: 3 bars
 *                     above -70 dBm, 2 above -85 dBm, 1 below); camera {@code i} sees
 *                     {@code max(1, bars - (i - 1) % 3)}, so the strength varies across a rig
 * @param frequencyMhz its channel's frequency, MHz (2412..5825)
 * @param seenBy       which 1-based camera indexes have it in range
 * @param known        whether every camera is already provisioned for it at start (Connect to
 *                     Provisioned Access Point works without Connect New first)
 */
public record NetworkDefinition(String ssid, String password, int bars, int frequencyMhz, IntPredicate seenBy,
                                boolean known) {

    public NetworkDefinition {
        Objects.requireNonNull(ssid, "ssid");
        Objects.requireNonNull(seenBy, "seenBy");
        if (ssid.isEmpty() || ssid.length() > 32) {
            throw new IllegalArgumentException("an SSID has 1..32 characters, was " + ssid.length());
        }
        if (bars < 1 || bars > 3) {
            throw new IllegalArgumentException("bars must be 1..3, was " + bars);
        }
        if (frequencyMhz < 2400 || frequencyMhz > 5900) {
            throw new IllegalArgumentException("frequency must be 2400..5900 MHz, was " + frequencyMhz);
        }
    }

    /** A network seen by every camera and not known in advance. */
    public static NetworkDefinition of(String ssid, String password, int bars, int frequencyMhz) {
        return new NetworkDefinition(ssid, password, bars, frequencyMhz, i -> true, false);
    }

    /** A copy seen only by the cameras whose 1-based index passes {@code indexes}. */
    public NetworkDefinition seenBy(IntPredicate indexes) {
        return new NetworkDefinition(ssid, password, bars, frequencyMhz, indexes, known);
    }

    /** A copy every camera is (or is not) already provisioned for at start. */
    public NetworkDefinition known(boolean k) {
        return new NetworkDefinition(ssid, password, bars, frequencyMhz, seenBy, k);
    }

    /** {@code true} when the network needs a password. */
    public boolean secured() {
        return password != null;
    }

    /** Whether camera {@code index} (1-based) has it in range. */
    public boolean seenBy(int index) {
        return seenBy.test(index);
    }

    /** The bars camera {@code index} (1-based) sees: {@code max(1, bars - (index - 1) % 3)}. */
    public int barsAt(int index) {
        return Math.max(1, bars - Math.floorMod(index - 1, 3));
    }

    /**
     * Whether {@code candidate} opens this network: any for an open network, otherwise exactly the
     * passphrase (compared in constant time).
     */
    public boolean accepts(String candidate) {
        if (password == null) {
            return true;
        }
        return candidate != null && MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "NetworkDefinition[" + ssid + (secured() ? ", secured, password=***" : ", open") + ", " + bars
                + " bars, " + frequencyMhz + " MHz" + (known ? ", known" : "") + "]";
    }
}
