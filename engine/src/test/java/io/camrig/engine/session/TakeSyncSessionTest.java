package io.camrig.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.engine.rig.RigOptions;
import io.camrig.engine.sync.CameraSync;
import io.camrig.engine.sync.SyncTolerance;
import io.camrig.engine.sync.TakeSync;
import io.camrig.footage.FootageFacts;
import io.camrig.simulator.SimulatorOptions;
import io.camrig.simulator.VirtualRig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Takes honest about sync, end to end on the simulated rig: the footage each camera writes is read
 * back after download, and a take with a camera out of tolerance (by the fire or by its footage)
 * fails, in its cycle and in the session's summary.
 */
class TakeSyncSessionTest {
    private static final int FILE_BYTES = 64 * 1024;

    @TempDir
    Path media;

    @RegisterExtension
    final SimulatedRigs rigs = new SimulatedRigs();
    private VirtualRig rig;

    private SessionReport run(int cameras, int cycles, SyncTolerance sync, SessionListener listener,
                              java.util.function.Consumer<VirtualRig> before) {
        rig = rigs.start(VirtualRig.start(SimulatorOptions.defaults().withCameras(cameras).withMediaFileBytes(FILE_BYTES)));
        before.accept(rig);
        RigOptions rigOptions = RigOptions.defaults().withExpectedCameras(cameras);
        rigOptions = rigOptions.withCamera(rigOptions.camera().withExchangeTimeout(Duration.ofMillis(400)));
        SessionOptions options = SessionOptions.defaults().withRecordFor(Duration.ofMillis(200)).withMediaDir(media)
                .withCycles(cycles).withRig(rigOptions).withSync(sync);
        return new RecordingSession(rig.central(), HttpAddressResolver.ofUris(rig::httpBaseUri), options, listener)
                .run().block(Duration.ofSeconds(60));
    }

    @Test
    void aCameraWhoseFootageStartsLateIsFlaggedFromItsFootageAlone() {
        // A generous fire tolerance: only the footage can give camera 3 away.
        SyncTolerance tolerance = SyncTolerance.defaults().withMaxSpread(Duration.ofSeconds(2)).withFootageFrames(4);
        SessionReport report = run(4, 1, tolerance, SessionListener.none(),
                r -> r.cameras().get(2).startFootageLate(Duration.ofMillis(600)));

        CycleReport take = report.cycles().get(0);
        TakeSync sync = take.syncReport().orElseThrow();
        assertThat(take.footage()).hasSize(4).allSatisfy((camera, facts) -> {
            assertThat(facts.firmware()).isEqualTo("H23.01.02.32.00");
            assertThat(facts.timecode()).isPresent();
        });
        FootageFacts late = take.footage().get("GoPro 0003");
        assertThat(late.cameraIdText()).isEqualTo(report.cameras().get(2).serial());
        // 600 ms at 29.97 fps is 18 frames
        assertThat(sync.timecodeSpreadFrames().getAsLong()).isBetween(15L, 21L);
        assertThat(sync.flagged()).singleElement().satisfies(c -> {
            assertThat(c.camera()).isEqualTo("GoPro 0003");
            assertThat(Math.abs(c.offsetMillis().getAsDouble())).as("the fire saw nothing wrong").isLessThan(1000);
            assertThat(c.disagreementMillis().getAsDouble()).isBetween(450.0, 750.0);
            assertThat(c.reasons().get(0)).contains("its footage starts").contains("later than the fire says");
        });
        assertThat(take.ok()).isFalse();
        assertThat(take.outcomes().get("GoPro 0003")).startsWith("out of sync: its footage starts");
        assertThat(report.allOk()).isFalse();
        assertThat(report.succeeded()).isEqualTo(3);
        assertThat(report.failedTakes()).containsExactly(take);
    }

    @Test
    void aShutterLostInTheSecondTakeFailsThatTakeWithTheRetryAsTheReason() {
        AtomicInteger records = new AtomicInteger();
        SessionListener loseInTakeTwo = new SessionListener() {
            @Override
            public void onStep(String step) {
                if (step.equals("record") && records.incrementAndGet() == 2) {
                    rig.cameras().get(1).loseNextShutterOn(1);
                }
            }
        };
        // ±100 ms: wide enough for a crowded test machine, far below the 400 ms a lost shutter costs
        SessionReport report = run(3, 2, SyncTolerance.defaults().withMaxSpread(Duration.ofMillis(200))
                .withFootageFrames(6), loseInTakeTwo, r -> { });

        assertThat(report.cycles()).hasSize(2);
        CycleReport second = report.cycles().get(1);
        TakeSync sync = second.syncReport().orElseThrow();
        CameraSync lost = sync.cameras().get(1);
        assertThat(lost.flagged()).isTrue();
        // resent after the 400 ms exchange timeout: it started that much after the others
        assertThat(lost.offsetMillis().getAsDouble()).isGreaterThan(300);
        assertThat(lost.reasons()).anyMatch(r -> r.startsWith("started ") && r.contains("after the rig's median"))
                .anyMatch(r -> r.startsWith("shutter on retry: shutter resent after ExchangeTimeoutException"));
        assertThat(second.ok()).isFalse();
        assertThat(report.failedTakes()).containsExactly(second);
        assertThat(report.allOk()).isFalse();
        assertThat(report.succeeded()).as("the camera that was late in take 2 did not succeed").isEqualTo(2);
    }
}
