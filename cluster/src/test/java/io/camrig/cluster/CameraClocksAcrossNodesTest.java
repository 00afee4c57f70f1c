package io.camrig.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.camrig.cluster.clock.ClusterClock;
import io.camrig.cluster.clock.SkewedClock;
import io.camrig.cluster.coordinator.ClusterOptions;
import io.camrig.cluster.coordinator.DistributedRig;
import io.camrig.cluster.node.CameraClockSet;
import io.camrig.cluster.node.RigNode;
import io.camrig.cluster.take.ClusterTake;
import io.camrig.engine.rig.FireResult;
import io.camrig.engine.sync.SyncTolerance;
import io.camrig.engine.take.TakeCamera;
import io.camrig.engine.take.TakeManifest;
import io.camrig.engine.take.TakeStore;
import io.camrig.simulator.camera.VirtualCamera;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes whose host clocks are 500 ms apart (+250 ms and −250 ms, {@link SkewedClock}, as
 * {@code camrig node --clock-offset-ms} plays it) set their simulated cameras' clocks from the
 * coordinator's time: the four cameras' clocks agree within a frame, so do their footage's start
 * timecodes, and the take's manifest says per camera which offset its node applied. Set from the
 * nodes' own clocks, the cameras would be 500 ms (15 frames at 30 fps) apart. Real time, no sleeps:
 * the test waits on the nodes' clock-set events and the take.
 */
class CameraClocksAcrossNodesTest {
    private static final Duration FRAME = Duration.ofNanos(1_000_000_000L / 30);
    private static BrokerFixture fixture;
    @TempDir
    static Path media;
    private static RigNode alpha;
    private static RigNode beta;

    @BeforeAll
    static void start() throws Exception {
        fixture = new BrokerFixture();
        alpha = fixture.node("alpha", 2, SkewedClock.of(ClusterClock.system(), 250_000_000L, 0), 64 * 1024, media);
        beta = fixture.node("beta", 2, SkewedClock.of(ClusterClock.system(), -250_000_000L, 0), 64 * 1024, media);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    /** Waits until the node has set each of its cameras' clocks once; their sets. */
    private static List<CameraClockSet> setOnce(RigNode node) {
        return node.cameraClockSets().distinct(CameraClockSet::index).take(2).collectList().block(Duration.ofSeconds(60));
    }

    @Test
    void camerasOfNodesWhoseClocksDifferBy500MsReadTheCoordinatorsTimeWithinAFrame() {
        TakeManifest m;
        try (DistributedRig rig = DistributedRig.connect(fixture.broker.url(), fixture.secret.login(Topics.COORDINATOR),
                ClusterOptions.defaults().withExpectedNodes(2).withClockLimit(Duration.ofMillis(50))
                        .withFireLead(Duration.ofSeconds(2))).block(Duration.ofSeconds(30))) {
            // The coordinator answers the nodes' clock exchanges: once their offsets are known, they set the clocks.
            assertThat(setOnce(alpha)).allSatisfy(s -> assertThat(s.offsetNanos() / 1e6).isCloseTo(-250, within(5.0)));
            assertThat(setOnce(beta)).allSatisfy(s -> assertThat(s.offsetNanos() / 1e6).isCloseTo(250, within(5.0)));
            rig.measureLatency(4).block(Duration.ofSeconds(30));
            FireResult on = rig.fire(true).block(Duration.ofSeconds(60));
            var figures = rig.lastFire();
            // While the shutter is on, each camera's clock against the true time (the coordinator's: the host's).
            Instant now = Instant.now();
            LocalDateTime truth = LocalDateTime.ofInstant(now, ZoneId.systemDefault());
            List<VirtualCamera> cameras = Stream.of("alpha", "beta").map(fixture::simulator)
                    .flatMap(s -> s.cameras().stream()).toList();
            assertThat(cameras).hasSize(4).allSatisfy(c -> {
                assertThat(c.clock()).as("set over BLE").isNotNull();
                assertThat(Duration.between(truth, c.clockAt(now)).abs()).as(c.identity().serial()).isLessThan(FRAME);
            });
            rig.fire(false).block(Duration.ofSeconds(60));
            m = new ClusterTake(new TakeStore(media), "stage", SyncTolerance.defaults().withMaxSpread(Duration.ofSeconds(2))
                    .withFootageFrames(30), Duration.ofMinutes(2)).record(rig, on, figures).block(Duration.ofMinutes(3));
        }
        // The footage's start timecodes (frame-granular) agree within a frame across the nodes.
        @SuppressWarnings("unchecked")
        Map<String, Object> sync = (Map<String, Object>) m.extensions().get("sync");
        assertThat(((Number) sync.get("timecodeSpreadFrames")).intValue()).isLessThanOrEqualTo(1);
        // Each camera's entry says its clock came from the coordinator and which offset its node applied.
        assertThat(m.cameras()).hasSize(4).allSatisfy(c -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> clock = (Map<String, Object>) c.extensions().get("cameraClock");
            assertThat(clock).containsEntry("source", "coordinator").containsEntry("node", c.node())
                    .containsKeys("value", "setAt", "uncertaintyMs", "errorMs");
            double expected = c.node().equals("alpha") ? -250 : 250;
            assertThat(((Number) clock.get("offsetMs")).doubleValue()).isCloseTo(expected, within(5.0));
            assertThat(Math.abs(((Number) clock.get("errorMs")).doubleValue())).isLessThan(FRAME.toNanos() / 1e6);
        });
        assertThat(m.cameras()).extracting(TakeCamera::node).containsExactly("alpha", "alpha", "beta", "beta");
    }
}
