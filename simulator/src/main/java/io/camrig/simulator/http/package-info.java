/**
 * The virtual camera's HTTP side: {@link io.camrig.simulator.http.VirtualCameraHttpServer}, a
 * Reactor Netty server that answers the paths of the Open GoPro HTTP API 2.0 ({@code
 * openapi.json}) from one {@link io.camrig.simulator.media.SdCard} and one {@link
 * io.camrig.simulator.http.CameraHttpModel}: realistic answers, realistic errors (403 with the
 * supported options for a setting, 503 while busy, 400 for bad parameters, 416 past a file's
 * end), COHN over HTTPS with a root CA generated at start ({@link
 * io.camrig.simulator.http.CohnAuthority}) and Basic auth, and {@link
 * io.camrig.simulator.http.HttpFaults} to inject delays, forced statuses and cut downloads.
 * {@link io.camrig.simulator.http.VirtualHttpRig} runs N such cameras on their own, for {@code
 * camrig simulate} and other tools.
 */
package io.camrig.simulator.http;
