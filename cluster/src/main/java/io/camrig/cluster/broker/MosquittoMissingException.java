package io.camrig.cluster.broker;

/**
 * Mosquitto's broker ({@code mosquitto}) or its password tool ({@code mosquitto_passwd}) was not
 * found on {@code PATH} nor in {@code /usr/sbin} / {@code /usr/bin}; on Debian and Ubuntu both come
 * with {@code apt-get install mosquitto}.
 */
public final class MosquittoMissingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param program the program that was looked for, e.g. {@code mosquitto} */
    public MosquittoMissingException(String program) {
        super(program + " not found on PATH, in /usr/sbin or /usr/bin: install Mosquitto (apt-get install mosquitto)");
    }
}
