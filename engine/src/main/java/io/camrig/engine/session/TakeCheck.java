package io.camrig.engine.session;

import io.camrig.engine.rig.FireResult;
import io.camrig.engine.rig.Rig;
import io.camrig.engine.rig.RigMember;
import io.camrig.engine.rig.StepRecord;
import io.camrig.engine.sync.CameraStart;
import io.camrig.engine.sync.ClockSet;
import io.camrig.engine.sync.SyncTolerance;
import io.camrig.engine.sync.TakeSync;
import io.camrig.footage.FootageFacts;
import io.camrig.footage.FootageReader;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The session's part in checking that a take started together: sets each camera's clock while
 * noting when ({@link ClockSet}), marks each take's start (log position, reconnect count), reads
 * the footage of the files a take downloaded (off the event loop), and builds the take's
 * {@link TakeSync} from the fire, the latency estimates used for it, and the footage.
 */
final class TakeCheck {
    private final SyncTolerance tolerance;
    private final Map<RigMember, ClockSet> clockSets = new ConcurrentHashMap<>();

    TakeCheck(SyncTolerance tolerance) {
        this.tolerance = tolerance;
    }

    /** Set Date/Time (0x0D) to the host's local time, whole seconds, noting the write and answer instants. */
    Mono<LocalDateTime> setClock(RigMember m) {
        return m.currentCamera().flatMap(c -> Mono.defer(() -> {
            LocalDateTime value = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
            long write = System.nanoTime();
            return c.setDateTime(value).then(Mono.fromSupplier(() -> {
                clockSets.put(m, new ClockSet(value, write, System.nanoTime()));
                return value;
            }));
        }));
    }

    /** Where each member's log and reconnect count stand as a take begins. */
    record Mark(Map<RigMember, Long> steps, Map<RigMember, Long> reconnects, Map<RigMember, Long> latencies) {
    }

    /** Marks the take's start; the one-way latencies are those the fire is about to use. */
    Mark mark(Rig rig) {
        Map<RigMember, Long> steps = new HashMap<>();
        Map<RigMember, Long> reconnects = new HashMap<>();
        Map<RigMember, Long> latencies = new HashMap<>();
        for (RigMember m : rig.members()) {
            steps.put(m, m.stepsDropped() + m.log().size());
            reconnects.put(m, m.reconnects());
            latencies.put(m, m.latency().oneWayNanos());
        }
        return new Mark(steps, reconnects, latencies);
    }

    /**
     * A file's footage facts, or why they could not be read ({@code error}); neither for a photo,
     * which has no footage.
     *
     * @param file the file's name: its recording's first chapter on the card, whose timecode is the
     *     camera's start only when it is chapter 01 ({@link CameraStart#footageFrom})
     */
    record Footage(String file, Optional<FootageFacts> facts, String error) {
    }

    /**
     * Reads each file's footage facts; a file that cannot be read gives its error's message
     * instead, a photo ({@link io.camrig.engine.offload.TakeFootage#isVideo}) is not read.
     */
    Mono<Map<RigMember, Footage>> readFootage(Map<RigMember, Path> files) {
        return Flux.fromIterable(files.entrySet())
                .flatMapSequential(e -> Mono.fromCallable(() -> new Footage(name(e.getValue()),
                                io.camrig.engine.offload.TakeFootage.isVideo(name(e.getValue()))
                                        ? Optional.of(FootageReader.read(e.getValue())) : Optional.empty(), ""))
                        .onErrorResume(t -> Mono.just(new Footage(name(e.getValue()), Optional.empty(), "footage of "
                                + e.getValue().getFileName() + " unreadable: " + t.getMessage())))
                        .subscribeOn(Schedulers.boundedElastic())
                        .map(f -> Map.entry(e.getKey(), f)), 4)
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new);
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }

    /**
     * The take's sync, every rig member included (a member that missed the shutter is flagged; one
     * whose recording's chapter 01 was not on the card has an unknown start, not a late one).
     */
    TakeSync sync(Rig rig, FireResult on, Mark mark, Map<RigMember, Footage> footage) {
        List<CameraStart> starts = new ArrayList<>();
        for (RigMember m : rig.members()) {
            OptionalLong fire = OptionalLong.empty();
            if (on.shutter().value(m).isPresent() && on.encoding().value(m).isPresent()) {
                // ns since the fire's release began: one origin for every camera, which the comparison cancels
                fire = OptionalLong.of(on.encoding().value(m).get().toNanos() - mark.latencies().getOrDefault(m, 0L));
            }
            Footage f = footage.get(m);
            List<String> notes = notes(m, mark);
            if (f != null && !f.error().isEmpty()) {
                notes.add(f.error());
            }
            Optional<io.camrig.footage.Timecode> tc = f == null ? Optional.empty()
                    : f.facts().flatMap(FootageFacts::timecode);
            CameraStart start = new CameraStart(m.advertisedName(), "", fire, tc, Optional.ofNullable(clockSets.get(m)),
                    notes);
            starts.add(f == null ? start : start.footageFrom(f.file()));
        }
        return TakeSync.of(starts, tolerance);
    }

    /** What the member's log shows since the mark: retries, failures, reconnects. */
    private static List<String> notes(RigMember m, Mark mark) {
        List<String> notes = new ArrayList<>();
        boolean skipped = false;
        List<StepRecord> log = m.log();
        long from = mark.steps().getOrDefault(m, 0L) - m.stepsDropped();
        for (int i = (int) Math.max(0, from); i < log.size(); i++) {
            StepRecord s = log.get(i);
            if (s.step().endsWith(" retry")) {
                notes.add(s.step() + ": " + s.detail());
            } else if (s.status().equals("failed")) {
                notes.add("failed in " + s.step() + ": " + s.error() + ": " + s.detail());
            } else if (s.status().equals("skipped") && !skipped) {
                skipped = true;
                notes.add("skipped " + s.step() + ": " + s.detail());
            }
        }
        long reconnects = m.reconnects() - mark.reconnects().getOrDefault(m, m.reconnects());
        if (reconnects > 0) {
            notes.add("reconnected " + reconnects + " time" + (reconnects == 1 ? "" : "s") + " during the take");
        }
        return notes;
    }
}
