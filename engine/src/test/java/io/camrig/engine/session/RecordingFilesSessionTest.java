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
import io.camrig.simulator.media.SdCardGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A camera's recording of more than one file, end to end on the simulated rig:
 * <ul>
 *   <li>a recording split into chapters (spec: tag "Media", section "Chapters"): every chapter
 *       lands in the take, verified and byte-identical, and the camera's start is read from its
 *       first chapter, not from the last one, which starts later; with chapter 01 gone from the
 *       card, the camera's start is unknown, said so, not late;</li>
 *   <li>a burst newer than every file (the rig fired in a burst preset): its photos land as
 *       members of their group, the group's name kept with each, as a card's offload records them,
 *       so that a later {@code camrig offload --since-last-take} knows them as offloaded.</li>
 * </ul>
 */
class RecordingFilesSessionTest {
    private static final int FILE_BYTES = 64 * 1024;
    private static final int CHAPTER_BYTES = 16 * 1024;
    private static final int PHOTO_BYTES = 5_000;

    @TempDir
    Path media;

    @RegisterExtension
    final SimulatedRigs rigs = new SimulatedRigs();
    private VirtualRig rig;

    /** Three simulated cameras, camera 2 splitting its recording into 4 chapters (the others keep one file): its card. */
    private SdCard chapteredRig() {
        rig = rigs.start(VirtualRig.start(SimulatorOptions.defaults().withCameras(3).withMediaFileBytes(FILE_BYTES)));
        SdCard card = rig.cameras().get(1).sdCard();
        card.videos().splitChaptersAt(CHAPTER_BYTES);
        return card;
    }

    /** One take of 1 s, a camera flagged when its footage disagrees with the fire by over {@code footageFrames}. */
    private SessionOptions options(int footageFrames) {
        return SessionOptions.defaults().withRecordFor(Duration.ofSeconds(1)).withMediaDir(media)
                .withRig(RigOptions.defaults().withExpectedCameras(3)).withSync(SyncTolerance.defaults()
                        .withMaxSpread(Duration.ofSeconds(2)).withFootageFrames(footageFrames));
    }

    @Test
    void everyChapterIsInTheTakeAndTheStartComesFromTheFirst() throws Exception {
        SdCard card = chapteredRig();
        // Its last chapter starts 3/4 of the 1 s recording in: about 22 frames, far over 6.
        SessionOptions options = options(6);

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

    @Test
    void withChapterOneDeletedBeforeTheOffloadTheStartIsUnknownNotLate() throws Exception {
        SdCard card = chapteredRig();
        // Its chapter 02 starts a quarter of the 1 s recording in: about 7 frames, over 3.
        SessionOptions options = options(3);
        // The user deletes chapter 01 once the take is recorded, before camrig lists the card.
        SessionListener deleteChapterOne = new SessionListener() {
            @Override
            public void onStep(String step) {
                if (step.equals("download")) {
                    assertThat(card.delete(SdCard.DIRECTORY, "GX010001.MP4")).isTrue();
                }
            }
        };

        SessionReport report = new RecordingSession(rig.central(), HttpAddressResolver.ofUris(rig::httpBaseUri), options,
                deleteChapterOne).run().block(Duration.ofSeconds(60));

        CycleReport take = report.cycles().get(0);
        TakeManifest m = new TakeStore(media).read(take.takeId()).orElseThrow();
        TakeCamera cam = m.camera(card.serial()).orElseThrow();
        // The chapters still held are offloaded as ever, and chapter 02's own facts kept.
        assertThat(cam.files()).extracting(TakeFile::name).containsExactly("GX020001.MP4", "GX030001.MP4", "GX040001.MP4");
        assertThat(cam.files()).allSatisfy(f -> assertThat(f.state()).isEqualTo(TakeFile.State.VERIFIED));
        assertThat(ManifestFacts.timecode(cam.files().get(0).footage())).isPresent();
        assertThat(take.files().get("GoPro 0002")).endsWith("GX020001.MP4");

        // Its start is unknown, said so, and it is neither late nor in the footage figures.
        String reason = "chapter 01 is not on the card (first held: GX020001.MP4): start unknown";
        var sync = take.syncReport().orElseThrow();
        assertThat(sync.flagged()).as("flagged: %s", sync.flagged()).isEmpty();
        assertThat(sync.cameras().get(1).startUnknown()).hasValue(reason);
        assertThat(sync.cameras().get(1).startFrame()).isEmpty();
        assertThat(sync.cameras().get(1).footageOffsetMillis()).isEmpty();
        assertThat(sync.startsUnknown()).hasSize(1);
        assertThat(sync.footageSpreadMillis()).isPresent();
        assertThat(take.ok()).isTrue();
        assertThat(take.outcomes()).containsEntry("GoPro 0002", "ok");
        assertThat(cam.late()).isFalse();
        assertThat(cam.lateReason()).isNull();
        assertThat(cam.startUnknown()).hasValue(reason);
        assertThat(m.extensions().get("sync")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("ok", true).containsEntry("startUnknown", List.of("GoPro 0002"));
        assertThat(m.cameras()).filteredOn(c -> !c.serial().equals(card.serial()))
                .allSatisfy(c -> assertThat(c.startUnknown()).isEmpty());
    }

    @Test
    void aBurstNewerThanEveryFileLandsInTheTakeAsItsGroupsMembers() throws Exception {
        rig = rigs.start(VirtualRig.start(SimulatorOptions.defaults().withCameras(2).withMediaFileBytes(16 * 1024)));
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
