package io.camrig.simulator.fault;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Applies a {@link FaultProfile} to the notifications of one simulated link, packet by packet,
 * with its own seeded random source so a run is reproducible. Packets are recognised by their
 * header (Open GoPro BLE spec, "Packet Headers"): bit 7 clear starts a message, set continues it.
 * Only continuation packets are duplicated, skipped or reordered — the faults real cameras show;
 * a lost message loses its start packet and every continuation after it. It also decides, per
 * request, whether the camera is asleep, refuses with an error status or turns busy. Thread-safe.
 */
public final class LinkFaults {
    private final FaultProfile profile;
    private final FaultCounters counters;
    private final SplittableRandom random;
    private final Map<UUID, State> states = new HashMap<>();
    private long asleepUntil;

    public LinkFaults(FaultProfile profile, FaultCounters counters, long seed) {
        this.profile = profile;
        this.counters = counters;
        this.random = new SplittableRandom(seed);
    }

    public FaultProfile profile() {
        return profile;
    }

    /** The packets to deliver now for one packet the camera sends on {@code characteristic}. */
    public synchronized List<byte[]> onPacket(UUID characteristic, byte[] packet) {
        if (profile.isNone() || packet.length == 0) {
            return List.of(packet);
        }
        State s = states.computeIfAbsent(characteristic, c -> new State());
        boolean start = (packet[0] & 0x80) == 0;
        if (start) {
            byte[] held = s.held;
            s.held = null;
            s.dropping = hit(profile.lostMessageRate());
            if (s.dropping) {
                counters.lostMessages.incrementAndGet();
                return held == null ? List.of() : List.of(held);
            }
            return held == null ? List.of(packet) : List.of(held, packet);
        }
        if (s.dropping) {
            return List.of();
        }
        if (hit(profile.skipRate())) {
            counters.skipped.incrementAndGet();
            return List.of();
        }
        if (s.held != null) {
            byte[] held = s.held;
            s.held = null;
            return List.of(packet, held);
        }
        if (hit(profile.reorderRate())) {
            s.held = packet;
            counters.reordered.incrementAndGet();
            return List.of();
        }
        if (hit(profile.duplicateRate())) {
            counters.duplicated.incrementAndGet();
            return List.of(packet, packet.clone());
        }
        return List.of(packet);
    }

    /** What the camera does with one request it received. */
    public enum Verdict {
        /** Handle it normally. */
        HANDLE,
        /** Answer nothing: the camera is asleep. */
        IGNORE,
        /** Answer with status 1 (error) instead of handling it. */
        REFUSE,
        /** Turn busy for the profile's busy period, then handle it (it will usually be refused). */
        BUSY
    }

    /**
     * The fault verdict for one request. {@code tlvCommand} marks TLV commands and settings (the
     * requests a camera answers with a status byte).
     */
    public synchronized Verdict onRequest(boolean tlvCommand) {
        if (profile.isNone()) {
            return Verdict.HANDLE;
        }
        long now = System.nanoTime();
        if (now < asleepUntil) {
            return Verdict.IGNORE;
        }
        if (hit(profile.sleepRate())) {
            counters.sleeps.incrementAndGet();
            asleepUntil = now + profile.sleepPeriod().toNanos();
            return Verdict.IGNORE;
        }
        if (tlvCommand && hit(profile.errorStatusRate())) {
            counters.errorStatuses.incrementAndGet();
            return Verdict.REFUSE;
        }
        if (hit(profile.busyRate())) {
            counters.busyPeriods.incrementAndGet();
            return Verdict.BUSY;
        }
        return Verdict.HANDLE;
    }

    /** Extra delay for one packet, in nanoseconds. */
    public synchronized long jitterNanos() {
        long max = profile.latencyJitter().toNanos();
        return max == 0 ? 0 : random.nextLong(max + 1);
    }

    /** Whether the link drops on this request. */
    public synchronized boolean dropLinkNow() {
        if (hit(profile.linkDropRate())) {
            counters.linkDrops.incrementAndGet();
            return true;
        }
        return false;
    }

    private boolean hit(double rate) {
        return rate > 0 && random.nextDouble() < rate;
    }

    private static final class State {
        byte[] held;
        boolean dropping;
    }
}
