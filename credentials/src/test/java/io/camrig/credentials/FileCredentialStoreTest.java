package io.camrig.credentials;

import static io.camrig.credentials.CredentialFixtures.T0;
import static io.camrig.credentials.CredentialFixtures.ap;
import static io.camrig.credentials.CredentialFixtures.cohn;
import static io.camrig.credentials.CredentialFixtures.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.camrig.engine.camera.ApCredentials;
import io.camrig.engine.credentials.CameraCredentials;
import io.camrig.engine.credentials.CredentialStoreException.Reason;
import io.camrig.engine.credentials.CredentialStoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCredentialStoreTest {
    @TempDir
    Path dir;

    private final List<String> warnings = CredentialFixtures.newWarnings();

    private Path file() {
        return dir.resolve("cfg/camrig/credentials.json");
    }

    private FileCredentialStore store() {
        return FileCredentialStore.at(file(), options(warnings));
    }

    @Test
    void roundTripsApAndCohnEntriesThroughTheFile() {
        Instant later = T0.plusSeconds(60);
        store().update("C3501324500711", c -> c.withAp(ap(), T0).withCohn(cohn(), later));
        store().update("C3501324500712", c -> c.withAp(new ApCredentials("GP2", "other-pass"), T0));

        FileCredentialStore fresh = store();
        CameraCredentials one = fresh.get("C3501324500711").orElseThrow();
        assertThat(one.ap()).contains(ap());
        assertThat(one.cohn()).contains(cohn());
        assertThat(one.updated()).isEqualTo(later);
        CameraCredentials two = fresh.get("C3501324500712").orElseThrow();
        assertThat(two.ap()).contains(new ApCredentials("GP2", "other-pass"));
        assertThat(two.cohn()).isEmpty();
        assertThat(fresh.list()).extracting(CameraCredentials::serial)
                .containsExactly("C3501324500711", "C3501324500712");
    }

    @Test
    void writesTheVersionedFormat() throws Exception {
        store().update("C1", c -> c.withCohn(cohn(), T0));
        JsonNode root = CredentialJson.MAPPER.readTree(file().toFile());
        assertThat(root.get("format").asText()).isEqualTo("camrig-credentials");
        assertThat(root.get("version").asInt()).isEqualTo(1);
        assertThat(root.at("/cameras/C1/cohn/ipAddress").asText()).isEqualTo("192.168.1.20");
        assertThat(root.at("/cameras/C1/updated").asText()).isEqualTo("2025-01-31T12:00:00Z");
        assertThat(root.at("/cameras/C1").has("ap")).isFalse();
    }

    @Test
    void missingFileIsAnEmptyStoreAndReadingCreatesNothing() {
        FileCredentialStore store = store();
        assertThat(store.list()).isEmpty();
        assertThat(store.get("C1")).isEmpty();
        assertThat(store.forget("C1")).isFalse();
        assertThat(dir.resolve("cfg")).doesNotExist();
    }

    @Test
    void updateStartsFromAnEmptyEntryAndReturnsWhatItStored() {
        CameraCredentials stored = store().update("C1", c -> {
            assertThat(c).isEqualTo(CameraCredentials.empty("C1", T0));
            return c.withAp(ap(), T0);
        });
        assertThat(stored.ap()).contains(ap());
        CameraCredentials cleared = store().update("C1", c -> c.withCohn(cohn(), T0).withoutCohn(T0));
        assertThat(cleared.cohn()).isEmpty();
        assertThat(store().get("C1")).contains(cleared);
    }

    @Test
    void forgetRemovesOnlyThatCamera() {
        store().update("C1", c -> c.withAp(ap(), T0));
        store().update("C2", c -> c.withAp(ap(), T0));
        assertThat(store().forget("C1")).isTrue();
        assertThat(store().forget("C1")).isFalse();
        assertThat(store().list()).extracting(CameraCredentials::serial).containsExactly("C2");
    }

    @Test
    void updateRefusesAnEntryOfAnotherSerial() {
        assertThatThrownBy(() -> store().update("C1", c -> CameraCredentials.empty("C2", T0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(file()).doesNotExist();
    }

    @Test
    void updateFromInsideAnUpdateIsRefusedNotLost() {
        FileCredentialStore store = store();
        assertThatThrownBy(() -> store.update("C1", c -> {
            store.update("C2", d -> d.withAp(ap(), T0));
            return c;
        })).isInstanceOf(IllegalStateException.class);
        assertThat(store.list()).isEmpty();
    }

    @Test
    void fileIsOwnerOnlyAndDirectoriesAre0700() throws Exception {
        store().update("C1", c -> c.withAp(ap(), T0));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file().getParent())))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("cfg"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                file().resolveSibling("credentials.json.lock")))).isEqualTo("rw-------");
    }

    @Test
    void loosePermissionsAreReportedOnceAndTightenedByTheNextWrite() throws Exception {
        store().update("C1", c -> c.withAp(ap(), T0));
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-r--r--"));
        FileCredentialStore store = store();

        store.list();
        store.get("C1");
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains(file().toString(), "rw-r--r--");

        store.update("C2", c -> c.withAp(ap(), T0));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
    }

    @Test
    void updatesFromManyThreadsAndTwoInstancesAreNeverLost() throws Exception {
        int threads = 8;
        int perThread = 25;
        FileCredentialStore a = store();
        FileCredentialStore b = store();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            FileCredentialStore s = t % 2 == 0 ? a : b;
            String own = "T" + t;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    s.update("COUNTER", CredentialStoreChild::increment);
                    s.update(own, CredentialStoreChild::increment);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(CredentialStoreChild.count(store().get("COUNTER"))).isEqualTo(threads * perThread);
        for (int t = 0; t < threads; t++) {
            assertThat(CredentialStoreChild.count(store().get("T" + t))).isEqualTo(perThread);
        }
    }

    @Test
    void truncatedFileIsCorruptNamesTheFileAndIsNeverOverwritten() throws Exception {
        store().update("C1", c -> c.withAp(ap(), T0).withCohn(cohn(), T0));
        byte[] whole = Files.readAllBytes(file());
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length / 2);
        Files.write(file(), truncated);

        FileCredentialStore store = store();
        assertCorrupt(store::list);
        assertCorrupt(() -> store.get("C1"));
        assertCorrupt(() -> store.update("C2", c -> c.withAp(ap(), T0)));
        assertCorrupt(() -> store.forget("C1"));
        assertThat(Files.readAllBytes(file())).isEqualTo(truncated);
    }

    @Test
    void emptyNotJsonNotCamrigAndUnknownVersionAreCorrupt() throws Exception {
        for (String content : List.of("", "not json at all", "[1,2]", "{\"cameras\":{}}",
                "{\"format\":\"something-else\",\"version\":1,\"cameras\":{}}",
                "{\"format\":\"camrig-credentials\",\"version\":2,\"cameras\":{}}",
                "{\"format\":\"camrig-credentials\",\"version\":\"1\",\"cameras\":{}}",
                "{\"format\":\"camrig-credentials\",\"version\":1}",
                "{\"format\":\"camrig-credentials\",\"version\":1,\"cameras\":{\"C1\":{\"updated\":\"yesterday\"}}}",
                "{\"format\":\"camrig-credentials\",\"version\":1,\"cameras\":{\"C1\":"
                        + "{\"updated\":\"2025-01-31T12:00:00Z\",\"ap\":{\"ssid\":\"x\"}}}}",
                "{\"format\":\"camrig-credentials\",\"version\":1,\"cameras\":{}} trailing",
                "{\"format\":\"camrig-credentials\",\"format\":\"camrig-credentials\",\"version\":1,\"cameras\":{}}")) {
            Files.createDirectories(file().getParent());
            Files.writeString(file(), content);
            assertCorrupt(store()::list);
            assertCorrupt(() -> store().update("C9", c -> c.withAp(ap(), T0)));
            assertThat(Files.readString(file())).as(content).isEqualTo(content);
        }
        Files.writeString(file(), "{\"format\":\"camrig-credentials\",\"version\":2,\"cameras\":{}}");
        assertThatThrownBy(store()::list).hasMessageContaining("format version 2");
    }

    @Test
    void setAsideStartsOverAndKeepsTheOldFile() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{\"format\":\"camrig-cred");
        FileCredentialStore store = store();
        assertCorrupt(store::list);

        Optional<Path> aside = store.setAside();
        assertThat(aside).isPresent();
        assertThat(aside.get().getFileName().toString()).startsWith("credentials.json.set-aside-20250131T120000");
        assertThat(Files.readString(aside.get())).isEqualTo("{\"format\":\"camrig-cred");
        assertThat(store.list()).isEmpty();
        store.update("C1", c -> c.withAp(ap(), T0));
        assertThat(store.get("C1")).isPresent();
        assertThat(store().setAside()).isPresent();
        assertThat(store().setAside()).isEmpty();
    }

    @Test
    void strayTemporaryFilesAreIgnoredByReadsAndRemovedByTheNextWrite() throws Exception {
        store().update("C1", c -> c.withAp(ap(), T0));
        Path stray = file().resolveSibling("credentials.json.123456.tmp");
        Files.writeString(stray, "{\"format\":\"camrig-credentials\",\"vers");
        Path unrelated = file().resolveSibling("notes.tmp");
        Files.writeString(unrelated, "mine");

        assertThat(store().list()).hasSize(1);
        assertThat(stray).exists();
        store().update("C2", c -> c.withAp(ap(), T0));
        assertThat(stray).doesNotExist();
        assertThat(unrelated).exists();
        try (Stream<Path> files = Files.list(file().getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("credentials.json", "credentials.json.lock", "notes.tmp");
        }
    }

    @Test
    void unreadableFileIsAnIoError() throws Exception {
        Files.createDirectories(file());
        assertThatThrownBy(store()::list).isInstanceOfSatisfying(CredentialStoreException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.IO)).hasMessageContaining(file().toString());
    }

    @Test
    void toStringNamesTheFileAndMode() {
        assertThat(store().toString()).contains(file().toString(), "plain");
    }

    private void assertCorrupt(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CredentialStoreException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.CORRUPT);
            assertThat(e.isTransient()).isFalse();
        }).hasMessageContaining(file().toString()).hasMessageContaining("move it away");
    }
}
