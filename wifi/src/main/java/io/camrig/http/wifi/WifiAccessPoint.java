package io.camrig.http.wifi;

import java.util.Objects;

/**
 * An access point the host's Wi-Fi interface sees.
 *
 * @param ssid the network name
 * @param bssid the access point's MAC address, {@code aa:bb:cc:dd:ee:ff}, or empty when unknown
 * @param strengthPercent signal strength, 0..100 %
 * @param frequencyMhz the channel's frequency, MHz (2412..5825 for 2.4 and 5 GHz)
 * @param secured {@code true} when the network needs a password
 */
public record WifiAccessPoint(String ssid, String bssid, int strengthPercent, int frequencyMhz, boolean secured) {
    public WifiAccessPoint {
        Objects.requireNonNull(ssid, "ssid");
        Objects.requireNonNull(bssid, "bssid");
        if (strengthPercent < 0 || strengthPercent > 100) {
            throw new IllegalArgumentException("strength must be 0..100 %, was " + strengthPercent);
        }
    }
}
