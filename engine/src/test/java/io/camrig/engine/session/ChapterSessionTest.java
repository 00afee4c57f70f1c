package io.camrig.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.engine.rig.RigOptions;
import io.camrig.engine.sync.ManifestFacts;
import io.camrig.engine.sync.SyncTolerance;
import io.camrig.engine.take.TakeCamera;
import io.camrig.engine.take.TakeFile;
import io.camrig.engine.take.TakeManifest;
import io.camrig.engine.take.TakeStore;
import io.camrig.simulator.SimulatorOptions;
import io.camrig.simulator.VirtualRig;
import io.camrig.simulator.media.SdCard;
import io.camrig.simulator.media.SdCardFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording split into chapters (spec: tag "Media", section "Chapters"), end to end on the
 * simulated rig: every chapter lands in the take, verified and byte-identical, and the camera's
 * start is read from its first chapter, not from the last one, which starts later.
 */
class ChapterSessionTest {
    private static final int FILE_BYTES = 64 * 1024;
    private static final int CHAPTER_BYTES = 16 * 1024;

    @TempDir
    Path media;

    private VirtualRig rig;

    @AfterEach
    void stop() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void everyChapterIsInTheTakeAndTheStartComesFromTheFirst() throws Exception {
        rig = VirtualRig.start(SimulatorOptions.defaults().withCameras(3).withMediaFileBytes(FILE_BYTES))
                .block(Duration.ofSeconds(10));
        // Camera 2 splits its recording into 4 chapters; the others keep one file.
        SdCard card = rig.cameras().get(1).sdCard();
        card.videos().splitChaptersAt(CHAPTER_BYTES);
        RigOptions rigOptions = RigOptions.defaults().withExpectedCameras(3);
        // Its last chapter starts 3/4 of the 1 s recording in: about 22 frames, far over 6.
        SessionOptions options = SessionOptions.defaults().withRecordFor(Duration.ofSeconds(1)).withMediaDir(media)
                .withRig(rigOptions).withSync(SyncTolerance.defaults().withMaxSpread(Duration.ofSeconds(2))
                        .withFootageFrames(6));

        SessionReport report = new RecordingSession(rig.central(), HttpAddressResolver.ofUris(rig::httpBaseUri), options,
                SessionListener.none()).run().block(Duration.ofSeconds(60));

        CycleReport take = report.cycles().get(0);
        List<SdCardFile> chapters = card.files();
        assertThat(chapters).extracting(SdCardFile::name)
                .containsExactly("GX010001.MP4", "GX020001.MP4", "GX030001.MP4", "GX040001.MP4");
        TakeManifest m = new TakeStore(media).read(take.takeId()).orElseThrow();
        TakeCamera cam = m.camera(card.serial()).orElseThrow();
        assertThat(cam.files()).extracting(TakeFile::name)
                .containsExactly("GX010001.MP4", "GX020001.MP4", "GX030001.MP4", "GX040001.MP4");
        for (int i = 0; i < chapters.size(); i++) {
            TakeFile f = cam.files().get(i);
            byte[] expected = card.expectedBytes(chapters.get(i));
            assertThat(f.state()).isEqualTo(TakeFile.State.VERIFIED);
            assertThat(f.size()).isEqualTo(expected.length);
            assertThat(f.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(expected)));
            assertThat(Files.readAllBytes(media.resolve(m.takeId()).resolve(f.path()))).isEqualTo(expected);
            // Every chapter's own facts are kept, the later ones starting later.
            assertThat(ManifestFacts.timecode(f.footage())).isPresent();
        }
        long firstFrame = ManifestFacts.timecode(cam.files().get(0).footage()).orElseThrow().startFrame();
        long lastFrame = ManifestFacts.timecode(cam.files().get(3).footage()).orElseThrow().startFrame();
        assertThat(lastFrame - firstFrame).isGreaterThan(12);
        assertThat(new TakeStore(media).verify(m)).hasSize(6)
                .allSatisfy(c -> assertThat(c.result()).as(c.detail()).isEqualTo(TakeStore.FileCheck.Result.OK));

        // The camera started with the others: its first chapter says so, and it is not flagged.
        assertThat(take.footage().get("GoPro 0002").timecode().orElseThrow().startFrame()).isEqualTo(firstFrame);
        assertThat(take.syncReport().orElseThrow().flagged()).isEmpty();
        assertThat(cam.late()).isFalse();
        assertThat(take.ok()).isTrue();
        assertThat(take.outcomes()).containsEntry("GoPro 0002", "ok");
        assertThat(take.files().get("GoPro 0002")).endsWith("GX010001.MP4");
        assertThat(report.cameras().get(1).fileBytes()).isEqualTo(FILE_BYTES);
    }
}
