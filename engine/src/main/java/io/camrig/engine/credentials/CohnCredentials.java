package io.camrig.engine.credentials;

import io.camrig.http.address.BasicCredentials;
import io.camrig.http.address.CameraAddress;
import io.camrig.http.address.CohnTrust;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What a camera on the home network (COHN) hands out once provisioned: the Basic-auth user and
 * password and the IP address (NotifyCOHNStatus {@code username}, {@code password},
 * {@code ipaddress}), the network it is on ({@code ssid}), and its root CA (Get COHN Certificate,
 * PEM). The password is a secret: {@link #toString()} never shows it.
 *
 * <p>Source: Open GoPro BLE spec, "Camera on the Home Network"; HTTP spec, COHN.
 *
 * @param username the Basic-auth user, e.g. {@code gopro}
 * @param password the Basic-auth password (a secret)
 * @param ipAddress the camera's IPv4 address on the network, dotted quad
 * @param ssid the network the camera is on
 * @param rootCaPem the camera's root CA certificate, PEM text
 */
public record CohnCredentials(String username, String password, String ipAddress, String ssid, String rootCaPem) {
    public CohnCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(ipAddress, "ipAddress");
        Objects.requireNonNull(ssid, "ssid");
        Objects.requireNonNull(rootCaPem, "rootCaPem");
    }

    /** The same credentials at another IP address (DHCP gave the camera a new one). */
    public CohnCredentials withIpAddress(String ip) {
        return new CohnCredentials(username, password, ip, ssid, rootCaPem);
    }

    /**
     * The camera's HTTPS address: {@code https://<ip>:<port>}, Basic auth, trust anchored to its own
     * root CA only.
     *
     * @param port 443 for a real camera; a simulated rig says its own
     * @throws IllegalArgumentException when the PEM holds no certificate
     */
    public CameraAddress address(int port) {
        return CameraAddress.cohn(ipAddress + ":" + port, new BasicCredentials(username, password),
                CohnTrust.parseCertificate(rootCaPem.getBytes(StandardCharsets.US_ASCII)));
    }

    @Override
    public String toString() {
        return "CohnCredentials[" + username + "@" + ipAddress + " on " + ssid + ", password=***]";
    }
}
