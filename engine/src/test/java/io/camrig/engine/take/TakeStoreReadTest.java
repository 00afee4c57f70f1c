package io.camrig.engine.take;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camrig.http.Sha256;
import io.camrig.http.model.MediaFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A take store read the way a user points at it (a media directory given as {@code ../media} or
 * {@code .}) and manifests that were damaged or forged: each gets a typed error that says which
 * take, which file and why, and one bad manifest never hides the other takes.
 */
class TakeStoreReadTest {
    private static final String SERIAL = "C3501460050001";

    @TempDir
    Path root;

    /** A take with one verified file of {@code bytes}, in {@code store}. */
    private TakeManifest takeWithOneFile(TakeStore store, byte[] bytes) throws Exception {
        OffloadQueue queue = new OffloadQueue(store, store.create("test"));
        queue.ensureCamera(TakeCamera.of(SERIAL, "GoPro 0001", "HERO12 Black", "H23.01.02.32.00"));
        MediaFile media = new MediaFile("100GOPRO", "GX010001.MP4", bytes.length, Instant.ofEpochSecond(1_700_000_000),
                Instant.ofEpochSecond(1_700_000_000));
        queue.enqueue(SERIAL, List.of(media));
        TakeFile file = queue.pending(SERIAL).get(0);
        Path target = store.target(queue.manifest().takeId(), SERIAL, file);
        Files.createDirectories(target.getParent());
        Files.write(target, bytes);
        String relative = store.takeDir(queue.manifest().takeId()).relativize(target).toString();
        return queue.verified(SERIAL, file, relative, Sha256.of(target));
    }

    private Path manifestOf(TakeStore store, TakeManifest m) {
        return store.takeDir(m.takeId()).resolve(TakeStore.MANIFEST);
    }

    @Test
    void aMediaDirectoryGivenThroughDotDotStillFindsAndVerifiesItsFiles() throws Exception {
        Path media = root.resolve("media");
        TakeManifest m = takeWithOneFile(new TakeStore(media), new byte[] {1, 2, 3, 4});

        // What `camrig takes verify --media-dir ../media` hands the store: a path that is not normalized.
        for (Path given : List.of(root.resolve("elsewhere").resolve("..").resolve("media"),
                media.resolve(".").resolve(m.takeId()).resolve(".."))) {
            TakeStore store = new TakeStore(given);
            assertThat(store.verify(store.read(m.takeId()).orElseThrow()))
                    .as("verify through %s", given)
                    .singleElement().extracting(TakeStore.FileCheck::result).isEqualTo(TakeStore.FileCheck.Result.OK);
        }
    }

    @Test
    void aManifestCutShortSaysWhereItsJsonEnds() throws Exception {
        TakeStore store = new TakeStore(root);
        TakeManifest m = takeWithOneFile(store, new byte[] {1});
        Path file = manifestOf(store, m);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));

        assertThatThrownBy(() -> store.read(m.takeId())).isInstanceOf(TakeManifestException.class)
                .hasMessageStartingWith("take " + m.takeId() + ": " + file + " cannot be read as a take manifest: ")
                .hasMessageContaining("truncated: the JSON ends at line")
                .satisfies(e -> assertThat(((TakeManifestException) e).takeId()).isEqualTo(m.takeId()))
                .hasMessageNotContaining("io.camrig").hasMessageNotContaining("REDACTED");
    }

    @Test
    void anEmptyNonJsonOrWrongShapeManifestIsATypedOneLineError() throws Exception {
        TakeStore store = new TakeStore(root);
        TakeManifest m = takeWithOneFile(store, new byte[] {1});
        Path file = manifestOf(store, m);
        String[][] cases = {
            {"", "it is empty"},
            {"{\"schema\": 1, \"rigId\": ", "truncated: the JSON ends at line 1"},
            {"not json at all", "not JSON at line 1"},
            {"[]", "the document: not the type a take manifest has there (an object expected)"},
            {"{}", "the document: rigId is missing"},
            {"{\"schema\":1,\"rigId\":\"r\",\"takeId\":\"" + m.takeId() + "\",\"createdAt\":\"x\",\"cameras\":{}}",
                "cameras: not the type a take manifest has there (an array expected)"},
        };
        for (String[] c : cases) {
            Files.writeString(file, c[0], StandardCharsets.UTF_8);
            assertThatThrownBy(() -> store.read(m.takeId())).as("manifest %s", c[0])
                    .isInstanceOf(TakeManifestException.class)
                    .hasMessageContaining("cannot be read as a take manifest: " + c[1])
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }

    @Test
    void aManifestWhoseNamesArePathsIsRefusedNamingTheField() throws Exception {
        TakeStore store = new TakeStore(root);
        TakeManifest m = takeWithOneFile(store, new byte[] {1});
        Path file = manifestOf(store, m);
        String json = Files.readString(file);

        Files.writeString(file, json.replace("\"serial\" : \"" + SERIAL + "\"", "\"serial\" : \"../../x\""));
        assertThatThrownBy(() -> store.read(m.takeId())).isInstanceOf(TakeManifestException.class)
                .hasMessageEndingWith("cameras[0]: serial '../../x' starts with '.'");

        Files.writeString(file, json.replace("\"name\" : \"GX010001.MP4\"", "\"name\" : \"a/b\""));
        assertThatThrownBy(() -> store.read(m.takeId())).isInstanceOf(TakeManifestException.class)
                .hasMessageContaining("cameras[0].files[0]: file name 'a/b'");
    }

    @Test
    void aManifestNamingAnotherTakeIsRefusedInsteadOfReportingEveryFileMissing() throws Exception {
        TakeStore store = new TakeStore(root);
        TakeManifest m = takeWithOneFile(store, new byte[] {1});
        Path file = manifestOf(store, m);
        Files.writeString(file, Files.readString(file).replace("\"takeId\" : \"" + m.takeId() + "\"",
                "\"takeId\" : \"20200101-000000\""));

        assertThatThrownBy(() -> store.read(m.takeId())).isInstanceOf(TakeManifestException.class)
                .hasMessageEndingWith("it names take '20200101-000000', not its directory's '" + m.takeId() + "'");
    }

    @Test
    void oneUnreadableManifestIsListedWithItsReasonAndHidesNoOtherTake() throws Exception {
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong(1_700_000_000);
        java.time.Clock clock = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochSecond(now.getAndAdd(60));
            }
        };
        TakeStore store = new TakeStore(root, clock);
        TakeManifest first = takeWithOneFile(store, new byte[] {1});
        TakeManifest second = takeWithOneFile(store, new byte[] {2});
        Files.writeString(manifestOf(store, second), "{\"schema\": 1,");

        assertThat(store.list()).extracting(TakeManifest::takeId).containsExactly(first.takeId());
        assertThat(store.scan()).extracting(TakeListing::takeId).containsExactly(first.takeId(), second.takeId());
        assertThat(store.scan().get(1).error()).get().extracting(TakeManifestException::reason).asString()
                .startsWith("truncated");
        // "latest" never answers an older take in place of the newest one it cannot read.
        assertThatThrownBy(store::latest).isInstanceOf(TakeManifestException.class)
                .satisfies(e -> assertThat(((TakeManifestException) e).takeId()).isEqualTo(second.takeId()));
    }
}
