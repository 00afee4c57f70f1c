package io.camrig.simulator.http;

import java.util.function.BiFunction;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/** One endpoint's handler: answers a request with a completion. */
@FunctionalInterface
interface Route extends BiFunction<HttpServerRequest, HttpServerResponse, Mono<Void>> {
}
