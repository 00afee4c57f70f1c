package io.camrig.service.takes;

import io.camrig.engine.take.OffloadQueue;
import io.camrig.engine.take.TakeCamera;
import io.camrig.engine.take.TakeManifest;
import io.camrig.engine.take.TakeStore;
import io.camrig.service.rig.CameraOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The takes of the media directory, through the engine's {@link TakeStore}: a fire on creates a
 * take (its directory and manifest), the next fire off closes it; both write the manifest at once,
 * so the takes fired from the console appear in {@code camrig takes list} and are there again
 * after a restart. Reads are served from memory (loaded once by {@link #load}); writes run on a
 * bounded-elastic thread.
 */
public final class TakeLog {
    /** The rig id the service writes into its takes' manifests. */
    public static final String RIG_ID = "serve";

    private final TakeStore store;
    private final List<Take> takes = new ArrayList<>();

    private TakeLog(TakeStore store) {
        this.store = store;
    }

    /** The take log of {@code store}, with the takes already there (a manifest that cannot be read is skipped). */
    public static Mono<TakeLog> load(TakeStore store) {
        return Mono.fromCallable(() -> {
            TakeLog log = new TakeLog(store);
            for (TakeManifest m : store.list()) {
                log.takes.add(new Take(log.takes.size() + 1, new OffloadQueue(store, m)));
            }
            return log;
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** The store the takes are in. */
    public TakeStore store() {
        return store;
    }

    /**
     * Opens a take for a fire on.
     *
     * @param identity a camera's manifest entry by its 1-based index (serial, model, firmware,
     *                 node), or {@code null} when its serial is unknown or cannot name a directory
     */
    public Mono<Take> started(FireFigures on, List<CameraOutcome> outcomes, IntFunction<TakeCamera> identity) {
        return Mono.fromCallable(() -> {
            TakeManifest m = store.create(RIG_ID).withFire(on.manifest());
            List<Take.Part> parts = new ArrayList<>();
            for (CameraOutcome o : outcomes) {
                TakeCamera c = identity.apply(o.camera());
                if (c != null) {
                    m = m.withCamera(c.withStep("fire on", step(o)));
                }
                parts.add(new Take.Part(o.camera(), o.name(), c == null ? null : c.serial(), o, null));
            }
            m = m.withExtension(Take.EXTENSION, facts(new Take.Facts("recording", null, on, null, parts)));
            store.write(m);
            synchronized (this) {
                Take t = new Take(takes.size() + 1, new OffloadQueue(store, m));
                takes.add(t);
                return t;
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** Closes the open take with a fire off; empty when no take was recording. */
    public Mono<Optional<Take>> stopped(FireFigures off, List<CameraOutcome> outcomes) {
        return Mono.fromCallable(() -> {
            Optional<Take> open;
            synchronized (this) {
                open = takes.isEmpty() ? Optional.empty()
                        : Optional.of(takes.get(takes.size() - 1)).filter(t -> !t.isStopped());
            }
            open.ifPresent(t -> t.queue().update(m -> {
                Take.Facts before = t.facts();
                List<Take.Part> parts = new ArrayList<>();
                TakeManifest out = m;
                for (Take.Part p : before.cameras()) {
                    CameraOutcome o = outcomes.stream().filter(x -> x.camera() == p.camera()).findFirst().orElse(p.off());
                    parts.add(new Take.Part(p.camera(), p.name(), p.serial(), p.on(), o));
                    if (p.serial() != null && o != null) {
                        out = out.updateCamera(p.serial(), c -> c.withStep("fire off", step(o)));
                    }
                }
                return out.withExtension(Take.EXTENSION, facts(new Take.Facts("stopped", Instant.now().toString(),
                        before.on(), off, parts)));
            }));
            return open;
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** The take with this position ({@code 3}) or take id ({@code 20261207-051900}). */
    public synchronized Optional<Take> get(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return takes.stream().filter(t -> Integer.toString(t.id()).equals(id) || t.takeId().equals(id)).findFirst();
    }

    /** Every take, oldest first. */
    public synchronized List<Take.View> views() {
        return takes.stream().map(Take::view).toList();
    }

    /** A step's outcome as the manifest records it: {@code ok}, {@code failed: Type: message}, {@code skipped: why}. */
    static String step(CameraOutcome o) {
        return switch (o.outcome()) {
            case "ok" -> "ok";
            case "failed" -> "failed: " + o.error().type() + ": " + o.error().message();
            default -> "skipped: " + o.detail();
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> facts(Take.Facts f) {
        return Take.JSON.convertValue(f, Map.class);
    }
}
