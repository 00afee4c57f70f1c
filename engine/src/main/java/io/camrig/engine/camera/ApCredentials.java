package io.camrig.engine.camera;

import java.util.Objects;

/**
 * The camera's Wi-Fi access point credentials, read directly from GP-0002 (SSID) and GP-0003
 * (password). The password is a secret: {@link #toString()} never shows it.
 *
 * @param ssid     the AP SSID
 * @param password the AP password
 */
public record ApCredentials(String ssid, String password) {
    public ApCredentials {
        Objects.requireNonNull(ssid, "ssid");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "ApCredentials[ssid=" + ssid + ", password=***]";
    }
}
