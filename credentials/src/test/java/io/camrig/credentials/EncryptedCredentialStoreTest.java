package io.camrig.credentials;

import static io.camrig.credentials.CredentialFixtures.AP_PASSWORD;
import static io.camrig.credentials.CredentialFixtures.CHEAP;
import static io.camrig.credentials.CredentialFixtures.COHN_PASSWORD;
import static io.camrig.credentials.CredentialFixtures.PASSPHRASE;
import static io.camrig.credentials.CredentialFixtures.T0;
import static io.camrig.credentials.CredentialFixtures.ap;
import static io.camrig.credentials.CredentialFixtures.cohn;
import static io.camrig.credentials.CredentialFixtures.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camrig.engine.credentials.CameraCredentials;
import io.camrig.engine.credentials.CredentialStoreException.Reason;
import io.camrig.engine.credentials.CredentialStoreException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedCredentialStoreTest {
    @TempDir
    Path dir;

    private final List<String> warnings = CredentialFixtures.newWarnings();

    private Path file() {
        return dir.resolve("camrig/credentials.json");
    }

    private FileCredentialStore store(String passphrase) {
        return FileCredentialStore.atWithPassphrase(file(), passphrase.toCharArray(), options(warnings));
    }

    private FileCredentialStore plainStore() {
        return FileCredentialStore.at(file(), options(warnings));
    }

    @Test
    void roundTripsAndKeepsEverythingButTheHeaderSecret() throws Exception {
        store(PASSPHRASE).update("C3501324500711", c -> c.withAp(ap(), T0).withCohn(cohn(), T0));

        FileCredentialStore fresh = store(PASSPHRASE);
        CameraCredentials got = fresh.get("C3501324500711").orElseThrow();
        assertThat(got.ap()).contains(ap());
        assertThat(got.cohn()).contains(cohn());
        assertThat(fresh.encrypted()).isTrue();

        String text = Files.readString(file());
        assertThat(text).doesNotContain(AP_PASSWORD, COHN_PASSWORD, PASSPHRASE, "C3501324500711", "GP24500711",
                "192.168.1.20", "BEGIN CERTIFICATE");
        JsonNode root = CredentialJson.MAPPER.readTree(text);
        assertThat(root.get("format").asText()).isEqualTo("camrig-credentials");
        assertThat(root.get("version").asInt()).isEqualTo(1);
        assertThat(root.has("cameras")).isFalse();
        JsonNode enc = root.get("encryption");
        assertThat(enc.get("cipher").asText()).isEqualTo("AES-256-GCM");
        assertThat(enc.get("kdf").asText()).isEqualTo("Argon2id");
        assertThat(enc.get("kdfVersion").asInt()).isEqualTo(0x13);
        assertThat(enc.get("memoryKiB").asInt()).isEqualTo(CHEAP.memoryKiB());
        assertThat(enc.get("iterations").asInt()).isEqualTo(CHEAP.iterations());
        assertThat(enc.get("parallelism").asInt()).isEqualTo(CHEAP.parallelism());
        assertThat(Base64.getDecoder().decode(enc.get("salt").asText())).hasSize(16);
        assertThat(Base64.getDecoder().decode(enc.get("nonce").asText())).hasSize(12);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
    }

    @Test
    void everyWriteHasAFreshNonceAndOneInstanceDerivesOnce() throws Exception {
        FileCredentialStore store = store(PASSPHRASE);
        store.update("C1", c -> c.withAp(ap(), T0));
        JsonNode first = header();
        store.update("C2", c -> c.withAp(ap(), T0));
        JsonNode second = header();
        store.update("C3", c -> c.withAp(ap(), T0));
        JsonNode third = header();
        assertThat(List.of(first.get("nonce"), second.get("nonce"), third.get("nonce"))).doesNotHaveDuplicates();
        assertThat(second.get("salt")).isEqualTo(first.get("salt"));
        assertThat(third.get("salt")).isEqualTo(first.get("salt"));
    }

    @Test
    void keyIsDerivedOncePerSaltAndReusedAcrossReadsAndWrites() {
        PassphraseEncryption writer = new PassphraseEncryption(PASSPHRASE.toCharArray(), CHEAP, new SecureRandom());
        PassphraseEncryption.Sealed a = writer.seal("{}".getBytes(StandardCharsets.UTF_8));
        PassphraseEncryption.Sealed b = writer.seal("{}".getBytes(StandardCharsets.UTF_8));
        assertThat(writer.derivations()).isEqualTo(1);
        assertThat(a.header().nonce()).isNotEqualTo(b.header().nonce());

        PassphraseEncryption reader = new PassphraseEncryption(PASSPHRASE.toCharArray(), CHEAP, new SecureRandom());
        for (PassphraseEncryption.Sealed s : List.of(a, b)) {
            try {
                assertThat(new String(reader.open(s.header(), s.ciphertext()), StandardCharsets.UTF_8)).isEqualTo("{}");
            } catch (PassphraseEncryption.OpenFailure e) {
                throw new AssertionError(e.failure);
            }
        }
        reader.seal(new byte[0]);
        assertThat(reader.derivations()).as("the file's salt is adopted for writing").isEqualTo(1);
    }

    @Test
    void wrongPassphraseIsToldApartAndNothingIsWritten() throws Exception {
        store(PASSPHRASE).update("C1", c -> c.withAp(ap(), T0));
        byte[] before = Files.readAllBytes(file());
        FileCredentialStore wrong = store("not-the-passphrase");
        assertReason(wrong::list, Reason.WRONG_PASSPHRASE);
        assertReason(() -> wrong.update("C2", c -> c.withAp(ap(), T0)), Reason.WRONG_PASSPHRASE);
        assertThat(Files.readAllBytes(file())).isEqualTo(before);
    }

    @Test
    void encryptedFileWithoutPassphraseNeedsOneAndIsNotReplaced() throws Exception {
        store(PASSPHRASE).update("C1", c -> c.withAp(ap(), T0));
        byte[] before = Files.readAllBytes(file());
        assertReason(plainStore()::list, Reason.PASSPHRASE_REQUIRED);
        assertReason(() -> plainStore().update("C2", c -> c.withAp(ap(), T0)), Reason.PASSPHRASE_REQUIRED);
        assertReason(() -> plainStore().forget("C1"), Reason.PASSPHRASE_REQUIRED);
        assertThat(Files.readAllBytes(file())).isEqualTo(before);
    }

    @Test
    void tamperedCiphertextFailsTheGcmTag() throws Exception {
        store(PASSPHRASE).update("C1", c -> c.withAp(ap(), T0));
        edit(root -> {
            byte[] ct = Base64.getDecoder().decode(root.get("ciphertext").asText());
            ct[ct.length / 2] ^= 0x01;
            root.put("ciphertext", Base64.getEncoder().encodeToString(ct));
        });
        assertReason(store(PASSPHRASE)::list, Reason.CORRUPT);
    }

    @Test
    void tamperedHeaderFailsTheGcmTag() throws Exception {
        store(PASSPHRASE).update("C1", c -> c.withAp(ap(), T0));
        edit(root -> {
            byte[] nonce = new byte[12];
            ((ObjectNode) root.get("encryption")).put("nonce", Base64.getEncoder().encodeToString(nonce));
        });
        assertReason(store(PASSPHRASE)::list, Reason.CORRUPT);
    }

    @Test
    void truncatedCiphertextIsCorrupt() throws Exception {
        store(PASSPHRASE).update("C1", c -> c.withAp(ap(), T0));
        edit(root -> {
            byte[] ct = Base64.getDecoder().decode(root.get("ciphertext").asText());
            root.put("ciphertext", Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(ct, ct.length - 5)));
        });
        assertReason(store(PASSPHRASE)::list, Reason.CORRUPT);
    }

    @Test
    void headerAskingForAnAbsurdCostIsCorruptNotObeyed() throws Exception {
        store(PASSPHRASE).update("C1", c -> c.withAp(ap(), T0));
        edit(root -> ((ObjectNode) root.get("encryption")).put("memoryKiB", 1 << 30));
        assertReason(store(PASSPHRASE)::list, Reason.CORRUPT);
        edit(root -> ((ObjectNode) root.get("encryption")).put("cipher", "ROT13"));
        assertReason(store(PASSPHRASE)::list, Reason.CORRUPT);
    }

    @Test
    void plainFileOpenedWithPassphraseIsReadAndEncryptedByTheNextWrite() throws Exception {
        plainStore().update("C1", c -> c.withAp(ap(), T0));
        FileCredentialStore store = store(PASSPHRASE);
        assertThat(store.get("C1").orElseThrow().ap()).contains(ap());
        assertThat(Files.readString(file())).contains(AP_PASSWORD);
        assertThat(warnings).singleElement().asString().contains("not encrypted");

        store.update("C2", c -> c.withCohn(cohn(), T0));
        assertThat(Files.readString(file())).doesNotContain(AP_PASSWORD, COHN_PASSWORD);
        assertThat(header()).isNotNull();
        assertThat(store(PASSPHRASE).list()).extracting(CameraCredentials::serial).containsExactly("C1", "C2");
    }

    @Test
    void aClosedStoreForgetsItsPassphrase() {
        FileCredentialStore store = store(PASSPHRASE);
        store.update("C1", c -> c.withAp(ap(), T0));
        store.close();
        assertThatThrownBy(store::list).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void emptyPassphraseAndBadCostsAreRefused() {
        assertThatThrownBy(() -> store("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2Cost(7, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2Cost(64, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2Cost(64, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Argon2Cost.DEFAULT).isEqualTo(new Argon2Cost(65536, 3, 1));
    }

    private JsonNode header() throws Exception {
        return CredentialJson.MAPPER.readTree(file().toFile()).get("encryption");
    }

    private void edit(Consumer<ObjectNode> change) throws Exception {
        ObjectNode root = (ObjectNode) CredentialJson.MAPPER.readTree(file().toFile());
        change.accept(root);
        Files.write(file(), CredentialJson.MAPPER.writeValueAsBytes(root));
    }

    private static void assertReason(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CredentialStoreException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
