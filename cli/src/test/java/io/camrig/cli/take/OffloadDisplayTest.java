package io.camrig.cli.take;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camrig.cli.console.LiveBlock;
import io.camrig.engine.take.TakeManifest;
import io.camrig.engine.offload.OffloadEvent;
import io.camrig.engine.take.TakeFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The offload's progress line after a resume: "done of total" counts the bytes already on disk,
 * the rate and the ETA only what this run fetched (a resumed 50 MB must not read as 25 MB/s).
 * Time comes from an injected clock.
 */
class OffloadDisplayTest {
    private static final String SERIAL = "C3501460050001";
    private static final long SECOND = 1_000_000_000L;
    private static final long REDRAW_MILLIS = OffloadDisplay.REDRAW_EVERY_MILLIS * 1_000_000L;

    private final AtomicLong now = new AtomicLong(7 * SECOND);
    private final StringWriter out = new StringWriter();
    private final OffloadDisplay display = new OffloadDisplay(new PrintWriter(out), new PrintWriter(new StringWriter()),
            true, "20261207-100000", null, now::get);
    private final TakeFile file = TakeFile.pending("100GOPRO", "GX010001.MP4", 100_000_000, 1_700_000_000);

    private JsonNode lastLine() throws Exception {
        String[] lines = out.toString().split("\n");
        return new ObjectMapper().readTree(lines[lines.length - 1]);
    }

    @Test
    void aResumedFileCountsItsKeptBytesAsDoneButNotInTheRateOrEta() throws Exception {
        display.on(new OffloadEvent.CameraStarted(SERIAL, 1, 100_000_000));
        now.addAndGet(2 * SECOND);
        // 50 MB were in the partial file; 10 MB more came in 2 s
        display.on(new OffloadEvent.Progress(SERIAL, file, 60_000_000, 100_000_000, 50_000_000));

        JsonNode p = lastLine();
        assertThat(p.get("bytesDone").asLong()).isEqualTo(60_000_000);
        assertThat(p.get("bytesPerSecond").asLong()).isEqualTo(5_000_000);
        assertThat(p.get("etaSeconds").asLong()).as("40 MB left at 5 MB/s").isEqualTo(8);
    }

    @Test
    void aFreshDownloadsRateIsItsBytesOverTheTimeSinceTheCameraStarted() throws Exception {
        display.on(new OffloadEvent.CameraStarted(SERIAL, 1, 100_000_000));
        now.addAndGet(4 * SECOND);
        display.on(new OffloadEvent.Progress(SERIAL, file, 20_000_000, 100_000_000));

        JsonNode p = lastLine();
        assertThat(p.get("bytesPerSecond").asLong()).isEqualTo(5_000_000);
        assertThat(p.get("etaSeconds").asLong()).isEqualTo(16);

        // within the same second nothing more is printed
        String before = out.toString();
        now.addAndGet(SECOND / 2);
        display.on(new OffloadEvent.Progress(SERIAL, file, 22_000_000, 100_000_000));
        assertThat(out.toString()).isEqualTo(before);
    }

    @Test
    void theEtaIsRoundedUpSoItNeverReadsZeroWhileBytesRemain() throws Exception {
        display.on(new OffloadEvent.CameraStarted(SERIAL, 1, 100_000_000));
        now.addAndGet(4 * SECOND);
        // 99 MB in 4 s: 1 MB left at 24.75 MB/s is 0.04 s
        display.on(new OffloadEvent.Progress(SERIAL, file, 99_000_000, 100_000_000));

        assertThat(lastLine().get("etaSeconds").asLong()).isEqualTo(1);
    }

    @Test
    void aBurstsPhotosWhoseSizesAreNotListedNeverMakeTheEtaNegative() throws Exception {
        // a video of 100 MB listed; three photos of a burst, their sizes not listed
        display.on(new OffloadEvent.CameraStarted(SERIAL, 4, 100_000_000));
        now.addAndGet(4 * SECOND);
        display.on(new OffloadEvent.Verified(SERIAL, file, new io.camrig.http.DownloadResult(java.nio.file.Path.of("v"),
                100_000_000, "0".repeat(64), io.camrig.http.DownloadResult.Disposition.WRITTEN)));
        TakeFile photo = TakeFile.pendingMember("100GOPRO", "G0010002.JPG", 1_700_000_000, "G0010002.JPG");
        now.addAndGet(SECOND);
        display.on(new OffloadEvent.Progress(SERIAL, photo, 2_000_000, 3_000_000));

        JsonNode p = lastLine();
        assertThat(p.get("bytesDone").asLong()).isEqualTo(102_000_000);
        assertThat(p.get("etaSeconds").asLong()).isZero();
    }

    @Test
    void onATerminalEachCameraIsOneRowRedrawnInPlaceWithFileLinesAboveIt() {
        StringWriter tty = new StringWriter();
        OffloadDisplay shown = new OffloadDisplay(new PrintWriter(tty), new PrintWriter(tty), false, "20261207-100000",
                new LiveBlock(new PrintWriter(tty), 200), now::get);
        String other = "C3508313900002";
        shown.on(new OffloadEvent.CameraStarted(SERIAL, 2, 200_000_000));
        shown.on(new OffloadEvent.CameraStarted(other, 1, 100_000_000));
        now.addAndGet(4 * SECOND);
        shown.on(new OffloadEvent.Progress(SERIAL, file, 20_000_000, 100_000_000));
        String firstDraw = tty.toString();
        assertThat(firstDraw).contains("\u001b[2K" + SERIAL + "   10%  20.0 MB of 200.0 MB  5.0 MB/s  ETA 36s  0/2 files  100GOPRO/GX010001.MP4\n")
                .contains("\u001b[2K" + other + "    0%  0.0 MB of 100.0 MB  0.0 MB/s  ETA -  0/1 files\n")
                .as("progress lines are for pipes and logs").doesNotContain("MB/s  ETA 36s\n" + SERIAL);

        // within 200 ms nothing is redrawn; after it, the two rows are replaced in place
        now.addAndGet(REDRAW_MILLIS / 2);
        shown.on(new OffloadEvent.Progress(SERIAL, file, 21_000_000, 100_000_000));
        assertThat(tty.toString()).isEqualTo(firstDraw);
        now.addAndGet(REDRAW_MILLIS);
        shown.on(new OffloadEvent.Progress(SERIAL, file, 30_000_000, 100_000_000));
        assertThat(tty.toString().substring(firstDraw.length())).startsWith("\u001b[2F").contains(" 15%  30.0 MB of 200.0 MB");

        // a verified file is a permanent line: the rows are erased, the line printed, the rows drawn below it
        int before = tty.toString().length();
        shown.on(new OffloadEvent.Verified(SERIAL, file, new io.camrig.http.DownloadResult(
                java.nio.file.Path.of("x", "GX010001.MP4"), 100_000_000, "ab".repeat(32),
                io.camrig.http.DownloadResult.Disposition.WRITTEN)));
        String after = tty.toString().substring(before);
        assertThat(after).startsWith("\u001b[2F\u001b[2K\n\u001b[2K\n\u001b[2F" + SERIAL + ": 100GOPRO/GX010001.MP4  100000000 bytes")
                .contains("\u001b[2K" + SERIAL + "   50%  100.0 MB of 200.0 MB").contains("1/2 files");
    }

    @Test
    void aLiveRowNeverWrapsTheTerminal() {
        StringWriter tty = new StringWriter();
        LiveBlock block = new LiveBlock(new PrintWriter(tty), 20);
        block.show(java.util.List.of("0123456789012345678901234567890", "short"));

        assertThat(tty.toString()).isEqualTo("\u001b[2K0123456789012345678\n\u001b[2Kshort\n");
    }

    @Test
    void theSummaryLeavesTheLastRowsAndPrintsBelowThem() {
        StringWriter tty = new StringWriter();
        OffloadDisplay shown = new OffloadDisplay(new PrintWriter(tty), new PrintWriter(tty), false, "20261207-100000",
                new LiveBlock(new PrintWriter(tty), 200), now::get);
        shown.on(new OffloadEvent.CameraStarted(SERIAL, 1, 100_000_000));
        shown.on(new OffloadEvent.CameraDone(SERIAL, 1, 0));
        shown.summary(new TakeManifest(1, "rig", "20261207-100000", "2026-12-07T10:00:00Z", null,
                java.util.List.of(), java.util.Map.of()));

        String text = tty.toString();
        assertThat(text).endsWith(SERIAL + "  done  0.0 MB of 100.0 MB  0/1 files  0.0 MB/s\ntake 20261207-100000: 0 file(s) verified, 0 remaining\n");
    }

    @Test
    void afterCtrlCItSaysTheWholeCommandThatResumes() {
        StringWriter errors = new StringWriter();
        OffloadDisplay shown = new OffloadDisplay(new PrintWriter(new StringWriter()), new PrintWriter(errors), false,
                "camrig offload --usb C3501460050001 --take 20261207-100000", null, now::get);
        shown.interrupted();

        assertThat(errors.toString()).endsWith("Resume with:\n  camrig offload --usb C3501460050001 --take 20261207-100000\n");
    }

    @Test
    void aCameraWhoseFileFailedKeepsItsBytesOnItsRowForTheResume() {
        StringWriter tty = new StringWriter();
        OffloadDisplay shown = new OffloadDisplay(new PrintWriter(tty), new PrintWriter(tty), false, "resume",
                new LiveBlock(new PrintWriter(tty), 200), now::get);
        shown.on(new OffloadEvent.CameraStarted(SERIAL, 1, 100_000_000));
        now.addAndGet(2 * SECOND);
        shown.on(new OffloadEvent.Progress(SERIAL, file, 20_000_000, 100_000_000));
        shown.on(new OffloadEvent.Failed(SERIAL, file, new java.io.IOException("connection reset")));
        shown.on(new OffloadEvent.CameraDone(SERIAL, 0, 1));

        assertThat(tty.toString()).contains("camrig offload: " + SERIAL + ": 100GOPRO/GX010001.MP4: connection reset\n")
                .endsWith("\u001b[2K" + SERIAL + "  done  20.0 MB of 100.0 MB  0/1 files, 1 failed  10.0 MB/s\n");
    }

    @Test
    void aResumedCameraSaysHowMuchOfItsFilesIsAlreadyOnDisk() throws Exception {
        display.on(new OffloadEvent.CameraStarted(SERIAL, 2, 800_000_000, 671_200_000));

        JsonNode started = lastLine();
        assertThat(started.get("bytesOnDisk").asLong()).isEqualTo(671_200_000);
        StringWriter text = new StringWriter();
        new OffloadDisplay(new PrintWriter(text), new PrintWriter(new StringWriter()), false, "resume", null, now::get)
                .on(new OffloadEvent.CameraStarted(SERIAL, 2, 800_000_000, 671_200_000));
        assertThat(text.toString()).isEqualTo(SERIAL + ": 2 file(s), 800.0 MB to fetch (671.2 MB of it already on disk: resumed)\n");
    }
}
