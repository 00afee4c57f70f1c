/**
 * The virtual camera's HTTP side: {@link io.camrig.simulator.http.VirtualCameraHttpServer}, a
 * Reactor Netty server on 127.0.0.1 that answers the Open GoPro HTTP API 2.0 endpoints the
 * vertical slice uses (media list, media download with byte ranges, camera state, keep-alive)
 * from one {@link io.camrig.simulator.media.SdCard}, with {@link
 * io.camrig.simulator.http.HttpFaults} to inject delays, busy answers and cut downloads.
 */
package io.camrig.simulator.http;
