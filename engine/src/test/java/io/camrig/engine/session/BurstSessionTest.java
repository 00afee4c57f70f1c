package io.camrig.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.engine.rig.RigOptions;
import io.camrig.engine.take.TakeCamera;
import io.camrig.engine.take.TakeFile;
import io.camrig.engine.take.TakeManifest;
import io.camrig.engine.take.TakeStore;
import io.camrig.simulator.SimulatorOptions;
import io.camrig.simulator.VirtualRig;
import io.camrig.simulator.media.SdCard;
import io.camrig.simulator.media.SdCardFile;
import io.camrig.simulator.media.SdCardGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A camera whose newest media is a burst (a group of photos newer than every file: the rig fired
 * in a burst preset) puts the burst's photos into the take as members of their group, the group's
 * name kept with each: what a card's offload records too, so that a later {@code camrig offload
 * --since-last-take} knows them as offloaded and a group's total can be checked.
 */
class BurstSessionTest {
    private static final int PHOTO_BYTES = 5_000;

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
    void aBurstNewerThanEveryFileLandsInTheTakeAsItsGroupsMembers() throws Exception {
        rig = VirtualRig.start(SimulatorOptions.defaults().withCameras(2).withMediaFileBytes(16 * 1024))
                .block(Duration.ofSeconds(10));
        SdCard card = rig.cameras().get(1).sdCard();
        // Dated after the recording the fire makes: the burst is the camera's newest media.
        SdCardGroup burst = card.addGroup(3, PHOTO_BYTES, Instant.now().plus(Duration.ofHours(1)));
        SessionOptions options = SessionOptions.defaults().withRecordFor(Duration.ofMillis(300)).withMediaDir(media)
                .withRig(RigOptions.defaults().withExpectedCameras(2));

        SessionReport report = new RecordingSession(rig.central(), HttpAddressResolver.ofUris(rig::httpBaseUri), options,
                SessionListener.none()).run().block(Duration.ofSeconds(60));

        CycleReport take = report.cycles().get(0);
        TakeManifest m = new TakeStore(media).read(take.takeId()).orElseThrow();
        TakeCamera cam = m.camera(card.serial()).orElseThrow();
        assertThat(cam.files()).extracting(TakeFile::name)
                .containsExactlyElementsOf(burst.members().stream().map(SdCardFile::name).toList());
        for (int i = 0; i < burst.members().size(); i++) {
            SdCardFile photo = burst.members().get(i);
            TakeFile f = cam.files().get(i);
            assertThat(f.group()).isEqualTo(burst.listedName());
            assertThat(f.verified()).isTrue();
            assertThat(f.size()).isEqualTo(PHOTO_BYTES);
            assertThat(Files.readAllBytes(media.resolve(m.takeId()).resolve(f.path()))).isEqualTo(card.expectedBytes(photo));
        }
        // The other camera's recording is a single video, not a group's member.
        TakeCamera other = m.camera(rig.cameras().get(0).sdCard().serial()).orElseThrow();
        assertThat(other.files()).hasSize(1).allSatisfy(f -> assertThat(f.group()).isNull());
        assertThat(report.cameras().get(1).fileBytes()).isEqualTo(3L * PHOTO_BYTES);
        // A photo has no footage to read: no "unreadable footage" error in the manifest, the take ok.
        assertThat(cam.files()).allSatisfy(f -> assertThat(f.footage()).isEmpty());
        assertThat(take.outcomes()).containsEntry("GoPro 0002", "ok");
        assertThat(take.syncReport().orElseThrow().cameras().get(1).startFrame()).isEmpty();
    }
}
