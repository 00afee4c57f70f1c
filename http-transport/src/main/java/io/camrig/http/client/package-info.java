/**
 * {@link io.camrig.http.client.CameraHttpClient}: the HTTP client of one camera (Open GoPro HTTP API
 * 2.0), which gathers the operations of {@code http.api} over one {@link
 * io.camrig.http.HttpExchange} and adds streamed, resumed, verified media downloads. It sits above
 * both {@code http} and {@code http.api}, which know nothing of it.
 */
package io.camrig.http.client;
