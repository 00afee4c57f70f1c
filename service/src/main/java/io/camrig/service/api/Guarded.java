package io.camrig.service.api;

import io.camrig.service.security.AccessGuard;
import java.util.Optional;
import java.util.function.BiFunction;
import org.reactivestreams.Publisher;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Wraps every route in the {@link AccessGuard}'s checks and adds the headers every answer
 * carries: a Content-Security-Policy that lets the console load only its own files
 * ({@code default-src 'self'}, no frames), {@code X-Content-Type-Options: nosniff} and
 * {@code Referrer-Policy: no-referrer}.
 */
public final class Guarded {
    /** A route's handler, as Reactor Netty takes it. */
    public interface Handler extends BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> {
    }

    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private final AccessGuard guard;
    private final HttpIo io;

    public Guarded(AccessGuard guard, HttpIo io) {
        this.guard = guard;
        this.io = io;
    }

    /** A protected route (API, events, metrics): token when required, Origin check on mutations. */
    public Handler read(Handler h) {
        return wrap(h, true);
    }

    /** A protected state-changing route; the same checks as {@link #read}, named for the reader. */
    public Handler write(Handler h) {
        return wrap(h, true);
    }

    /** A public route (the console's static files): only the Host check. */
    public Handler open(Handler h) {
        return wrap(h, false);
    }

    private Handler wrap(Handler h, boolean protectedPath) {
        return (req, res) -> {
            res.header("Content-Security-Policy", CSP)
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer");
            Optional<AccessGuard.Refusal> refusal = guard.check(req, protectedPath);
            if (refusal.isPresent()) {
                if (refusal.get().status().code() == 401) {
                    res.header("WWW-Authenticate", "Bearer realm=\"camrig\"");
                }
                return io.error(res, refusal.get().status(), refusal.get().message());
            }
            try {
                return h.apply(req, res);
            } catch (RuntimeException e) {
                return io.failure(res, e);
            }
        };
    }
}
