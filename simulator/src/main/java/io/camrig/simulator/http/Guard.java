package io.camrig.simulator.http;

import java.util.function.BiFunction;
import org.reactivestreams.Publisher;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/** Wraps every route of one server: fault injection, and Basic auth on the COHN server. */
@FunctionalInterface
interface Guard {
    BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> wrap(Route route);
}
