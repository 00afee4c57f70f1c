package io.camrig.credentials;

import static io.camrig.credentials.CredentialFixtures.AP_PASSWORD;
import static io.camrig.credentials.CredentialFixtures.COHN_PASSWORD;
import static io.camrig.credentials.CredentialFixtures.PASSPHRASE;
import static io.camrig.credentials.CredentialFixtures.SECRETS;
import static io.camrig.credentials.CredentialFixtures.T0;
import static io.camrig.credentials.CredentialFixtures.ap;
import static io.camrig.credentials.CredentialFixtures.cohn;
import static io.camrig.credentials.CredentialFixtures.options;
import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.engine.credentials.CameraCredentials;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entries with known passwords go through every failure the store has; no exception (message,
 * toString, causes, stack trace), warning or toString contains a password or the passphrase.
 */
class CredentialSecretLeakTest {
    @TempDir
    Path dir;

    private final List<String> warnings = CredentialFixtures.newWarnings();
    private final List<Throwable> thrown = new ArrayList<>();
    private final List<String> rendered = new ArrayList<>();

    private Path file() {
        return dir.resolve("camrig/credentials.json");
    }

    private FileCredentialStore plain() {
        return FileCredentialStore.at(file(), options(warnings));
    }

    private FileCredentialStore encrypted(String passphrase) {
        return FileCredentialStore.atWithPassphrase(file(), passphrase.toCharArray(), options(warnings));
    }

    @Test
    void noSecretInAnyMessageWarningOrToString() throws Exception {
        // Plain file with secrets, then damaged in ways that put a secret at the parser's position.
        plain().update("C1", c -> c.withAp(ap(), T0).withCohn(cohn(), T0));
        String good = Files.readString(file());
        rendered.add(plain().toString());
        rendered.add(plain().get("C1").orElseThrow().toString());
        rendered.add(plain().list().toString());
        rendered.add(options(warnings).toString());

        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-rw-rw-"));
        plain().list();

        for (String damaged : List.of(
                good.substring(0, good.indexOf(AP_PASSWORD) + 5),                       // cut inside a password
                good.replace("\"" + AP_PASSWORD + "\"", AP_PASSWORD),                   // unquoted token
                good.replace("\"" + COHN_PASSWORD + "\"", COHN_PASSWORD + "\""),        // half-quoted
                good.replace("\"" + COHN_PASSWORD + "\"", "{\"" + COHN_PASSWORD + "\": 1}"), // object, not text
                good.replace("\"password\"", "\"" + AP_PASSWORD + "\""),                // a secret as a key
                good.replace("\"updated\" : \"2025-01-31T12:00:00Z\"", "\"updated\" : \"" + AP_PASSWORD + "\""),
                good.replace("\"version\" : 1", "\"version\" : 7"),
                good + AP_PASSWORD)) {
            Files.writeString(file(), damaged);
            capture(() -> plain().list());
            capture(() -> plain().update("C2", c -> c.withAp(ap(), T0)));
            capture(() -> encrypted(PASSPHRASE).list());
        }
        Files.writeString(file(), good);

        // Encrypted file: needs a passphrase, wrong passphrase, tampered ciphertext, bad header.
        plain().setAside();
        encrypted(PASSPHRASE).update("C1", c -> c.withAp(ap(), T0).withCohn(cohn(), T0));
        rendered.add(encrypted(PASSPHRASE).toString());
        String sealed = Files.readString(file());
        capture(() -> plain().list());
        capture(() -> encrypted(PASSPHRASE + "x").list());
        capture(() -> encrypted(PASSPHRASE.substring(1)).update("C1", c -> c));
        int at = sealed.indexOf("\"ciphertext\"") + 20;
        Files.writeString(file(), sealed.substring(0, at) + (sealed.charAt(at) == 'A' ? 'B' : 'A') + sealed.substring(at + 1));
        capture(() -> encrypted(PASSPHRASE).list());
        Files.writeString(file(), sealed.replace("\"iterations\" : 1", "\"iterations\" : 99"));
        capture(() -> encrypted(PASSPHRASE).list());
        Files.writeString(file(), sealed.substring(0, sealed.length() / 2));
        capture(() -> encrypted(PASSPHRASE).list());

        // Programming errors and I/O errors around entries with secrets.
        Files.writeString(file(), good);
        capture(() -> plain().update("C1", c -> new CameraCredentials("C9", c.ap(), c.cohn(), T0)));
        FileCredentialStore store = plain();
        capture(() -> store.update("C1", c -> {
            store.update("C1", d -> d);
            return c;
        }));
        Files.delete(file());
        Files.createDirectories(file());
        capture(() -> plain().list());
        capture(() -> plain().update("C1", c -> c.withAp(ap(), T0)));

        assertThat(thrown).hasSizeGreaterThanOrEqualTo(30);
        assertThat(warnings).isNotEmpty();
        for (Throwable t : thrown) {
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            rendered.add(trace.toString());
            for (Throwable c = t; c != null; c = c.getCause()) {
                rendered.add(String.valueOf(c.getMessage()));
                rendered.add(String.valueOf(c.getLocalizedMessage()));
                rendered.add(c.toString());
            }
        }
        rendered.addAll(warnings);
        for (String text : rendered) {
            for (String secret : SECRETS) {
                assertThat(text).doesNotContain(secret);
            }
        }
    }

    private void capture(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            thrown.add(e);
            return;
        }
        throw new AssertionError("expected a failure");
    }
}
