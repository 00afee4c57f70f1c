package io.camrig.cli.rig;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.cli.CamrigCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The media directory is checked before a take: writable, with room, and the OS's reason when not. */
class MediaDirCheckTest {
    @Test
    void aWritableDirectoryWithRoomPassesAndIsCreatedWhenMissing(@TempDir Path dir) {
        Path media = dir.resolve("a/b");
        assertThat(MediaDirCheck.problem(media, 1000)).isEmpty();
        assertThat(media).isDirectory().isEmptyDirectory();
    }

    @Test
    void aPathThatCannotBeADirectoryGivesTheSystemsReason(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        assertThat(MediaDirCheck.problem(file.resolve("media"), 1)).get().asString()
                .startsWith("cannot create " + file.resolve("media") + ": ").containsIgnoringCase("not a directory");
        assertThat(MediaDirCheck.problem(file, 1)).get().asString()
                .isEqualTo("cannot create " + file + ": a file of that name is in the way");
    }

    @Test
    void tooLittleRoomSaysHowMuchIsFreeAndNeeded(@TempDir Path dir) {
        assertThat(MediaDirCheck.problem(dir, Long.MAX_VALUE)).get().asString()
                .startsWith(dir + " has ").contains(" free; the take needs about 9223.4 PB");
    }

    @Test
    void aRealTakeIsEstimatedFromTheHighestBitRate() {
        assertThat(MediaDirCheck.estimateRealTake(Duration.ofSeconds(10), 4, 2)).isEqualTo(10 * 15_000_000L * 4 * 2);
        assertThat(MediaDirCheck.human(45_000_000)).isEqualTo("45.0 MB");
    }

    @Test
    void theDemoRefusesToRecordWhatItCouldNotStore(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("blocked"), "x");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = CamrigCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute("demo", "--media-dir", file.resolve("m").toString(), "--no-progress")).isEqualTo(1);
        assertThat(err.toString()).contains("nothing was recorded").containsIgnoringCase("not a directory");
        assertThat(out.toString()).doesNotContain("succeeded");

        err.getBuffer().setLength(0);
        assertThat(cli.execute("demo", "--media-dir", dir.toString(), "--cameras", "1000", "--file-size",
                "2000000000", "--no-progress")).isEqualTo(1);
        assertThat(err.toString()).contains("the take needs about 2.0 TB; nothing was recorded");
    }
}
