package io.camrig.cli.take;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.cli.CliRun;
import io.camrig.engine.take.TakeCamera;
import io.camrig.engine.take.TakeFile;
import io.camrig.engine.take.TakeManifest;
import io.camrig.engine.take.TakeStore;
import io.camrig.http.Sha256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code camrig takes show|verify} on the coordinator's host of a take across two nodes, where only
 * node-1's media is present: show groups the cameras by node, verify re-hashes node-1's files and
 * reports node-2's as held on node-2 (not missing), one line per node; a changed file of a present
 * node still fails verify.
 */
class TakesAcrossNodesTest {
    @TempDir
    Path media;

    private TakeManifest take() throws Exception {
        TakeStore store = new TakeStore(media);
        TakeManifest m = store.create("stage");
        m = m.withCamera(camera(store, m, "C1", "node-1", true)).withCamera(camera(store, m, "C2", "node-2", false));
        store.write(m);
        return m;
    }

    /** A camera of {@code node} with one verified file; its bytes on this host only when {@code here}. */
    private TakeCamera camera(TakeStore store, TakeManifest m, String serial, String node, boolean here) throws Exception {
        TakeFile f = TakeFile.pending("100GOPRO", "GX010001.MP4", 5, 0);
        Path p = store.target(m.takeId(), serial, f);
        byte[] bytes = ("clip" + serial.charAt(1)).getBytes(StandardCharsets.US_ASCII);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        String sha = Sha256.of(p);
        if (!here) {
            Files.delete(p);
            Files.delete(p.getParent());
            Files.delete(p.getParent().getParent());
        }
        return TakeCamera.of(serial, "GoPro " + serial, "HERO12 Black", "H23").withNode(node)
                .withFile(f.withVerified(serial + "/100GOPRO/GX010001.MP4", sha));
    }

    @Test
    void showGroupsByNodeAndVerifyChecksWhatIsHereAndNamesTheNodeHoldingTheRest() throws Exception {
        TakeManifest m = take();
        CliRun show = new CliRun();
        assertThat(show.run("takes", "show", "latest", "--media-dir", media.toString())).isZero();
        assertThat(show.out.toString()).containsSubsequence("node node-1:", "C1 ", "node node-2:", "C2 ");

        CliRun verify = new CliRun();
        assertThat(verify.run("takes", "verify", m.takeId(), "--media-dir", media.toString())).isZero();
        assertThat(verify.out.toString())
                .contains("OK       C1 100GOPRO/GX010001.MP4")
                .contains("node node-1: 1 of 1 files match")
                .contains("node node-2: 1 files held on node node-2, not on this host")
                .contains("1 of 2 files match take " + m.takeId() + ", 1 held on other nodes not checked here")
                .doesNotContain("MISSING");

        Files.write(media.resolve(m.takeId()).resolve("C1/100GOPRO/GX010001.MP4"), new byte[] {'x', 'x', 'x', 'x', 'x'});
        CliRun changed = new CliRun();
        assertThat(changed.run("takes", "verify", m.takeId(), "--media-dir", media.toString())).isEqualTo(3);
        assertThat(changed.out.toString()).contains("CHANGED  C1").contains("node node-1: 0 of 1 files match");
    }
}
