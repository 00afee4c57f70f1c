package io.camrig.service.events;

import io.camrig.engine.rig.RigMember;
import io.camrig.service.rig.CameraView;
import io.camrig.service.rig.CameraViews;
import io.camrig.service.rig.RigAccess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

/**
 * Turns the rig's changes into {@code camera} events, coalesced per camera ({@link Coalescing}):
 * a camera's status pushes (the engine's {@code statusUpdates()} Flux) and {@link #mark marks}
 * rebuild its tile; a tile that differs from the last one built goes out at once while the
 * camera has a token (up to {@value #BURST} at once, one back every {@code minInterval}), and
 * otherwise waits, replaced by newer tiles, until a token is back. So a camera sends at most
 * 1/minInterval events a second sustained (10/s by default), a change after a quiet spell goes
 * out without delay, and the newest tile always goes out. Link state, failures and latency have
 * no push of their own: every camera is looked at each {@code pollInterval}. The rig's threads
 * only emit a mark; tiles are built on {@code scheduler}.
 *
 * <p>A camera whose link drops or that fails gets a log line with its typed cause.
 */
public final class CameraFeed implements Disposable {
    /**
     * Events a quiet camera may send back to back: two, so a change that comes just after an
     * unrelated one (a status push, a poll) is not held for the interval.
     */
    public static final int BURST = 2;
    private static final Object MARK = new Object();

    private final RigAccess rig;
    private final Function<RigMember, CameraView> views;
    private final EventHub hub;
    private final Duration minInterval;
    private final Duration pollInterval;
    private final Scheduler scheduler;
    private final Map<RigMember, Slot> slots = new ConcurrentHashMap<>();
    private final Disposable.Composite running = Disposables.composite();

    /** One camera's marks and last published tile. */
    private static final class Slot {
        final Sinks.Many<Object> marks = Sinks.many().multicast().directBestEffort();
        String lastJson;
        CameraView last;
    }

    /** A tile and its JSON text (what tells two tiles apart). */
    private record Tile(CameraView view, String json) {
    }

    /**
     * @param views builds a camera's tile (normally {@link CameraViews#view})
     */
    public CameraFeed(RigAccess rig, Function<RigMember, CameraView> views, EventHub hub, Duration minInterval, Duration pollInterval,
                      Scheduler scheduler) {
        this.rig = rig;
        this.views = views;
        this.hub = hub;
        this.minInterval = minInterval;
        this.pollInterval = pollInterval;
        this.scheduler = scheduler;
        rig.members().forEach(m -> slots.put(m, new Slot()));
    }

    /** Subscribes to every camera's status pushes and starts the poll. */
    public CameraFeed start() {
        for (RigMember m : rig.members()) {
            Slot s = slots.get(m);
            Flux<Tile> tiles = s.marks.asFlux()
                    .onBackpressureLatest()
                    .publishOn(scheduler, 1)
                    .<Tile>handle((mark, sink) -> build(m).ifPresent(sink::next))
                    .distinctUntilChanged(Tile::json);
            running.add(Coalescing.latest(tiles, minInterval, BURST, scheduler).subscribe(t -> publish(m, s, t)));
            running.add(rig.statusUpdates(m).subscribe(u -> mark(m), e -> { }));
        }
        running.add(Flux.interval(pollInterval, pollInterval, scheduler)
                .subscribe(t -> rig.members().forEach(this::mark)));
        return this;
    }

    /** The newest view of every camera (built now). */
    public List<CameraView> current() {
        return rig.members().stream().map(views).toList();
    }

    /** Asks for the camera's tile to be rebuilt, and published if it changed (after an operation). */
    public void mark(RigMember m) {
        Slot s = slots.get(m);
        if (s != null) {
            synchronized (s.marks) {
                s.marks.tryEmitNext(MARK);
            }
        }
    }

    private java.util.Optional<Tile> build(RigMember m) {
        try {
            CameraView view = views.apply(m);
            return java.util.Optional.of(new Tile(view, String.valueOf(view)));
        } catch (RuntimeException e) {
            hub.log("error", m.advertisedName(), "cannot read the camera's state: " + e);
            return java.util.Optional.empty();
        }
    }

    private void publish(RigMember m, Slot s, Tile t) {
        CameraView before;
        synchronized (s) {
            if (t.json().equals(s.lastJson)) {
                return;
            }
            s.lastJson = t.json();
            before = s.last;
            s.last = t.view();
        }
        hub.publish("camera", "camera:" + m.index(), t.view());
        if (before != null && !Objects.equals(before.link(), t.view().link())) {
            logLink(t.view());
        }
    }

    private void logLink(CameraView view) {
        if ("connected".equals(view.link())) {
            hub.log("info", view.name(), "link up");
        } else if (view.lastError() != null) {
            hub.log("error", view.name(), view.link() + ": " + view.lastError().type() + ": "
                    + view.lastError().message());
        } else {
            hub.log("warn", view.name(), view.link());
        }
    }

    @Override
    public void dispose() {
        running.dispose();
    }

    @Override
    public boolean isDisposed() {
        return running.isDisposed();
    }
}
