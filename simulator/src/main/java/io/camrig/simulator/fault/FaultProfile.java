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
 * @param httpCutAfterBytes  the first {@code httpCutDownloads} download responses of each camera are cut
 *                           after this many bytes (0 = never), so clients must resume
 * @param httpCutDownloads   how many download responses of each camera are cut
 * @param errorStatusRate    per TLV command or setting request, the camera answers status 1 (error)
 * @param busyRate           per request, the camera turns busy (status 8) for {@code busyPeriod}
 * @param busyPeriod         how long an injected busy period lasts
 * @param sleepRate          per request, the camera falls asleep and answers nothing for {@code sleepPeriod}
 * @param sleepPeriod        how long an injected sleep lasts
 */
public record FaultProfile(String name, Duration latencyJitter, double duplicateRate, double skipRate,
                           double reorderRate, double lostMessageRate, double linkDropRate, Duration httpDelay,
                           long httpCutAfterBytes, int httpCutDownloads, double errorStatusRate, double busyRate,
                           Duration busyPeriod, double sleepRate, Duration sleepPeriod) {

    /** A profile with link and HTTP delay faults only. */
    public FaultProfile(String name, Duration latencyJitter, double duplicateRate, double skipRate, double reorderRate,
                        double lostMessageRate, double linkDropRate, Duration httpDelay, long httpCutAfterBytes) {
        this(name, latencyJitter, duplicateRate, skipRate, reorderRate, lostMessageRate, linkDropRate, httpDelay,
                httpCutAfterBytes, httpCutAfterBytes > 0 ? 1 : 0, 0, 0, Duration.ZERO, 0, Duration.ZERO);
    }

    public FaultProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(latencyJitter, "latencyJitter");
        Objects.requireNonNull(httpDelay, "httpDelay");
        Objects.requireNonNull(busyPeriod, "busyPeriod");
        Objects.requireNonNull(sleepPeriod, "sleepPeriod");
        for (double r : new double[] {duplicateRate, skipRate, reorderRate, lostMessageRate, linkDropRate,
            errorStatusRate, busyRate, sleepRate}) {
            if (r < 0 || r > 1) {
                throw new IllegalArgumentException("rates are probabilities in [0, 1], got " + r);
            }
        }
        if (httpCutAfterBytes < 0 || httpCutDownloads < 0) {
            throw new IllegalArgumentException("httpCutAfterBytes and httpCutDownloads must be >= 0");
        }
    }

    /** No faults. */
    public static final FaultProfile NONE = new FaultProfile("none", Duration.ZERO, 0, 0, 0, 0, 0, Duration.ZERO, 0);

    /** Cameras that turn busy, answer errors and fall asleep now and then. */
    public static final FaultProfile MOODY = new FaultProfile("moody", Duration.ZERO, 0, 0, 0, 0, 0, Duration.ZERO, 0, 0,
            0.01, 0.02, Duration.ofMillis(200), 0.005, Duration.ofMillis(1500));

    /** Duplicated and reordered packets, jitter; nothing is lost. */
    public static final FaultProfile NOISY = new FaultProfile("noisy", Duration.ofMillis(5), 0.05, 0, 0.02, 0, 0,
            Duration.ZERO, 0);

    /** Lost packets and messages, occasional link drops. */
    public static final FaultProfile LOSSY = new FaultProfile("lossy", Duration.ofMillis(2), 0, 0.01, 0, 0.01, 0.01,
            Duration.ZERO, 0);

    /** A bit of everything, at rates a bad radio day could show; cut downloads must be resumed. */
    public static final FaultProfile MIXED = new FaultProfile("mixed", Duration.ofMillis(5), 0.03, 0.005, 0.01, 0.005,
            0.005, Duration.ofMillis(20), 6_000, 2, 0.002, 0.005, Duration.ofMillis(150), 0.002, Duration.ofMillis(1500));

    /** The profiles by name. */
    public static final Map<String, FaultProfile> NAMED = Map.of(NONE.name, NONE, NOISY.name, NOISY, LOSSY.name, LOSSY,
            MOODY.name, MOODY, MIXED.name, MIXED);

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
                && lostMessageRate == 0 && linkDropRate == 0 && httpDelay.isZero() && httpCutAfterBytes == 0
                && errorStatusRate == 0 && busyRate == 0 && sleepRate == 0;
    }
}
