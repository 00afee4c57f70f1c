package io.camrig.cluster.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * How a cluster member logs in to the broker: a user name, a password, and optionally the PEM CA
 * file that signs the broker's TLS certificate. Read from files, never from arguments; the
 * password never appears in {@link #toString()}, logs or errors.
 *
 * <p>Credentials file (Java properties): {@code username=…}, {@code password=…}, optional
 * {@code ca=/path/ca.pem}.
 *
 * @param username the MQTT user name (a node's id, or {@code coordinator})
 * @param password the password, UTF-8
 * @param caFile   PEM file of the CA(s) to trust for {@code mqtts://}; empty: the JVM's trust store
 */
public record BrokerLogin(String username, byte[] password, Optional<Path> caFile) {
    public BrokerLogin {
        if (username == null || username.isEmpty()) {
            throw new IllegalArgumentException("username is empty");
        }
        password = password.clone();
    }

    @Override
    public byte[] password() {
        return password.clone();
    }

    /** Reads a credentials file. Errors with {@link IOException} naming the file and the missing key. */
    public static BrokerLogin read(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        String user = p.getProperty("username");
        String pass = p.getProperty("password");
        if (user == null || pass == null) {
            throw new IOException(file + ": needs username= and password=");
        }
        String ca = p.getProperty("ca");
        return new BrokerLogin(user.trim(), pass.trim().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Optional.ofNullable(ca).map(String::trim).map(c -> file.toAbsolutePath().getParent().resolve(c)));
    }

    /** The same login trusting another CA file. */
    public BrokerLogin withCaFile(Path ca) {
        return new BrokerLogin(username, password, Optional.of(ca));
    }

    @Override
    public String toString() {
        return "BrokerLogin[" + username + ", password ***" + caFile.map(c -> ", ca " + c).orElse("") + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BrokerLogin l && l.username.equals(username) && java.util.Arrays.equals(l.password, password)
                && l.caFile.equals(caFile);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }
}
