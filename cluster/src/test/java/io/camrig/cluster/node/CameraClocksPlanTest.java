package io.camrig.cluster.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** When a camera's Set Date/Time is written: to arrive at the coordinator's next whole second past the lead. */
class CameraClocksPlanTest {
    private static final long S = 1_000_000_000L;

    @Test
    void theWriteArrivesAtTheNextWholeCoordinatorSecondPastTheLead() {
        long now = 1_700_000_000L * S + 300_000_000L;
        CameraClocks.Plan p = CameraClocks.Plan.of(now, 12_000_000L);
        assertThat(p.atNanos()).isEqualTo(1_700_000_001L * S);
        // 700 ms to the second, less the 12 ms the command takes to reach the camera.
        assertThat(p.writeAfter()).isEqualTo(Duration.ofMillis(688));
    }

    @Test
    void tooCloseToTheNextSecondWaitsForTheOneAfter() {
        long now = 1_700_000_000L * S + 900_000_000L;
        CameraClocks.Plan p = CameraClocks.Plan.of(now, 0);
        assertThat(p.atNanos()).isEqualTo(1_700_000_002L * S);
        assertThat(p.writeAfter()).isEqualTo(Duration.ofMillis(1100));
        // Exactly on a second and the lead fits: the next second.
        CameraClocks.Plan on = CameraClocks.Plan.of(1_700_000_000L * S, 0);
        assertThat(on.atNanos()).isEqualTo(1_700_000_001L * S);
    }

    @Test
    void aLatencyLongerThanTheWaitWritesAtOnce() {
        long now = 1_700_000_000L * S + 800_000_000L;
        CameraClocks.Plan p = CameraClocks.Plan.of(now, 2 * S);
        assertThat(p.writeAfter()).isEqualTo(Duration.ZERO);
    }
}
