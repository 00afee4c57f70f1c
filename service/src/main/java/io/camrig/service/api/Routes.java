package io.camrig.service.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camrig.service.events.CameraFeed;
import io.camrig.service.events.EventHub;
import io.camrig.service.rig.CameraViews;
import io.camrig.service.rig.RigAccess;
import io.camrig.service.security.AccessGuard;
import io.camrig.service.takes.TakeDownloads;
import io.camrig.service.takes.TakeLog;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import reactor.core.scheduler.Scheduler;
import reactor.netty.http.server.HttpServerRoutes;

/** Every route of the service, in one place for the server to install. */
public final class Routes implements Consumer<HttpServerRoutes> {
    private final Guarded guarded;
    private final ReadRoutes reads;
    private final ActionRoutes actions;
    private final EventRoutes events;
    private final StaticRoutes files;
    private final HttpIo io;

    /**
     * @param prometheus the registry {@code /metrics} scrapes, when the rig's metrics keep one
     * @param heartbeat  how often an idle event stream gets a comment line
     */
    public Routes(RigAccess rig, CameraFeed feed, TakeLog takes, TakeDownloads downloads, EventHub hub,
                  AccessGuard guard, ObjectMapper json, Optional<PrometheusMeterRegistry> prometheus,
                  Duration heartbeat, Scheduler scheduler) {
        this.io = new HttpIo(json);
        this.guarded = new Guarded(guard, io);
        this.reads = new ReadRoutes(rig, new CameraViews(rig), feed, takes, hub, io, guard.tokenRequired());
        this.actions = new ActionRoutes(rig, feed, takes, downloads, hub, io);
        this.events = new EventRoutes(hub, reads::state, prometheus, io, heartbeat, scheduler);
        this.files = new StaticRoutes(io);
    }

    @Override
    public void accept(HttpServerRoutes r) {
        files.register(r, guarded);
        reads.register(r, guarded);
        actions.register(r, guarded);
        events.register(r, guarded);
        r.route(req -> true, guarded.open((req, res) -> io.error(res,
                HttpResponseStatus.NOT_FOUND, "no route " + req.method() + " " + req.path())));
    }
}
