package io.camrig.simulator.state;

import java.util.List;

/**
 * The default Wi-Fi networks of a simulated rig, with their names and passwords as public
 * constants so tests can name them:
 * <ul>
 *   <li>{@value #STUDIO_SSID} ({@value #STUDIO_PASSWORD}): every camera sees it and already knows it;
 *       3 bars, 5180 MHz.</li>
 *   <li>{@value #BACKSTAGE_SSID} ({@value #BACKSTAGE_PASSWORD}): every camera sees it, none knows it;
 *       2 bars, 2437 MHz.</li>
 *   <li>{@value #GUEST_SSID} (open): seen by cameras whose index is not a multiple of 3; 2 bars,
 *       2412 MHz.</li>
 *   <li>{@value #PRESS_SSID} ({@value #PRESS_PASSWORD}): seen by cameras with an even index only;
 *       1 bar, 5745 MHz.</li>
 * </ul>
 * The bars each camera sees vary with its index ({@link NetworkDefinition#barsAt(int)}). These are
 * simulator fixtures, not secrets of anyone's.
 */
public final class SimulatedNetworks {
    public static final String STUDIO_SSID = "rig-studio";
    public static final String STUDIO_PASSWORD = "studio-pass-1";
    public static final String BACKSTAGE_SSID = "rig-backstage";
    public static final String BACKSTAGE_PASSWORD = "backstage-pass-2";
    public static final String GUEST_SSID = "venue-guest";
    public static final String PRESS_SSID = "press-5g";
    public static final String PRESS_PASSWORD = "press-pass-3";

    public static final NetworkDefinition STUDIO = NetworkDefinition.of(STUDIO_SSID, STUDIO_PASSWORD, 3, 5180)
            .known(true);
    public static final NetworkDefinition BACKSTAGE = NetworkDefinition.of(BACKSTAGE_SSID, BACKSTAGE_PASSWORD, 2, 2437);
    public static final NetworkDefinition GUEST = NetworkDefinition.of(GUEST_SSID, null, 2, 2412)
            .seenBy(i -> i % 3 != 0);
    public static final NetworkDefinition PRESS = NetworkDefinition.of(PRESS_SSID, PRESS_PASSWORD, 1, 5745)
            .seenBy(i -> i % 2 == 0);

    private SimulatedNetworks() {
    }

    /** The four default networks, in this order: studio, backstage, guest, press. */
    public static List<NetworkDefinition> defaults() {
        return List.of(STUDIO, BACKSTAGE, GUEST, PRESS);
    }
}
