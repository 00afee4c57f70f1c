package io.camrig.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.camrig.footage.Timecode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TakeSyncTest {
    private static final long MS = 1_000_000L;
    /** Host nanoTime of the shot, and the camera clock value camrig set 10 s before it. */
    private static final long T = 5_000_000_000_000L;
    private static final LocalDateTime SET = LocalDateTime.of(2026, 12, 7, 10, 0, 0);
    private static final long SET_AT = T - 10_000 * MS;

    /** A camera whose clock was applied at {@code setAt} and whose footage starts at host instant {@code start}. */
    private static CameraStart camera(String name, Long fire, long setAt, long start, List<String> notes) {
        long todNanos = SET.toLocalTime().toNanoOfDay() + (start - setAt);
        long frame = (long) Math.floor(todNanos / (1001e9 / 30000));
        Timecode tc = new Timecode(frame, 30000, 1001, 30, 2);
        return new CameraStart(name, "S" + name, fire == null ? OptionalLong.empty() : OptionalLong.of(fire),
                Optional.of(tc), Optional.of(new ClockSet(SET, setAt - MS, setAt + MS)), notes);
    }

    private static List<CameraStart> rig(int n) {
        List<CameraStart> starts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long start = T + i * 200_000L;   // 0.2 ms apart
            starts.add(camera("cam" + i, start, SET_AT, start, List.of()));
        }
        return starts;
    }

    @Test
    void aTightTakeIsOkWithItsSpreadsInMsAndFrames() {
        TakeSync sync = TakeSync.of(rig(8), SyncTolerance.defaults());

        assertThat(sync.ok()).isTrue();
        assertThat(sync.spreadMillis().getAsDouble()).isCloseTo(1.4, within(1e-9));
        assertThat(sync.timecodeSpreadFrames().getAsLong()).isBetween(0L, 1L);
        assertThat(sync.frameMillis()).isCloseTo(33.367, within(0.001));
        assertThat(sync.cameras()).allSatisfy(c -> {
            assertThat(c.flagged()).isFalse();
            assertThat(c.reasons()).isEmpty();
            assertThat(Math.abs(c.disagreementMillis().getAsDouble())).isLessThan(34.0);
        });
    }

    @Test
    void aCameraFourHundredMsLateIsFlaggedWithWhatCamrigSawAndTheTakeFails() {
        List<CameraStart> starts = rig(8);
        long late = T + 420 * MS;
        starts.set(5, camera("cam5", late, SET_AT, late, List.of("shutter resent after ExchangeTimeoutException")));

        TakeSync sync = TakeSync.of(starts, SyncTolerance.defaults());

        assertThat(sync.ok()).isFalse();
        assertThat(sync.spreadMillis().getAsDouble()).isGreaterThan(418);
        assertThat(sync.flagged()).singleElement().satisfies(c -> {
            assertThat(c.camera()).isEqualTo("cam5");
            assertThat(c.offsetMillis().getAsDouble()).isCloseTo(419.2, within(0.5));
            assertThat(c.reasons()).anyMatch(r -> r.startsWith("started 419."))
                    .contains("shutter resent after ExchangeTimeoutException");
        });
    }

    @Test
    void aWiderToleranceLetsTheSameTakePass() {
        List<CameraStart> starts = rig(4);
        long late = T + 40 * MS;
        starts.set(1, camera("cam1", late, SET_AT, late, List.of()));

        assertThat(TakeSync.of(starts, SyncTolerance.defaults()).ok()).isFalse();
        assertThat(TakeSync.of(starts, SyncTolerance.defaults().withMaxSpread(Duration.ofMillis(100))).ok()).isTrue();
    }

    @Test
    void aCameraThatMissedTheShutterIsFlagged() {
        List<CameraStart> starts = rig(3);
        starts.set(2, new CameraStart("cam2", "S2", OptionalLong.empty(), Optional.empty(), Optional.empty(),
                List.of("failed in shutter on: ExchangeTimeoutException")));

        TakeSync sync = TakeSync.of(starts, SyncTolerance.defaults());

        assertThat(sync.ok()).isFalse();
        assertThat(sync.flagged()).singleElement().satisfies(c -> assertThat(c.reasons())
                .containsExactly("missed the shutter (no camera-side start)",
                        "failed in shutter on: ExchangeTimeoutException"));
    }

    @Test
    void footageStartingLateIsFlaggedThoughTheFireLooksPerfect() {
        List<CameraStart> starts = rig(6);
        // the camera said "encoding" with the others, but its footage begins 500 ms later
        starts.set(3, camera("cam3", T + 3 * 200_000L, SET_AT, T + 500 * MS, List.of()));

        TakeSync sync = TakeSync.of(starts, SyncTolerance.defaults());

        assertThat(sync.timecodeSpreadFrames().getAsLong()).isBetween(14L, 16L);
        assertThat(sync.flagged()).singleElement().satisfies(c -> {
            assertThat(c.camera()).isEqualTo("cam3");
            assertThat(c.offsetMillis().getAsDouble()).isLessThan(1.0);
            assertThat(c.disagreementMillis().getAsDouble()).isCloseTo(500, within(34.0));
            assertThat(c.reasons().get(0)).startsWith("its footage starts 50").contains("later than the fire says");
            assertThat(c.reasons()).contains("camrig saw no retry, reconnect or failure on this camera");
        });
    }

    @Test
    void clocksSetAtDifferentInstantsAreTranslatedNotFlagged() {
        List<CameraStart> starts = rig(4);
        // camera 2's clock was set 300 ms after the others': its timecode reads 9 frames early,
        // yet it started with the rig
        long start = T + 2 * 200_000L;
        starts.set(2, camera("cam2", start, SET_AT + 300 * MS, start, List.of()));

        TakeSync sync = TakeSync.of(starts, SyncTolerance.defaults());

        assertThat(sync.ok()).isTrue();
        assertThat(sync.timecodeSpreadFrames().getAsLong()).isBetween(8L, 10L);
        assertThat(sync.footageSpreadMillis().getAsDouble()).isLessThan(34.0);
    }

    @Test
    void translationWrapsAroundTheCamerasMidnight() {
        ClockSet set = new ClockSet(LocalDateTime.of(2026, 12, 7, 23, 59, 59), 0, 2 * MS);
        Timecode justAfterMidnight = new Timecode(30, 30000, 1001, 30, 2);   // 00:00:01.001
        long host = TakeSync.footageNanos(justAfterMidnight, set);
        assertThat(host - set.appliedNanos()).isCloseTo(2_001 * MS, within(MS));
    }

    @Test
    void theManifestAdapterCarriesTheFlagTheOffsetAndTheReasons() {
        List<CameraStart> starts = rig(3);
        long late = T + 420 * MS;
        starts.set(1, camera("cam1", late, SET_AT, late, List.of("reconnected 1 time during the take")));
        TakeSync sync = TakeSync.of(starts, SyncTolerance.defaults());

        ManifestFacts.Start start = ManifestFacts.start(sync.cameras().get(1));
        assertThat(start.late()).isTrue();
        assertThat(start.offsetMillis()).isCloseTo(419.8, within(0.5));
        assertThat(start.reason()).contains("after the rig's median").endsWith("reconnected 1 time during the take");
        assertThat(ManifestFacts.take(sync)).containsEntry("ok", false).containsEntry("flagged", List.of("cam1"))
                .containsEntry("maxSpreadMs", 50.0).containsKey("timecodeSpreadFrames");
    }
}
