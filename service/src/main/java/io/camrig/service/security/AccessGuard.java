package io.camrig.service.security;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import reactor.netty.http.server.HttpServerRequest;

/**
 * Who may do what on the service, checked before every route:
 * <ul>
 *   <li>Bound to a loopback address, the {@code Host} header must name loopback
 *       ({@code 127.0.0.1}, {@code localhost}, {@code [::1]}): a web page whose domain an
 *       attacker re-points at 127.0.0.1 (DNS rebinding) gets 421.</li>
 *   <li>With a token (always when bound to another address), every API, event and metrics request
 *       needs {@code Authorization: Bearer <token>}: missing or wrong gives 401 with
 *       {@code WWW-Authenticate: Bearer}. The console's static files need none; they hold no
 *       secret.</li>
 *   <li>Every state-changing request (POST, PUT, PATCH, DELETE) must come from the service's own
 *       origin: an {@code Origin} header (or {@code Sec-Fetch-Site: cross-site}) naming another
 *       site gives 403 (CSRF). Requests without {@code Origin} (curl, scripts, the CLI) pass this
 *       check, and still need the token when one is required.</li>
 * </ul>
 */
public final class AccessGuard {
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]");

    /** Why a request is refused: HTTP status and a message safe to show. */
    public record Refusal(HttpResponseStatus status, String message) {
    }

    private final Optional<ServiceToken> token;
    private final boolean loopback;
    private final String scheme;

    /**
     * @param token    the token every protected request needs, or empty (loopback only)
     * @param loopback the service is bound to a loopback address
     * @param tls      the service speaks HTTPS (for the expected {@code Origin})
     */
    public AccessGuard(Optional<ServiceToken> token, boolean loopback, boolean tls) {
        if (token.isEmpty() && !loopback) {
            throw new IllegalArgumentException("a service bound beyond loopback needs a token");
        }
        this.token = token;
        this.loopback = loopback;
        this.scheme = tls ? "https" : "http";
    }

    /** {@code true} when requests to protected paths need the bearer token. */
    public boolean tokenRequired() {
        return token.isPresent();
    }

    /**
     * Checks a request.
     *
     * @param protectedPath {@code true} for the API, events and metrics; {@code false} for the
     *                      console's static files
     * @return the refusal, or empty when the request may go on
     */
    public Optional<Refusal> check(HttpServerRequest req, boolean protectedPath) {
        String host = req.requestHeaders().get(HttpHeaderNames.HOST);
        if (loopback && (host == null || !LOOPBACK_HOSTS.contains(hostName(host)))) {
            return Optional.of(new Refusal(HttpResponseStatus.MISDIRECTED_REQUEST,
                    "this service answers to 127.0.0.1 or localhost only"));
        }
        if (protectedPath && token.isPresent()) {
            String auth = req.requestHeaders().get(HttpHeaderNames.AUTHORIZATION);
            String presented = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? auth.substring(7).trim() : null;
            if (!token.get().matches(presented)) {
                return Optional.of(new Refusal(HttpResponseStatus.UNAUTHORIZED,
                        presented == null ? "a bearer token is required" : "the bearer token is wrong"));
            }
        }
        if (!SAFE.contains(req.method())) {
            String origin = req.requestHeaders().get(HttpHeaderNames.ORIGIN);
            String site = req.requestHeaders().get("Sec-Fetch-Site");
            boolean foreignOrigin = origin != null && (host == null || !origin.equalsIgnoreCase(scheme + "://" + host));
            boolean crossSite = site != null && site.toLowerCase(Locale.ROOT).equals("cross-site");
            if (foreignOrigin || crossSite) {
                return Optional.of(new Refusal(HttpResponseStatus.FORBIDDEN,
                        "state-changing requests must come from this service's own origin"));
            }
        }
        return Optional.empty();
    }

    /** The host of a {@code Host} header, without the port; IPv6 literals keep their brackets. */
    static String hostName(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }
}
