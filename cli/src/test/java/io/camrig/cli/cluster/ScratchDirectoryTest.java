package io.camrig.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A command's scratch directory leaves nothing behind. */
class ScratchDirectoryTest {
    @Test
    void closingDeletesTheDirectoryAndEverythingInIt() throws Exception {
        Path dir;
        try (ScratchDirectory scratch = ScratchDirectory.create("camrig-scratch-test")) {
            dir = scratch.path();
            assertThat(dir.getParent()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath());
            assertThat(dir.getFileName().toString()).startsWith("camrig-scratch-test");
            Files.createDirectories(dir.resolve("broker/data/persistence"));
            Files.write(dir.resolve("broker/data/persistence/segment.bin"), new byte[4096]);
            Files.writeString(dir.resolve("node-1.log"), "node log");
        }
        assertThat(dir).doesNotExist();
    }

    @Test
    void aDirectoryAlreadyGoneIsNoError() throws Exception {
        ScratchDirectory scratch = ScratchDirectory.create("camrig-scratch-test");
        Files.delete(scratch.path());
        scratch.close();
        assertThat(scratch.path()).doesNotExist();
    }
}
