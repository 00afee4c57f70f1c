/**
 * The camera's HTTP side (Open GoPro HTTP API 2.0, {@code http://10.5.5.9:8080} on the camera's
 * Wi-Fi access point, or the camera's address on a home network), the layer every operation runs
 * on: the exchange with one camera ({@link io.camrig.http.HttpExchange}, set by {@link
 * io.camrig.http.HttpOptions}), streamed and verified media downloads ({@link
 * io.camrig.http.MediaDownload}), and the typed errors they signal. The operations per tag are in
 * {@code http.api}, the client that gathers them in {@code http.client}; neither is used from here.
 *
 * <p>Errors are {@link io.camrig.proto.error.CamrigException}s: {@link
 * io.camrig.http.HttpTransportException} (transient: refused or timed-out connection, 5xx),
 * {@link io.camrig.http.HttpStatusException} (permanent 4xx), {@link
 * io.camrig.http.MediaFormatException} (JSON that does not follow the schema), {@link
 * io.camrig.http.DownloadVerificationException} (a download whose size is not the announced one)
 * and {@link io.camrig.http.DownloadStorageException} (the local disk refused the file).
 * Nothing here retries: resilience belongs to the engine.
 */
package io.camrig.http;
