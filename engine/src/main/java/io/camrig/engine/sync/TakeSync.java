package io.camrig.engine.sync;

import io.camrig.footage.Timecode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Whether one take's cameras started together, from the fire and from the footage.
 *
 * <p>Fire side: each camera's camera-side start ({@link CameraStart#fireNanos()}) minus the rig's
 * median; a camera more than half of {@link SyncTolerance#maxSpread()} away is flagged, and so is
 * a camera that missed the shutter. Footage side: each camera's {@code tmcd} start as time of day
 * ({@code frame × frame duration}), translated to host time through its {@link ClockSet}
 * ({@code applied instant + (time of day − value set)}, wrapped into ±12 h); its difference from
 * the fire's instant, minus the rig's median difference, is the disagreement; a camera whose
 * disagreement exceeds {@link SyncTolerance#footageFrames()} frames plus its clock-set uncertainty
 * is flagged. Without clock sets for every camera, raw times of day are compared, each taken the
 * nearer way round midnight from the first camera's (clocks set at different instants then show up
 * as disagreement). A camera whose start is unknown ({@link CameraStart#startUnknown()}: its
 * recording's chapter 01 is not on the card) has no timecode: like a camera without footage, it is
 * left out of the footage figures and never flagged for its footage.
 *
 * @param cameras one line per camera, in the order given
 * @param spreadMillis max − min of the camera-side starts per the fire, ms; empty with none
 * @param timecodeSpreadFrames the spread of the footage start frames (all at one rate), frames: max − min,
 *     or across midnight the shortest way round the day's frame numbers
 * @param footageSpreadMillis max − min of the footage starts after clock-set translation, ms
 * @param frameMillis one frame of the footage, ms (the first timecode's); 0 without footage
 * @param tolerance the tolerance applied
 */
public record TakeSync(List<CameraSync> cameras, OptionalDouble spreadMillis, OptionalLong timecodeSpreadFrames,
                       OptionalDouble footageSpreadMillis, double frameMillis, SyncTolerance tolerance) {
    private static final long DAY_NANOS = 86_400_000_000_000L;

    public TakeSync {
        cameras = List.copyOf(cameras);
        Objects.requireNonNull(tolerance, "tolerance");
    }

    /** {@code true} when no camera is flagged. */
    public boolean ok() {
        return cameras.stream().noneMatch(CameraSync::flagged);
    }

    /** The flagged cameras. */
    public List<CameraSync> flagged() {
        return cameras.stream().filter(CameraSync::flagged).toList();
    }

    /** The cameras whose start is unknown ({@link CameraSync#startUnknown()}), flagged or not. */
    public List<CameraSync> startsUnknown() {
        return cameras.stream().filter(c -> c.startUnknown().isPresent()).toList();
    }

    /** Compares the starts of one take. */
    public static TakeSync of(List<CameraStart> starts, SyncTolerance tolerance) {
        List<Long> fires = starts.stream().filter(s -> s.fireNanos().isPresent())
                .map(s -> s.fireNanos().getAsLong()).toList();
        double fireMedian = median(fires);

        boolean translate = starts.stream().filter(s -> s.timecode().isPresent())
                .allMatch(s -> s.clockSet().isPresent());
        Map<Integer, Long> footage = new HashMap<>();   // by position in starts: names may repeat
        Long firstRaw = null;
        for (int i = 0; i < starts.size(); i++) {
            CameraStart s = starts.get(i);
            if (s.timecode().isPresent()) {
                long nanos = footageNanos(s.timecode().get(), translate ? s.clockSet().orElse(null) : null);
                if (!translate) {   // raw times of day: the one nearest the first, so a take across midnight stays whole
                    firstRaw = firstRaw == null ? nanos : firstRaw;
                    nanos = firstRaw + halfDay(nanos - firstRaw);
                }
                footage.put(i, nanos);
            }
        }
        double footageMedian = median(List.copyOf(footage.values()));
        List<Long> differences = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            if (footage.containsKey(i) && starts.get(i).fireNanos().isPresent()) {
                differences.add(footage.get(i) - starts.get(i).fireNanos().getAsLong());
            }
        }
        double differenceMedian = median(differences);

        double half = tolerance.maxSpread().toNanos() / 2e6;
        List<CameraSync> lines = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            CameraStart s = starts.get(i);
            List<String> reasons = new ArrayList<>();
            boolean flagged = false;
            OptionalDouble offset = s.fireNanos().isPresent()
                    ? OptionalDouble.of((s.fireNanos().getAsLong() - fireMedian) / 1e6) : OptionalDouble.empty();
            if (offset.isEmpty()) {
                flagged = true;
                reasons.add("missed the shutter (no camera-side start)");
            } else if (Math.abs(offset.getAsDouble()) > half) {
                flagged = true;
                reasons.add(String.format(Locale.ROOT, "started %.1f ms %s the rig's median (tolerance ±%.1f ms)",
                        Math.abs(offset.getAsDouble()), offset.getAsDouble() > 0 ? "after" : "before", half));
            }
            OptionalDouble footageOffset = OptionalDouble.empty();
            OptionalDouble disagreement = OptionalDouble.empty();
            if (footage.containsKey(i)) {
                footageOffset = OptionalDouble.of((footage.get(i) - footageMedian) / 1e6);
                if (s.fireNanos().isPresent() && differences.size() >= 2) {
                    double d = (footage.get(i) - s.fireNanos().getAsLong() - differenceMedian) / 1e6;
                    disagreement = OptionalDouble.of(d);
                    Timecode tc = s.timecode().orElseThrow();
                    double allowed = tolerance.footageFrames() * tc.frameNanos() / 1e6
                            + (translate ? s.clockSet().map(ClockSet::uncertaintyNanos).orElse(0L) / 1e6 : 0);
                    if (Math.abs(d) > allowed) {
                        flagged = true;
                        reasons.add(String.format(Locale.ROOT,
                                "its footage starts %.1f ms (%.1f frames) %s than the fire says (tolerance %.1f ms)",
                                Math.abs(d), Math.abs(d) * 1e6 / tc.frameNanos(), d > 0 ? "later" : "earlier", allowed));
                    }
                }
            }
            if (flagged) {
                reasons.addAll(s.notes().isEmpty() ? List.of("camrig saw no retry, reconnect or failure on this camera")
                        : s.notes());
            }
            lines.add(new CameraSync(s.camera(), s.serial(), offset,
                    s.timecode().map(tc -> OptionalLong.of(tc.startFrame())).orElse(OptionalLong.empty()),
                    footageOffset, disagreement, flagged, reasons, s.startUnknown()));
        }
        return new TakeSync(lines, spreadMillis(fires), frameSpread(starts), spreadMillis(List.copyOf(footage.values())),
                starts.stream().flatMap(s -> s.timecode().stream()).findFirst().map(tc -> tc.frameNanos() / 1e6)
                        .orElse(0.0), tolerance);
    }

    /** The footage start in host nanoTime (with a clock set), else as ns since the camera's midnight. */
    static long footageNanos(Timecode tc, ClockSet set) {
        long timeOfDay = tc.timeOfDay().toNanos();
        if (set == null) {
            return timeOfDay;
        }
        return set.appliedNanos() + halfDay(timeOfDay - set.value().toLocalTime().toNanoOfDay());
    }

    /** {@code nanos} wrapped into (−12 h, +12 h]: the nearer way round the clock. */
    private static long halfDay(long nanos) {
        long wrapped = Math.floorMod(nanos, DAY_NANOS);
        return wrapped > DAY_NANOS / 2 ? wrapped - DAY_NANOS : wrapped;
    }

    /**
     * The spread of the start frames, when every timecode runs at one rate: the shortest arc of the
     * day's frame numbers that holds them all (frame numbers restart at midnight, so cameras at
     * 23:59:59.9 and 00:00:00.0 are a few frames apart, not 2.6 million), or max − min when some number
     * is past the day's last frame (not a time-of-day count).
     */
    static OptionalLong frameSpread(List<CameraStart> starts) {
        List<Timecode> tcs = starts.stream().flatMap(s -> s.timecode().stream()).toList();
        if (tcs.isEmpty() || tcs.stream().anyMatch(t -> !sameRate(t, tcs.get(0)))) {
            return OptionalLong.empty();
        }
        long[] frames = tcs.stream().mapToLong(Timecode::startFrame).sorted().toArray();
        Timecode rate = tcs.get(0);
        // frame numbers in a day: ceil(86400 × timescale / frameDuration), 2589411 at 30000/1001
        long perDay = BigInteger.valueOf(86_400).multiply(BigInteger.valueOf(rate.timescale()))
                .add(BigInteger.valueOf(rate.frameDuration() - 1))
                .divide(BigInteger.valueOf(rate.frameDuration())).min(BigInteger.valueOf(Long.MAX_VALUE))
                .longValue();
        long min = frames[0];
        long max = frames[frames.length - 1];
        if (min < 0 || max >= perDay) {
            return OptionalLong.of(max - min);
        }
        long widestGap = min + perDay - max;   // the gap across midnight
        for (int i = 1; i < frames.length; i++) {
            widestGap = Math.max(widestGap, frames[i] - frames[i - 1]);
        }
        return OptionalLong.of(perDay - widestGap);
    }

    /** {@code a.timescale / a.frameDuration == b.timescale / b.frameDuration}, without overflow. */
    private static boolean sameRate(Timecode a, Timecode b) {
        return Math.multiplyHigh(a.timescale(), b.frameDuration()) == Math.multiplyHigh(b.timescale(), a.frameDuration())
                && a.timescale() * b.frameDuration() == b.timescale() * a.frameDuration();
    }

    private static OptionalDouble spreadMillis(List<Long> values) {
        if (values.isEmpty()) {
            return OptionalDouble.empty();
        }
        long max = values.stream().mapToLong(Long::longValue).max().orElseThrow();
        long min = values.stream().mapToLong(Long::longValue).min().orElseThrow();
        return OptionalDouble.of((max - min) / 1e6);
    }

    private static double median(List<Long> values) {
        if (values.isEmpty()) {
            return 0;
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : sorted[mid - 1] + (sorted[mid] - sorted[mid - 1]) / 2.0;
    }
}
