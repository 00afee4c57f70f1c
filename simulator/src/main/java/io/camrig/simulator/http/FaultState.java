package io.camrig.simulator.http;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/** The faults in force on one server, with the count of downloads still to cut. */
final class FaultState {
    private volatile HttpFaults faults = HttpFaults.NONE;
    private final AtomicInteger cutsLeft = new AtomicInteger();

    HttpFaults get() {
        return faults;
    }

    synchronized void set(HttpFaults f) {
        faults = Objects.requireNonNull(f, "faults");
        cutsLeft.set(f.cutDownloads());
    }

    /** Bytes after which this download is cut, or -1: takes one cut from the count. */
    long takeCut() {
        HttpFaults f = faults;
        if (f.cutAfterBytes() < 0) {
            return -1;
        }
        if (f.cutDownloads() < 0) {
            return f.cutAfterBytes();
        }
        return cutsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? f.cutAfterBytes() : -1;
    }
}
