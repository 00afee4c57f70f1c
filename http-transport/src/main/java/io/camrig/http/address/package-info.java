/**
 * How to reach a camera's HTTP API (Open GoPro HTTP API 2.0, "Socket Address"): {@link
 * io.camrig.http.address.CameraAddress} for the Wi-Fi AP ({@code 10.5.5.9:8080}), USB ({@code
 * 172.2X.1YZ.51:8080} from the serial number) and the home network (COHN: HTTPS with Basic auth,
 * {@link io.camrig.http.address.CohnTrust} anchoring trust to the camera's own root CA); {@link
 * io.camrig.http.address.MdnsDiscovery} finds cameras that register {@code _gopro-web._tcp}.
 * Credentials never appear in {@code toString()}, logs or errors.
 */
package io.camrig.http.address;
