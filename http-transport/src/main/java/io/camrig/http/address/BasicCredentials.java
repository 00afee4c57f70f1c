package io.camrig.http.address;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * HTTP Basic credentials (RFC 7617), as a COHN camera hands them out in {@code GET COHN status}
 * ({@code username} and {@code password} of {@code NotifyCOHNStatus}, or {@code POST
 * /gopro/cohn/status} over HTTP). The password is a secret: {@link #toString()} never shows it,
 * and no camrig error or log line contains it.
 *
 * <p>The constructor throws {@link IllegalArgumentException} when the user name is empty or holds a
 * colon or a control character.
 *
 * @param username the user name, for example {@code gopro}; may not contain {@code ':'}
 * @param password the password
 */
public record BasicCredentials(String username, String password) {

    public BasicCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.isEmpty()) {
            throw new IllegalArgumentException("user name must not be empty");
        }
        if (username.indexOf(':') >= 0 || username.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("user name must not contain ':' or control characters");
        }
    }

    /** The value of an {@code Authorization} header: {@code Basic base64(user:password)}. */
    public String authorizationHeader() {
        return "Basic " + Base64.getEncoder().encodeToString(
                (username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The user name and {@code ***} in place of the password. */
    @Override
    public String toString() {
        return "BasicCredentials[" + username + ", password=***]";
    }
}
