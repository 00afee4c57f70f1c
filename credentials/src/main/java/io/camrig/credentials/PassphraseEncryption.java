package io.camrig.credentials;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Encryption at rest with a passphrase: Argon2id (BouncyCastle) derives 48 bytes from the
 * passphrase and a random 16-byte salt — a 32-byte AES-256 key and a 16-byte key check — and
 * AES-256-GCM (JDK) encrypts with a fresh random 12-byte nonce per write and the header as
 * additional data. Keys are cached per (salt, cost), so a store derives once per salt however many
 * writes it makes; writes reuse one salt per instance, never a nonce.
 *
 * <p>Holds its own copy of the passphrase until {@link #destroy()}; neither the passphrase nor a
 * key is ever put in a message or {@code toString()}.
 */
final class PassphraseEncryption {
    private static final int KEY_BYTES = 32;
    private static final int TAG_BITS = 128;
    private static final int CACHED_KEYS = 4;

    private final char[] passphrase;
    private final Argon2Cost writeCost;
    private final SecureRandom random;
    private final Map<String, DerivedKey> cache = new LinkedHashMap<>(8, 0.75f, true);
    private DerivedKey writeKey;
    private boolean destroyed;
    private int derivations;

    /** What decrypting found: the plaintext, or that the passphrase or the file is wrong. */
    enum Failure { WRONG_PASSPHRASE, TAMPERED }

    /** Decryption failed; carries which way, never a secret. */
    static final class OpenFailure extends Exception {
        final Failure failure;

        OpenFailure(Failure failure, Throwable cause) {
            super(failure.name(), cause);
            this.failure = failure;
        }
    }

    private record DerivedKey(Argon2Cost cost, byte[] salt, byte[] key, byte[] check) {
        @Override
        public String toString() {
            return "DerivedKey[" + cost + ", key=***]";
        }
    }

    /** Sealed content: the header to write and the ciphertext. */
    record Sealed(EncryptionHeader header, byte[] ciphertext) {
    }

    PassphraseEncryption(char[] passphrase, Argon2Cost writeCost, SecureRandom random) {
        Objects.requireNonNull(passphrase, "passphrase");
        if (passphrase.length == 0) {
            throw new IllegalArgumentException("the passphrase is empty");
        }
        this.passphrase = passphrase.clone();
        this.writeCost = Objects.requireNonNull(writeCost, "writeCost");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Decrypts a file's ciphertext.
     *
     * @throws OpenFailure WRONG_PASSPHRASE when the key check differs, TAMPERED when it matches
     *     but the GCM tag does not (ciphertext or header edited or damaged)
     */
    byte[] open(EncryptionHeader header, byte[] ciphertext) throws OpenFailure {
        DerivedKey k = derive(header.cost(), header.salt());
        if (!MessageDigest.isEqual(k.check(), header.keyCheck())) {
            throw new OpenFailure(Failure.WRONG_PASSPHRASE, null);
        }
        synchronized (this) {
            if (writeKey == null && header.cost().equals(writeCost)) {
                writeKey = k; // keep the file's salt: the next write needs no derivation
            }
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(k.key(), "AES"), new GCMParameterSpec(TAG_BITS, header.nonce()));
            c.updateAAD(header.aad());
            return c.doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            throw new OpenFailure(Failure.TAMPERED, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }

    /** Encrypts with this instance's salt and a fresh nonce. */
    Sealed seal(byte[] plaintext) {
        DerivedKey k;
        synchronized (this) {
            if (writeKey == null) {
                byte[] salt = new byte[EncryptionHeader.SALT_BYTES];
                random.nextBytes(salt);
                writeKey = derive(writeCost, salt);
            }
            k = writeKey;
        }
        byte[] nonce = new byte[EncryptionHeader.NONCE_BYTES];
        random.nextBytes(nonce);
        EncryptionHeader header = new EncryptionHeader(k.cost(), k.salt(), nonce, k.check());
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(k.key(), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(header.aad());
            return new Sealed(header, c.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }

    /** Forgets the passphrase and every key. */
    synchronized void destroy() {
        destroyed = true;
        Arrays.fill(passphrase, '\0');
        for (DerivedKey k : cache.values()) {
            Arrays.fill(k.key(), (byte) 0);
            Arrays.fill(k.check(), (byte) 0);
        }
        cache.clear();
        writeKey = null;
    }

    private synchronized DerivedKey derive(Argon2Cost cost, byte[] salt) {
        if (destroyed) {
            throw new IllegalStateException("the credential store is closed");
        }
        String id = cost.memoryKiB() + "/" + cost.iterations() + "/" + cost.parallelism() + "/"
                + EncryptionHeader.b64(salt);
        DerivedKey k = cache.get(id);
        if (k != null) {
            return k;
        }
        derivations++;
        Argon2BytesGenerator gen = new Argon2BytesGenerator();
        gen.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKiB())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .build());
        byte[] out = new byte[KEY_BYTES + EncryptionHeader.CHECK_BYTES];
        gen.generateBytes(passphrase, out);
        k = new DerivedKey(cost, salt.clone(), Arrays.copyOf(out, KEY_BYTES),
                Arrays.copyOfRange(out, KEY_BYTES, out.length));
        Arrays.fill(out, (byte) 0);
        cache.put(id, k);
        if (cache.size() > CACHED_KEYS) {
            // Not wiped: a concurrent open() may still be using it; the collector takes it.
            Iterator<DerivedKey> eldest = cache.values().iterator();
            eldest.next();
            eldest.remove();
        }
        return k;
    }

    /** How many keys this instance derived (each costs an Argon2id run). */
    synchronized int derivations() {
        return derivations;
    }

    @Override
    public String toString() {
        return "PassphraseEncryption[" + writeCost + ", passphrase=***]";
    }
}
