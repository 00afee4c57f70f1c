package io.camrig.credentials;

import static io.camrig.credentials.CredentialFixtures.T0;
import static io.camrig.credentials.CredentialFixtures.ap;
import static io.camrig.credentials.CredentialFixtures.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.camrig.engine.credentials.CredentialStoreException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store among hostile files: links where it creates files, an open directory, a device as file. */
class StoreSurroundingsTest {
    @TempDir
    Path dir;

    private final List<String> warnings = CredentialFixtures.newWarnings();

    private boolean posix() {
        return AtomicFileWriter.isPosix(dir);
    }

    @Test
    void aDanglingSymlinkAtTheLockFileIsRefusedAndItsTargetNeverCreated() throws Exception {
        assumeTrue(posix());
        Path file = dir.resolve("store/credentials.json");
        Files.createDirectories(file.getParent(), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Path victim = dir.resolve("victim-created-by-camrig");
        Files.createSymbolicLink(file.resolveSibling("credentials.json.lock"), victim);

        FileCredentialStore store = FileCredentialStore.at(file, options(warnings));
        assertThatThrownBy(() -> store.update("C1", c -> c.withAp(ap(), T0)))
                .isInstanceOf(CredentialStoreException.class)
                .hasMessageContaining("symbolic link")
                .hasMessageContaining("credentials.json.lock");
        assertThat(Files.exists(victim, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(file).doesNotExist();
    }

    @Test
    void aStoreDirectoryEveryUserMayWriteToIsRefused() throws Exception {
        assumeTrue(posix());
        Path open = Files.createDirectory(dir.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        FileCredentialStore store = FileCredentialStore.at(open.resolve("credentials.json"), options(warnings));

        assertThatThrownBy(() -> store.update("C1", c -> c.withAp(ap(), T0)))
                .isInstanceOf(CredentialStoreException.class)
                .hasMessageContaining("every user may write to that directory");
        assertThatThrownBy(store::list)
                .isInstanceOf(CredentialStoreException.class)
                .hasMessageContaining("every user may write to that directory");
        assertThat(open.resolve("credentials.json")).doesNotExist();
    }

    @Test
    void aDeviceAsTheCredentialsFileIsAClearErrorNotAnEndlessRead() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero));
        FileCredentialStore store = FileCredentialStore.at(zero, options(warnings));
        assertThatThrownBy(store::list)
                .isInstanceOf(CredentialStoreException.class)
                .hasMessageContaining("/dev/zero is not a regular file");
    }

    @Test
    void aFileOverTheCapIsRefusedWithoutParsingIt() throws Exception {
        Path file = dir.resolve("credentials.json");
        try (var out = Files.newOutputStream(file)) {
            byte[] chunk = new byte[1 << 20];
            for (int i = 0; i <= StoreFiles.MAX_FILE_BYTES >> 20; i++) {
                out.write(chunk);
            }
        }
        FileCredentialStore store = FileCredentialStore.at(file, options(warnings));
        assertThatThrownBy(store::list)
                .isInstanceOf(CredentialStoreException.class)
                .hasMessageContaining("larger than " + StoreFiles.MAX_FILE_BYTES + " bytes");
    }
}
