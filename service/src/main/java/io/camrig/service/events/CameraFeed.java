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
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;

/**
 * Turns the rig's changes into {@code camera} events, coalesced per camera: a camera's status
 * pushes (the engine's {@code statusUpdates()} Flux) mark its tile dirty; the tile is rebuilt and
 * published at once when the camera's last event is older than {@code minInterval}, else once at
 * the end of that interval with the newest values (so at most 1/minInterval events per camera,
 * 10/s by default, and a lone change goes out without delay). Link state, failures and latency
 * have no push of their own: every camera is looked at each {@code pollInterval}, and an event is
 * published only when its tile changed. The rig's threads only flag a camera and schedule a task;
 * views are built on {@code scheduler}.
 *
 * <p>A camera whose link drops or that fails gets a log line with its typed cause.
 */
public final class CameraFeed implements Disposable {
    private final RigAccess rig;
    private final Function<RigMember, CameraView> views;
    private final EventHub hub;
    private final long minIntervalNanos;
    private final Duration pollInterval;
    private final Scheduler scheduler;
    private final Map<RigMember, Slot> slots = new ConcurrentHashMap<>();
    private final Disposable.Composite running = Disposables.composite();

    /** One camera's coalescing state. */
    private static final class Slot {
        long lastEmitNanos = Long.MIN_VALUE / 2;
        boolean scheduled;
        String lastJson;
        CameraView last;
    }

    /**
     * @param views builds a camera's tile (normally {@link CameraViews#view})
     */
    public CameraFeed(RigAccess rig, Function<RigMember, CameraView> views, EventHub hub, Duration minInterval, Duration pollInterval,
                      Scheduler scheduler) {
        this.rig = rig;
        this.views = views;
        this.hub = hub;
        this.minIntervalNanos = minInterval.toNanos();
        this.pollInterval = pollInterval;
        this.scheduler = scheduler;
        rig.members().forEach(m -> slots.put(m, new Slot()));
    }

    /** Subscribes to every camera's status pushes and starts the poll. */
    public CameraFeed start() {
        for (RigMember m : rig.members()) {
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

    /** Asks for the camera's tile to be republished (after an operation changed it). */
    public void mark(RigMember m) {
        Slot s = slots.get(m);
        if (s == null) {
            return;
        }
        long delay;
        synchronized (s) {
            if (s.scheduled) {
                return;
            }
            s.scheduled = true;
            delay = Math.max(0, s.lastEmitNanos + minIntervalNanos - scheduler.now(TimeUnit.NANOSECONDS));
        }
        scheduler.schedule(() -> emit(m, s), delay, TimeUnit.NANOSECONDS);
    }

    private void emit(RigMember m, Slot s) {
        CameraView view;
        synchronized (s) {
            s.scheduled = false;
        }
        try {
            view = views.apply(m);
        } catch (RuntimeException e) {
            hub.log("error", m.advertisedName(), "cannot read the camera's state: " + e);
            return;
        }
        String json = String.valueOf(view);
        CameraView before;
        synchronized (s) {
            if (json.equals(s.lastJson)) {
                return;
            }
            s.lastJson = json;
            before = s.last;
            s.last = view;
            s.lastEmitNanos = scheduler.now(TimeUnit.NANOSECONDS);
        }
        hub.publish("camera", "camera:" + m.index(), view);
        if (before != null && !Objects.equals(before.link(), view.link())) {
            logLink(view);
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
