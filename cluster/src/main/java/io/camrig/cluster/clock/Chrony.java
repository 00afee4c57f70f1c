package io.camrig.cluster.clock;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * chrony's view of this host's clock: the "System time" offset of {@code chronyc -c tracking}
 * (seconds in its CSV output, field 5), in nanoseconds. Empty where chrony is not installed or
 * not running. Blocking (runs a process, at most 2 s): call it off the event loops.
 */
public final class Chrony {
    private Chrony() {
    }

    /** The tracking offset, ns, or empty. */
    public static OptionalLong trackingOffsetNanos() {
        try {
            Process p = new ProcessBuilder("chronyc", "-c", "tracking").redirectErrorStream(true).start();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return OptionalLong.empty();
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.exitValue() == 0 ? parse(out) : OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }

    /** Parses one line of {@code chronyc -c tracking}; empty when it does not have the field. */
    static OptionalLong parse(String csv) {
        String[] f = csv.split(",");
        if (f.length < 5) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Math.round(Double.parseDouble(f[4]) * 1e9));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

}
