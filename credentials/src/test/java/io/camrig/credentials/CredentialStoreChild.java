package io.camrig.credentials;

import io.camrig.engine.camera.ApCredentials;
import io.camrig.engine.credentials.CameraCredentials;
import io.camrig.engine.credentials.CohnCredentials;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The child JVM of {@link CredentialStoreCrashTest}: writes to a store and prints one line after
 * each committed write, so the parent knows what is durable without guessing at timing.
 *
 * <ul>
 *   <li>{@code loop <file> <passphrase|-> <payload chars>}: prints {@code ready}, then forever
 *       increments camera {@code COUNTER} (AP SSID = the count, COHN password and root CA carry
 *       the count too, so a half-written entry would show) and prints {@code committed <n> ok} (a line cut short by the kill lacks the
 *       {@code ok}).
 *   <li>{@code increment <file> <times>}: increments {@code SHARED} that many times, prints
 *       {@code done}.
 * </ul>
 */
public final class CredentialStoreChild {
    private CredentialStoreChild() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        Path file = Path.of(args[1]);
        FileCredentialStoreOptions options = FileCredentialStoreOptions.DEFAULT
                .withArgon2Cost(CredentialFixtures.CHEAP).withWarnings(System.err::println);
        switch (args[0]) {
            case "loop" -> {
                FileCredentialStore store = "-".equals(args[2]) ? FileCredentialStore.at(file, options)
                        : FileCredentialStore.atWithPassphrase(file, args[2].toCharArray(), options);
                String filler = "A".repeat(Integer.parseInt(args[3]));
                out.println("ready");
                out.flush();
                while (true) {
                    CameraCredentials c = store.update("COUNTER", e -> withPayload(increment(e), filler));
                    out.println("committed " + count(Optional.of(c)) + " ok");
                    out.flush();
                }
            }
            case "increment" -> {
                FileCredentialStore store = FileCredentialStore.at(file, options);
                int times = Integer.parseInt(args[2]);
                for (int i = 0; i < times; i++) {
                    store.update("SHARED", CredentialStoreChild::increment);
                }
                out.println("done");
                out.flush();
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /** The entry with its count (kept in the AP SSID) one higher. */
    static CameraCredentials increment(CameraCredentials c) {
        long n = count(Optional.of(c)) + 1;
        return c.withAp(new ApCredentials(Long.toString(n), "pw-" + n), Instant.EPOCH.plusSeconds(n));
    }

    /** The count of an entry; 0 when there is none. */
    static long count(Optional<CameraCredentials> c) {
        return c.flatMap(CameraCredentials::ap).map(ap -> Long.parseLong(ap.ssid())).orElse(0L);
    }

    /** The COHN part, carrying the count at both ends of a large root CA text. */
    static CameraCredentials withPayload(CameraCredentials c, String filler) {
        long n = count(Optional.of(c));
        return c.withCohn(new CohnCredentials("gopro", "cohn-" + n, "10.0.0.1", "net",
                "n=" + n + "\n" + filler + "\nn=" + n + "\n"), c.updated());
    }
}
