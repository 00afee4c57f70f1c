package io.camrig.cli.take;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.cli.CliRun;
import io.camrig.engine.take.OffloadQueue;
import io.camrig.engine.take.TakeCamera;
import io.camrig.engine.take.TakeFile;
import io.camrig.engine.take.TakeManifest;
import io.camrig.engine.take.TakeStore;
import io.camrig.http.Sha256;
import io.camrig.http.model.MediaFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code camrig takes list|show|verify} on takes an operator damaged or pointed at oddly: a media
 * directory given through {@code ..}, a manifest cut short or naming another take, a take id
 * that is a path. Each is one clear line and the documented exit code; no Java class names.
 */
class TakesCommandTest {
    private static final String SERIAL = "C3501460050001";

    @TempDir
    Path root;
    private final CliRun cli = new CliRun();

    private Path media() {
        return root.resolve("media");
    }

    /** A take with one verified 4-byte file, created at {@code at}. */
    private TakeManifest take(Instant at) throws Exception {
        TakeStore store = new TakeStore(media(), Clock.fixed(at, ZoneOffset.UTC));
        OffloadQueue queue = new OffloadQueue(store, store.create("test"));
        queue.ensureCamera(TakeCamera.of(SERIAL, "GoPro 0001", "HERO12 Black", "H23.01.02.32.00"));
        queue.enqueue(SERIAL, List.of(new MediaFile("100GOPRO", "GX010001.MP4", 4, at, at)));
        TakeFile file = queue.pending(SERIAL).get(0);
        Path target = store.target(queue.manifest().takeId(), SERIAL, file);
        Files.createDirectories(target.getParent());
        Files.write(target, new byte[] {1, 2, 3, 4});
        return queue.verified(SERIAL, file, SERIAL + "/100GOPRO/GX010001.MP4", Sha256.of(target));
    }

    private Path manifest(TakeManifest m) {
        return media().resolve(m.takeId()).resolve(TakeStore.MANIFEST);
    }

    @Test
    void verifyThroughARelativeMediaDirectoryWithDotDotFindsEveryFile() throws Exception {
        TakeManifest m = take(Instant.parse("2026-12-07T10:00:00Z"));
        String given = root.resolve("other").resolve("..").resolve("media").toString();

        assertThat(cli.runAfresh("takes", "verify", "latest", "--media-dir", given)).as("%s", cli.out).isZero();
        assertThat(cli.out.toString()).contains("OK       " + SERIAL + " 100GOPRO/GX010001.MP4")
                .contains("1 of 1 files match take " + m.takeId());
    }

    @Test
    void aManifestCutShortIsOneLineNamingTheTakeAndWhereTheJsonEnds() throws Exception {
        TakeManifest m = take(Instant.parse("2026-12-07T10:00:00Z"));
        byte[] whole = Files.readAllBytes(manifest(m));
        Files.write(manifest(m), java.util.Arrays.copyOf(whole, 300));

        for (String command : List.of("show", "verify")) {
            assertThat(cli.runAfresh("takes", command, m.takeId(), "--media-dir", media().toString())).isEqualTo(1);
            assertThat(cli.err.toString().lines()).as("stderr of %s", command).singleElement().asString()
                    .startsWith("camrig takes " + command + ": take " + m.takeId() + ": ")
                    .contains("cannot be read as a take manifest: truncated: the JSON ends at line")
                    .doesNotContain("Exception").doesNotContain("io.camrig");
            assertThat(cli.out.toString()).isEmpty();
        }
    }

    @Test
    void listShowsEveryOtherTakeAndFlagsTheUnreadableOneWithExitOne() throws Exception {
        TakeManifest good = take(Instant.parse("2026-12-07T10:00:00Z"));
        TakeManifest broken = take(Instant.parse("2026-12-07T11:00:00Z"));
        Files.writeString(manifest(broken), "");

        assertThat(cli.runAfresh("takes", "list", "--media-dir", media().toString())).isEqualTo(1);
        assertThat(cli.out.toString()).containsPattern(good.takeId() + "\\s+2026-12-07T10:00:00Z\\s+1\\s+1/1\\s+4")
                .containsPattern(broken.takeId() + "\\s+unreadable manifest");
        assertThat(cli.err.toString().lines()).singleElement().asString()
                .startsWith("camrig takes list: take " + broken.takeId() + ": ").endsWith("it is empty");

        // latest is the broken one: it is reported, never replaced by the older take
        assertThat(cli.runAfresh("takes", "show", "latest", "--media-dir", media().toString())).isEqualTo(1);
        assertThat(cli.err.toString()).contains("take " + broken.takeId() + ": ");
        assertThat(cli.out.toString()).doesNotContain(good.takeId());
    }

    @Test
    void aManifestNamingAnotherTakeIsRefusedRatherThanEveryFileReportedMissing() throws Exception {
        TakeManifest m = take(Instant.parse("2026-12-07T10:00:00Z"));
        Files.writeString(manifest(m), Files.readString(manifest(m)).replace(m.takeId(), "20200101-000000"));

        assertThat(cli.runAfresh("takes", "verify", m.takeId(), "--media-dir", media().toString())).isEqualTo(1);
        assertThat(cli.err.toString()).contains("it names take '20200101-000000', not its directory's '" + m.takeId() + "'");
        assertThat(cli.out.toString()).doesNotContain("MISSING");
    }

    @Test
    void aTakeIdThatIsAPathIsABadUsageNotACrash() throws Exception {
        take(Instant.parse("2026-12-07T10:00:00Z"));
        Files.createDirectories(root.resolve("x"));

        assertThat(cli.runAfresh("takes", "show", "../x", "--media-dir", media().toString())).isEqualTo(2);
        assertThat(cli.err.toString()).startsWith("camrig takes show: not a take id: ")
                .doesNotContain("IllegalArgumentException");
    }

    @Test
    void showAndVerifyWithNoTakeNamedWorkOnTheNewestTake() throws Exception {
        take(Instant.parse("2026-12-07T10:00:00Z"));
        TakeManifest newest = take(Instant.parse("2026-12-07T11:00:00Z"));

        assertThat(cli.runAfresh("takes", "verify", "--media-dir", media().toString())).as("%s", cli.err).isZero();
        assertThat(cli.out.toString()).contains("1 of 1 files match take " + newest.takeId());
        assertThat(cli.runAfresh("takes", "show", "--json", "--media-dir", media().toString())).isZero();
        assertThat(cli.out.toString()).contains("\"" + newest.takeId() + "\"");
    }

    @Test
    void verifyWithNoTakeNamedInAnEmptyMediaDirectorySaysThereIsNone() throws Exception {
        Files.createDirectories(media());

        assertThat(cli.runAfresh("takes", "verify", "--media-dir", media().toString())).isEqualTo(1);
        assertThat(cli.err.toString()).contains("camrig takes: no takes in ");
    }

    @Test
    void listSaysWhetherEachTakeWasInSyncFromItsManifest() throws Exception {
        TakeManifest card = take(Instant.parse("2026-12-07T09:00:00Z"));
        TakeManifest fine = take(Instant.parse("2026-12-07T10:00:00Z"));
        TakeManifest late = take(Instant.parse("2026-12-07T11:00:00Z"));
        withSync(fine, "{\"ok\":true,\"timecodeSpreadFrames\":1,\"flagged\":[]}");
        withSync(late, "{\"ok\":false,\"timecodeSpreadFrames\":4,\"flagged\":[\"GoPro 0003\"]}");

        assertThat(cli.runAfresh("takes", "list", "--media-dir", media().toString())).as("%s", cli.err).isZero();
        assertThat(cli.out.toString().lines()).anySatisfy(l -> assertThat(l).startsWith(card.takeId()).endsWith("  -"))
                .anySatisfy(l -> assertThat(l).startsWith(fine.takeId()).endsWith("  ok (1 frame)"))
                .anySatisfy(l -> assertThat(l).startsWith(late.takeId()).endsWith("  FLAGGED: 1 camera(s) (4 frames)"));
    }

    @Test
    void aCameraWhoseChapterOneWasNotOnTheCardIsShownWithAnUnknownStartNotFlagged() throws Exception {
        TakeManifest m = take(Instant.parse("2026-12-07T10:00:00Z"));
        String reason = "chapter 01 is not on the card (first held: GX020001.MP4): start unknown";
        new TakeStore(media()).write(m.updateCamera(SERIAL, c -> c.withStart(0.4, false, null).withStartUnknown(reason))
                .withExtension("sync", java.util.Map.of("ok", true, "timecodeSpreadFrames", 1, "flagged", List.of(),
                        "startUnknown", List.of("GoPro 0001"))));

        assertThat(cli.runAfresh("takes", "list", "--media-dir", media().toString())).as("%s", cli.err).isZero();
        assertThat(cli.out.toString().lines()).anySatisfy(l -> assertThat(l).startsWith(m.takeId())
                .endsWith("  ok (1 frame), start unknown: 1 camera(s)"));
        assertThat(cli.runAfresh("takes", "show", m.takeId(), "--media-dir", media().toString())).as("%s", cli.err).isZero();
        assertThat(cli.out.toString().lines()).anySatisfy(l -> assertThat(l).startsWith(SERIAL)
                .endsWith("start +0.4 ms  " + reason));
        assertThat(cli.out.toString()).doesNotContain("FLAGGED");
    }

    /** The manifest of {@code m} with its take-level {@code extensions.sync} set to {@code json}. */
    private void withSync(TakeManifest m, String json) throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(manifest(m).toFile());
        tree.putObject("extensions").set("sync", mapper.readTree(json));
        mapper.writeValue(manifest(m).toFile(), tree);
    }
}
