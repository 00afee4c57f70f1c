package io.camrig.credentials;

/**
 * The cost of deriving the store's key from a passphrase with Argon2id (RFC 9106, version 0x13).
 * It is written in the file header, so a file is always read with the cost it was written with.
 *
 * <p>The constructor throws {@link IllegalArgumentException} when a value is out of range (a
 * header asking for more is refused rather than obeyed).
 *
 * @param memoryKiB memory per derivation, KiB; at least {@code 8 × parallelism}, at most
 *     {@value #MAX_MEMORY_KIB} (1 GiB)
 * @param iterations passes over the memory, 1 to {@value #MAX_ITERATIONS}
 * @param parallelism lanes, 1 to {@value #MAX_PARALLELISM}
 */
public record Argon2Cost(int memoryKiB, int iterations, int parallelism) {
    /** The most memory a file may ask for: 1 GiB. */
    public static final int MAX_MEMORY_KIB = 1 << 20;
    /** The most passes a file may ask for. */
    public static final int MAX_ITERATIONS = 64;
    /** The most lanes a file may ask for. */
    public static final int MAX_PARALLELISM = 64;

    /**
     * 64 MiB, 3 passes, 1 lane: RFC 9106's second recommended choice with one lane, since the
     * derivation runs once per store instance and salt, single-threaded (BouncyCastle is pure Java):
     * 1 to 3 s measured on a shared two-core machine.
     */
    public static final Argon2Cost DEFAULT = new Argon2Cost(64 * 1024, 3, 1);

    public Argon2Cost {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("Argon2 parallelism must be 1.." + MAX_PARALLELISM + ": " + parallelism);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("Argon2 iterations must be 1.." + MAX_ITERATIONS + ": " + iterations);
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("Argon2 memory must be " + 8 * parallelism + ".." + MAX_MEMORY_KIB
                    + " KiB: " + memoryKiB);
        }
    }
}
