/**
 * The camera's HTTP operations, one class per tag of the Open GoPro HTTP API 2.0 ({@code
 * openapi.json}): {@link io.camrig.http.api.ControlApi}, {@link io.camrig.http.api.QueryApi},
 * {@link io.camrig.http.api.MediaApi}, {@link io.camrig.http.api.PresetsApi}, {@link
 * io.camrig.http.api.SettingsApi}, {@link io.camrig.http.api.StreamApi} (preview stream), {@link
 * io.camrig.http.api.WebcamApi}, {@link io.camrig.http.api.CohnApi} and {@link
 * io.camrig.http.api.FirmwareApi} (typed, not exercised). Reach them from {@link
 * io.camrig.http.client.CameraHttpClient}; each method's Javadoc names its path and operation id.
 *
 * <p>Every method returns a cold publisher: nothing is sent until subscribed, and each
 * subscription sends one request. JSON answers are read tolerantly (numbers as strings, unknown
 * fields) and strictly where a value matters. Nothing here retries.
 */
package io.camrig.http.api;
