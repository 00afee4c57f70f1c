package io.camrig.cluster.broker;

import io.camrig.cluster.Topics;
import io.camrig.cluster.mqtt.BrokerLogin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The embedded broker's generated credentials: one random 256-bit secret from which every login
 * is derived — a member's password is {@code base64url(HMAC-SHA256(secret, "camrig-mqtt:" + user))}
 * — so the broker checks any node's password without a list, and one node's password does not
 * give another's. Kept with the broker's URL in {@code $XDG_CONFIG_HOME/camrig/broker.properties}
 * (else {@code ~/.config/camrig/}), mode 0600, where nodes and commands on the same machine find
 * it; a node on another host gets a credentials file with its own login only ({@link #loginFile}).
 *
 * @param url    the broker's URL, e.g. {@code mqtt://127.0.0.1:1883}
 * @param secret the secret (never printed)
 */
public record BrokerSecret(String url, byte[] secret) {
    /** The file's name in the camrig configuration directory. */
    public static final String FILE_NAME = "broker.properties";

    public BrokerSecret {
        secret = secret.clone();
    }

    /** A fresh secret for a broker at {@code url}. */
    public static BrokerSecret generate(String url) {
        byte[] s = new byte[32];
        new SecureRandom().nextBytes(s);
        return new BrokerSecret(url, s);
    }

    /** The default location: {@code $XDG_CONFIG_HOME/camrig/broker.properties}. */
    public static Path defaultFile() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("camrig").resolve(FILE_NAME);
    }

    /** The login of {@code user} (a node id or {@value Topics#COORDINATOR}). */
    public BrokerLogin login(String user) {
        return new BrokerLogin(user, password(user).getBytes(StandardCharsets.UTF_8), Optional.empty());
    }

    /** {@code true} when {@code password} is {@code user}'s (constant-time comparison). */
    public boolean verifies(String user, byte[] password) {
        return MessageDigest.isEqual(password(user).getBytes(StandardCharsets.UTF_8), password);
    }

    private String password(String user) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] h = mac.doFinal(("camrig-mqtt:" + user).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(h);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Writes the file, readable by the user only (0600 from creation on). */
    public void write(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("url", url);
        p.setProperty("secret", Base64.getEncoder().encodeToString(secret));
        writePrivate(file, p);
    }

    /** Writes a credentials file with {@code user}'s login only, for a member on another host. */
    public void loginFile(String user, Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("username", user);
        p.setProperty("password", password(user));
        writePrivate(file, p);
    }

    private static void writePrivate(Path file, Properties p) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE)) {
            p.store(out, "camrig MQTT broker credentials: keep private");
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads the file, when there is one. */
    public static Optional<BrokerSecret> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        String url = p.getProperty("url");
        String secret = p.getProperty("secret");
        if (url == null || secret == null) {
            throw new IOException(file + ": needs url= and secret=");
        }
        return Optional.of(new BrokerSecret(url, Base64.getDecoder().decode(secret.trim())));
    }

    @Override
    public String toString() {
        return "BrokerSecret[" + url + ", secret ***]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BrokerSecret s && s.url.equals(url) && MessageDigest.isEqual(s.secret, secret);
    }

    @Override
    public int hashCode() {
        return url.hashCode();
    }
}
