package io.camrig.credentials;

import io.camrig.engine.camera.ApCredentials;
import io.camrig.engine.credentials.CohnCredentials;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Known secrets and cheap options shared by the credential store tests. */
final class CredentialFixtures {
    static final String AP_PASSWORD = "ap-secret-Xyzzy1";
    static final String COHN_PASSWORD = "cohn-secret-Plugh2";
    static final String PASSPHRASE = "passphrase-Quux3";
    static final List<String> SECRETS = List.of(AP_PASSWORD, COHN_PASSWORD, PASSPHRASE);

    static final Instant T0 = Instant.parse("2025-01-31T12:00:00Z");
    static final String PEM = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUfake\n-----END CERTIFICATE-----\n";

    /** Argon2id at 256 KiB, one pass: the same code path, milliseconds instead of a second. */
    static final Argon2Cost CHEAP = new Argon2Cost(256, 1, 1);

    private CredentialFixtures() {
    }

    static ApCredentials ap() {
        return new ApCredentials("GP24500711", AP_PASSWORD);
    }

    static CohnCredentials cohn() {
        return new CohnCredentials("gopro", COHN_PASSWORD, "192.168.1.20", "home-net", PEM);
    }

    /** Cheap key derivation, a fixed clock, warnings collected into {@code warnings}. */
    static FileCredentialStoreOptions options(List<String> warnings) {
        return FileCredentialStoreOptions.DEFAULT
                .withArgon2Cost(CHEAP)
                .withClock(Clock.fixed(T0, ZoneOffset.UTC))
                .withWarnings(warnings::add);
    }

    static List<String> newWarnings() {
        return new CopyOnWriteArrayList<>();
    }
}
