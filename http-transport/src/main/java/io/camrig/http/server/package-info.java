/**
 * What camrig's own HTTP servers (the rig service, the simulated camera's HTTP API) share on top
 * of Reactor Netty's {@code HttpServer}: {@link io.camrig.http.server.KeepAliveReads}, which keeps
 * a keep-alive connection reading after a queued request was answered at once.
 */
package io.camrig.http.server;
