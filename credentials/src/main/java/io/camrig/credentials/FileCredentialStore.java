package io.camrig.credentials;

import io.camrig.engine.credentials.CameraCredentials;
import io.camrig.engine.credentials.CredentialStore;
import io.camrig.engine.credentials.CredentialStoreException.Reason;
import io.camrig.engine.credentials.CredentialStoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The user's credentials in one JSON file, by default {@code $XDG_CONFIG_HOME/camrig/credentials.json}
 * ({@link CredentialFileLocation}). Format version 1, UTF-8:
 *
 * <pre>{@code
 * {"format": "camrig-credentials", "version": 1,
 *  "cameras": {"C3501324500711": {"updated": "2025-01-31T12:00:00Z",
 *                                 "ap": {"ssid": "...", "password": "..."},
 *                                 "cohn": {"username": "gopro", "password": "...", "ipAddress": "192.168.1.20",
 *                                          "ssid": "...", "rootCaPem": "-----BEGIN CERTIFICATE-----..."}}}}
 * }</pre>
 *
 * ({@code ap}, {@code cohn} absent when unknown). Encrypted, {@code cameras} is replaced by
 * {@code "encryption": {"cipher": "AES-256-GCM", "kdf": "Argon2id", "kdfVersion": 19, "memoryKiB",
 * "iterations", "parallelism", "salt" (16 bytes), "nonce" (12 bytes), "keyCheck" (16 bytes)}} (byte
 * fields base64) and {@code "ciphertext"}: AES-256-GCM, 128-bit tag appended, of
 * {@code {"cameras": {...}}}, with every header field as additional authenticated data.
 *
 * <ul>
 *   <li><b>Reads</b> ({@link #list()}, {@link #get}) read the file each time, without a lock: a
 *       write replaces it atomically, so a reader sees one whole version. A missing file is an
 *       empty store.
 *   <li><b>Writes</b> ({@link #update}, {@link #forget}) are read-modify-write under a lock shared
 *       by every store on that path in this JVM and a {@link java.nio.channels.FileLock} on
 *       {@code credentials.json.lock} across processes, so concurrent updates are never lost. The
 *       new file is written owner-only ({@code rw-------}), forced to disk and renamed over the
 *       old one: a process killed at any instant leaves the old or the new version. Temporary files
 *       a killed writer left are deleted by the next write. The directory is created
 *       {@code rwx------}.
 *   <li><b>Permissions</b>: a file readable or writable by group or others is reported once to
 *       {@link FileCredentialStoreOptions#warnings()} (path and mode only) and is rewritten
 *       {@code rw-------} by the next write.
 *   <li><b>Corrupt files</b> (truncated, not JSON, not camrig's, an unknown version, altered
 *       ciphertext) fail every read and write with {@link Reason#CORRUPT} naming the file, and
 *       are never overwritten: to start over, {@link #setAside()} renames the file out of the way.
 *   <li><b>Encryption</b> ({@link #atWithPassphrase}): the cameras are encrypted with AES-256-GCM
 *       under a key derived from the passphrase with Argon2id (cost in the file header,
 *       {@link FileCredentialStoreOptions#argon2Cost()} for new files), derived once per store and
 *       salt. An encrypted file read without a passphrase fails with {@link
 *       Reason#PASSPHRASE_REQUIRED}, with the wrong one with {@link Reason#WRONG_PASSPHRASE}. A
 *       plain file read by a store with a passphrase is read as it is and <em>encrypted by the next
 *       write</em> (a warning says so); a store without a passphrase never decrypts a file.
 * </ul>
 *
 * <p>Secrets (passwords, the passphrase, keys) never appear in exceptions, warnings or {@code
 * toString()}. Methods block on file I/O and, with a passphrase, on the first key derivation
 * (1 to 3 s at the default cost, see {@link Argon2Cost#DEFAULT}).
 */
public final class FileCredentialStore implements CredentialStore, AutoCloseable {
    private static final DateTimeFormatter ASIDE_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Path file;
    private final FileCredentialStoreOptions options;
    private final PassphraseEncryption encryption;
    private final StoreLock lock;
    private final Consumer<String> warnings;
    private final AtomicBoolean permissionsReported = new AtomicBoolean();
    private final AtomicBoolean plainReported = new AtomicBoolean();

    private FileCredentialStore(Path file, FileCredentialStoreOptions options, char[] passphrase) {
        this.file = file.toAbsolutePath().normalize();
        this.options = Objects.requireNonNull(options, "options");
        this.encryption = passphrase == null ? null
                : new PassphraseEncryption(passphrase, options.argon2Cost(), options.random());
        this.lock = new StoreLock(this.file, options.lockTimeout());
        this.warnings = options.warnings();
    }

    /** A plain store at the user's default location for this environment (e.g. {@code System.getenv()}). */
    public static FileCredentialStore atDefaultLocation(Map<String, String> env) {
        return at(CredentialFileLocation.resolve(env), FileCredentialStoreOptions.DEFAULT);
    }

    /** A plain store in this file. */
    public static FileCredentialStore at(Path file) {
        return at(file, FileCredentialStoreOptions.DEFAULT);
    }

    /** A plain store in this file. */
    public static FileCredentialStore at(Path file, FileCredentialStoreOptions options) {
        return new FileCredentialStore(Objects.requireNonNull(file, "file"), options, null);
    }

    /**
     * A store encrypted with this passphrase. The store keeps its own copy (the caller may wipe
     * its array) until {@link #close()}.
     *
     * @throws IllegalArgumentException when the passphrase is empty
     */
    public static FileCredentialStore atWithPassphrase(Path file, char[] passphrase, FileCredentialStoreOptions options) {
        return new FileCredentialStore(Objects.requireNonNull(file, "file"), options,
                Objects.requireNonNull(passphrase, "passphrase"));
    }

    /** The credential file (absolute). */
    public Path file() {
        return file;
    }

    /** {@code true} when this store writes the file encrypted. */
    public boolean encrypted() {
        return encryption != null;
    }

    @Override
    public List<CameraCredentials> list() {
        return List.copyOf(read().values());
    }

    @Override
    public Optional<CameraCredentials> get(String serial) {
        Objects.requireNonNull(serial, "serial");
        return Optional.ofNullable(read().get(serial));
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when {@code change} returns an entry of another serial
     * @throws IllegalStateException when called from inside {@code change}
     * @throws CredentialStoreException when the file cannot be read (nothing is written) or written
     */
    @Override
    public CameraCredentials update(String serial, UnaryOperator<CameraCredentials> change) {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(change, "change");
        return locked("update", () -> {
            SortedMap<String, CameraCredentials> cameras = read();
            CameraCredentials current = cameras.getOrDefault(serial,
                    CameraCredentials.empty(serial, options.clock().instant()));
            CameraCredentials next = Objects.requireNonNull(change.apply(current), "the change returned no entry");
            if (!next.serial().equals(serial)) {
                throw new IllegalArgumentException("the change of camera " + serial + " returned camera " + next.serial());
            }
            cameras.put(serial, next);
            write(cameras);
            return next;
        });
    }

    @Override
    public boolean forget(String serial) {
        Objects.requireNonNull(serial, "serial");
        if (!read().containsKey(serial)) {
            return false; // nothing to forget in a whole version of the file: no lock, no write
        }
        return locked("forget", () -> {
            SortedMap<String, CameraCredentials> cameras = read();
            if (cameras.remove(serial) == null) {
                return false;
            }
            write(cameras);
            return true;
        });
    }

    /**
     * Starts over: renames the file (whatever it holds, corrupt or not) to
     * {@code credentials.json.set-aside-<UTC time>} next to it, so the store is empty and the old
     * content is kept for the user to inspect or delete.
     *
     * @return where the old file went; empty when there was none
     */
    public Optional<Path> setAside() {
        return locked("set aside", () -> {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            Path aside = file.resolveSibling(file.getFileName() + ".set-aside-"
                    + ASIDE_STAMP.format(options.clock().instant()));
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            return Optional.of(aside);
        });
    }

    /** Forgets the passphrase and keys; a store with a passphrase cannot be used afterwards. */
    @Override
    public void close() {
        if (encryption != null) {
            encryption.destroy();
        }
    }

    @Override
    public String toString() {
        return "FileCredentialStore[" + file + (encryption != null ? ", encrypted" : ", plain") + "]";
    }

    private <T> T locked(String what, StoreLock.Body<T> body) {
        try {
            return lock.withLock(body);
        } catch (IOException e) {
            throw new CredentialStoreException(Reason.IO, "cannot " + what + " credentials file " + file + ": " + e, e);
        }
    }

    private SortedMap<String, CameraCredentials> read() {
        byte[] bytes;
        try {
            StoreFiles.requirePrivateDirectory(file.getParent());
            bytes = StoreFiles.readCapped(file);
        } catch (NoSuchFileException e) {
            return new TreeMap<>();
        } catch (IOException e) {
            throw new CredentialStoreException(Reason.IO, "cannot read credentials file " + file + ": " + e, e);
        }
        reportLoosePermissions();
        CredentialFileFormat.Content content;
        try {
            content = CredentialFileFormat.parse(bytes);
        } catch (CredentialJson.CorruptContent e) {
            throw corrupt(e.getMessage(), null);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        if (content instanceof CredentialFileFormat.Plain plain) {
            if (encryption != null && plainReported.compareAndSet(false, true)) {
                warnings.accept("credentials file " + file + " is not encrypted; camrig encrypts it with the "
                        + "passphrase on its next change");
            }
            return plain.cameras();
        }
        CredentialFileFormat.Encrypted sealed = (CredentialFileFormat.Encrypted) content;
        if (encryption == null) {
            throw new CredentialStoreException(Reason.PASSPHRASE_REQUIRED,
                    "credentials file " + file + " is encrypted: a passphrase is required to read it", null);
        }
        byte[] plaintext;
        try {
            plaintext = encryption.open(sealed.header(), sealed.ciphertext());
        } catch (PassphraseEncryption.OpenFailure e) {
            if (e.failure == PassphraseEncryption.Failure.WRONG_PASSPHRASE) {
                throw new CredentialStoreException(Reason.WRONG_PASSPHRASE,
                        "the passphrase does not open credentials file " + file, null);
            }
            throw corrupt("was altered or damaged: its authentication tag does not match", e.getCause());
        }
        try {
            return CredentialFileFormat.parseInner(plaintext);
        } catch (CredentialJson.CorruptContent e) {
            throw corrupt(e.getMessage(), null);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private void write(SortedMap<String, CameraCredentials> cameras) throws IOException {
        AtomicFileWriter.removeStrayTemporaries(file);
        byte[] bytes;
        if (encryption == null) {
            bytes = CredentialFileFormat.plain(cameras);
        } else {
            byte[] inner = CredentialFileFormat.inner(cameras);
            PassphraseEncryption.Sealed sealed = encryption.seal(inner);
            Arrays.fill(inner, (byte) 0);
            bytes = CredentialFileFormat.encrypted(sealed.header(), sealed.ciphertext());
        }
        try {
            AtomicFileWriter.replace(file, bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        permissionsReported.set(false);
    }

    private void reportLoosePermissions() {
        if (!AtomicFileWriter.isPosix(file) || permissionsReported.get()) {
            return;
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (!AtomicFileWriter.OWNER_FILE.containsAll(perms) && permissionsReported.compareAndSet(false, true)) {
                warnings.accept("credentials file " + file + " has mode " + PosixFilePermissions.toString(perms)
                        + ", open to other users; camrig rewrites it as rw------- on its next change"
                        + " (chmod 600 fixes it now)");
            }
        } catch (IOException | UnsupportedOperationException e) {
            // The file vanished or has no POSIX mode: nothing to report.
        }
    }

    private CredentialStoreException corrupt(String what, Throwable cause) {
        return new CredentialStoreException(Reason.CORRUPT, "credentials file " + file + " " + what
                + "; camrig will not overwrite it: move it away (or set it aside) to start over", cause);
    }
}
