package io.camrig.cli.take;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.engine.take.TakeCamera;
import io.camrig.engine.take.TakeFile;
import io.camrig.engine.take.TakeManifest;
import io.camrig.engine.take.TakeStore;
import io.camrig.http.model.MediaDirectory;
import io.camrig.http.model.MediaGroup;
import io.camrig.http.model.MediaList;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warning when a burst's photos, all verified, do not add up to the size its camera listed. */
class GroupTotalsTest {
    @TempDir
    Path dir;

    private TakeManifest take(long... sizes) {
        TakeManifest m = new TakeStore(dir).create("t").withCamera(TakeCamera.of("S1", "S1", "HERO12 Black", ""));
        for (int i = 0; i < sizes.length; i++) {
            TakeFile f = TakeFile.pendingMember("100GOPRO", "G001000" + (i + 1) + ".JPG", 5, "G0010001.JPG");
            TakeFile done = sizes[i] < 0 ? f : f.withSize(sizes[i]).withVerified("S1/100GOPRO/" + f.name(), "0".repeat(64));
            m = m.updateCamera("S1", c -> c.withFile(done));
        }
        return m;
    }

    private static GroupTotals listing(long s) {
        MediaGroup g = new MediaGroup("100GOPRO", "G0010001.JPG", Instant.ofEpochSecond(5), Instant.ofEpochSecond(5), 1,
                "b", 1, 3, List.of(), s);
        GroupTotals totals = new GroupTotals();
        totals.seen("S1", new MediaList("1", List.of(new MediaDirectory("100GOPRO", List.of(), List.of(g)))));
        return totals;
    }

    @Test
    void aGroupWhoseVerifiedPhotosDoNotAddUpToItsListedSizeIsWarnedAbout() {
        assertThat(listing(300).warnings(take(100, 100, 101))).singleElement().asString()
                .contains("S1: group 100GOPRO/G0010001.JPG: its 3 file(s) verified add up to 301 bytes, the camera "
                        + "listed 300 (s)");
    }

    @Test
    void noWarningWhenTheyAddUpWhenSIsTheMemberCountOrWhenAPhotoIsNotVerified() {
        assertThat(listing(300).warnings(take(100, 100, 100))).isEmpty();
        assertThat(listing(3).warnings(take(100, 100, 100))).isEmpty();
        assertThat(listing(300).warnings(take(100, 100, -1))).isEmpty();
    }
}
