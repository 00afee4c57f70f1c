package io.camrig.simulator.fault;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What goes wrong on a simulated camera's links. Rates are probabilities in [0, 1].
 *
 * @param name               the profile's name
 * @param latencyJitter      extra one-way delay drawn uniformly in [0, jitter] per packet (order kept)
 * @param duplicateRate      a notification packet is delivered twice
 * @param skipRate           a continuation packet of a notification is lost (the message is then
 *                           rejected by the central's reassembler, and its exchange times out)
 * @param reorderRate        two continuation packets of a notification swap places
 * @param lostMessageRate    a whole notification message (every packet) is lost
 * @param linkDropRate       per request the camera receives, the link drops (the camera stays
 *                           reachable, so the central can reconnect)
 * @param httpDelay          delay before every HTTP response
 * @param httpCutAfterBytes  downloads are cut after this many bytes of each response (0 = never)
 */
public record FaultProfile(String name, Duration latencyJitter, double duplicateRate, double skipRate,
                           double reorderRate, double lostMessageRate, double linkDropRate, Duration httpDelay,
                           long httpCutAfterBytes) {

    public FaultProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(latencyJitter, "latencyJitter");
        Objects.requireNonNull(httpDelay, "httpDelay");
        for (double r : new double[] {duplicateRate, skipRate, reorderRate, lostMessageRate, linkDropRate}) {
            if (r < 0 || r > 1) {
                throw new IllegalArgumentException("rates are probabilities in [0, 1], got " + r);
            }
        }
        if (httpCutAfterBytes < 0) {
            throw new IllegalArgumentException("httpCutAfterBytes must be >= 0");
        }
    }

    /** No faults. */
    public static final FaultProfile NONE = new FaultProfile("none", Duration.ZERO, 0, 0, 0, 0, 0, Duration.ZERO, 0);

    /** Duplicated and reordered packets, jitter; nothing is lost. */
    public static final FaultProfile NOISY = new FaultProfile("noisy", Duration.ofMillis(5), 0.05, 0, 0.02, 0, 0,
            Duration.ZERO, 0);

    /** Lost packets and messages, occasional link drops. */
    public static final FaultProfile LOSSY = new FaultProfile("lossy", Duration.ofMillis(2), 0, 0.01, 0, 0.01, 0.01,
            Duration.ZERO, 0);

    /** A bit of everything, at rates a bad radio day could show. */
    public static final FaultProfile MIXED = new FaultProfile("mixed", Duration.ofMillis(5), 0.03, 0.005, 0.01, 0.005,
            0.005, Duration.ofMillis(20), 0);

    /** The profiles by name. */
    public static final Map<String, FaultProfile> NAMED = Map.of(NONE.name, NONE, NOISY.name, NOISY, LOSSY.name, LOSSY,
            MIXED.name, MIXED);

    /** A named profile; errors with the known names. */
    public static FaultProfile named(String name) {
        FaultProfile p = NAMED.get(name.trim().toLowerCase(Locale.ROOT));
        if (p == null) {
            throw new IllegalArgumentException("unknown fault profile '" + name + "'; known: "
                    + NAMED.keySet().stream().sorted().collect(Collectors.joining(", ")));
        }
        return p;
    }

    /** {@code true} when the profile injects nothing. */
    public boolean isNone() {
        return latencyJitter.isZero() && duplicateRate == 0 && skipRate == 0 && reorderRate == 0
                && lostMessageRate == 0 && linkDropRate == 0 && httpDelay.isZero() && httpCutAfterBytes == 0;
    }
}
