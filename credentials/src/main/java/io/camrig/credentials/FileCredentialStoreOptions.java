package io.camrig.credentials;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a {@link FileCredentialStore} behaves; immutable, copy-on-write {@code with…} methods. The
 * passphrase is not an option: it is given to {@link FileCredentialStore#atWithPassphrase}.
 */
public final class FileCredentialStoreOptions {
    private static final Logger LOG = LoggerFactory.getLogger(FileCredentialStore.class);

    /** Argon2id {@link Argon2Cost#DEFAULT}, the system clock, 10 s lock wait, warnings to SLF4J. */
    public static final FileCredentialStoreOptions DEFAULT = new FileCredentialStoreOptions(
            Argon2Cost.DEFAULT, Clock.systemUTC(), Duration.ofSeconds(10), LOG::warn, null);

    private final Argon2Cost argon2Cost;
    private final Clock clock;
    private final Duration lockTimeout;
    private final Consumer<String> warnings;
    private final SecureRandom random;

    private FileCredentialStoreOptions(Argon2Cost argon2Cost, Clock clock, Duration lockTimeout,
                                       Consumer<String> warnings, SecureRandom random) {
        this.argon2Cost = argon2Cost;
        this.clock = clock;
        this.lockTimeout = lockTimeout;
        this.warnings = warnings;
        this.random = random;
    }

    /** The Argon2id cost of new encrypted files (a file is read with the cost in its header). */
    public Argon2Cost argon2Cost() {
        return argon2Cost;
    }

    /** The clock of new entries' {@code updated}. */
    public Clock clock() {
        return clock;
    }

    /** The longest wait for another writer (in this or another process) before an IO error. */
    public Duration lockTimeout() {
        return lockTimeout;
    }

    /** Where warnings go (e.g. "the file is readable by others"); they never hold a secret. */
    public Consumer<String> warnings() {
        return warnings;
    }

    /** The salt and nonce source; a fresh {@link SecureRandom} when unset. */
    SecureRandom random() {
        return random != null ? random : new SecureRandom();
    }

    public FileCredentialStoreOptions withArgon2Cost(Argon2Cost value) {
        return new FileCredentialStoreOptions(Objects.requireNonNull(value, "argon2Cost"), clock, lockTimeout,
                warnings, random);
    }

    public FileCredentialStoreOptions withClock(Clock value) {
        return new FileCredentialStoreOptions(argon2Cost, Objects.requireNonNull(value, "clock"), lockTimeout,
                warnings, random);
    }

    /** @throws IllegalArgumentException when not positive */
    public FileCredentialStoreOptions withLockTimeout(Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("lock timeout must be positive: " + value);
        }
        return new FileCredentialStoreOptions(argon2Cost, clock, value, warnings, random);
    }

    public FileCredentialStoreOptions withWarnings(Consumer<String> value) {
        return new FileCredentialStoreOptions(argon2Cost, clock, lockTimeout,
                Objects.requireNonNull(value, "warnings"), random);
    }

    /** The salt and nonce source (tests); use a {@link SecureRandom}. */
    public FileCredentialStoreOptions withRandom(SecureRandom value) {
        return new FileCredentialStoreOptions(argon2Cost, clock, lockTimeout, warnings,
                Objects.requireNonNull(value, "random"));
    }

    @Override
    public String toString() {
        return "FileCredentialStoreOptions[" + argon2Cost + ", lockTimeout=" + lockTimeout + "]";
    }
}
