package io.camrig.simulator.fault;

import java.util.concurrent.atomic.AtomicLong;

/** How many faults of each kind were injected, across a rig. Thread-safe. */
public final class FaultCounters {
    final AtomicLong duplicated = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    final AtomicLong reordered = new AtomicLong();
    final AtomicLong lostMessages = new AtomicLong();
    final AtomicLong linkDrops = new AtomicLong();
    final AtomicLong errorStatuses = new AtomicLong();
    final AtomicLong busyPeriods = new AtomicLong();
    final AtomicLong sleeps = new AtomicLong();

    /** Notification packets delivered twice. */
    public long duplicated() {
        return duplicated.get();
    }

    /** Continuation packets lost. */
    public long skipped() {
        return skipped.get();
    }

    /** Pairs of continuation packets swapped. */
    public long reordered() {
        return reordered.get();
    }

    /** Whole notification messages lost. */
    public long lostMessages() {
        return lostMessages.get();
    }

    /** Transient link drops. */
    public long linkDrops() {
        return linkDrops.get();
    }

    /** Requests answered with an error status. */
    public long errorStatuses() {
        return errorStatuses.get();
    }

    /** Busy periods started. */
    public long busyPeriods() {
        return busyPeriods.get();
    }

    /** Times a camera fell asleep. */
    public long sleeps() {
        return sleeps.get();
    }

    @Override
    public String toString() {
        return "duplicated=" + duplicated + " skipped=" + skipped + " reordered=" + reordered + " lostMessages="
                + lostMessages + " linkDrops=" + linkDrops + " errorStatuses=" + errorStatuses + " busy="
                + busyPeriods + " sleeps=" + sleeps;
    }
}
