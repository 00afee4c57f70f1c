package io.camrig.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.cluster.clock.ClusterClock;
import io.camrig.cluster.clock.SkewedClock;
import io.camrig.cluster.coordinator.ClusterOptions;
import io.camrig.cluster.coordinator.DistributedRig;
import io.camrig.cluster.coordinator.FireFigures;
import io.camrig.engine.rig.FireResult;
import io.camrig.engine.rig.Outcome;
import io.camrig.engine.rig.RigMember;
import io.camrig.engine.rig.RigResult;
import io.camrig.proto.catalog.Status;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A rig across three in-process nodes on the embedded HiveMQ broker, each node's clock skewed by
 * an injected offset (±250 ms) and drift (±100 ppm): the coordinator's instant T still becomes one
 * release instant on every node.
 */
class ClusterRigTest {
    private static BrokerFixture fixture;
    private static final ClusterClock TRUE = ClusterClock.system();
    /**
     * Eight builds share this machine's two cores: the broker's round trip here is 5-20 ms, so
     * the default 1 ms limit would refuse every node (which the refusal test shows with 1 ns).
     */
    private static final Duration LOADED_MACHINE_LIMIT = Duration.ofMillis(50);

    @BeforeAll
    static void start() throws Exception {
        fixture = new BrokerFixture();
        fixture.node("alpha", 3, SkewedClock.of(TRUE, Duration.ofMillis(250).toNanos(), 100));
        fixture.node("beta", 3, SkewedClock.of(TRUE, -Duration.ofMillis(250).toNanos(), -100));
        fixture.node("gamma", 2, TRUE);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private DistributedRig coordinator(ClusterOptions options) {
        return DistributedRig.connect(fixture.broker.url(), fixture.secret.login(Topics.COORDINATOR),
                options.withExpectedNodes(3).withClock(TRUE)).block(Duration.ofSeconds(30));
    }

    @Test
    void everyCameraIsNamedWithItsNodeAndAnswersPerCamera() {
        try (DistributedRig rig = coordinator(ClusterOptions.defaults())) {
            assertThat(rig.nodes()).containsExactly("alpha", "beta", "gamma");
            assertThat(rig.members()).hasSize(8).allSatisfy(m -> assertThat(m.node()).isPresent());
            assertThat(rig.members()).extracting(m -> m.node().orElseThrow())
                    .containsExactly("alpha", "alpha", "alpha", "beta", "beta", "beta", "gamma", "gamma");
            assertThat(rig.connect().block(Duration.ofSeconds(30)).allOk()).isTrue();
            RigResult<Map<Integer, Long>> statuses = rig.registerStatusUpdates(Status.BUSY.id(), Status.ENCODING.id())
                    .block(Duration.ofSeconds(30));
            assertThat(statuses.allOk()).isTrue();
            assertThat(statuses.outcomes().values()).allSatisfy(o ->
                    assertThat(((Outcome.Ok<Map<Integer, Long>>) o).value()).containsEntry(Status.ENCODING.id(), 0L));
            RigResult<Long> latency = rig.measureLatency(4).block(Duration.ofSeconds(30));
            assertThat(latency.allOk()).isTrue();
            assertThat(rig.ping().block(Duration.ofSeconds(10))).isPositive();
        }
    }

    @Test
    void skewedAndDriftingNodeClocksStillReleaseAtOneInstant() {
        try (DistributedRig rig = coordinator(ClusterOptions.defaults().withClockLimit(LOADED_MACHINE_LIMIT)
                .withFireLead(Duration.ofSeconds(3)))) {
            rig.registerStatusUpdates(Status.BUSY.id(), Status.ENCODING.id()).block(Duration.ofSeconds(30));
            FireResult on = rig.fire(true).block(Duration.ofSeconds(60));
            assertThat(on.shutter().allOk()).as("%s", rig.members().stream().map(m -> m.failure().map(Throwable::getMessage)).toList()).isTrue();
            assertThat(on.encoding().allOk()).isTrue();
            FireFigures figures = rig.lastFire().orElseThrow();
            assertThat(figures.hostWrites()).hasSize(8);
            assertThat(figures.clocks().get("alpha").offsetNanos())
                    .isCloseTo(-Duration.ofMillis(250).toNanos(), org.assertj.core.data.Offset.offset(5_000_000L));
            assertThat(figures.clocks().get("beta").offsetNanos())
                    .isCloseTo(Duration.ofMillis(250).toNanos(), org.assertj.core.data.Offset.offset(5_000_000L));
            // Every simulated camera has the same latency, so every write is due at one instant:
            // uncorrected, alpha and beta would release 500 ms apart. The bound proves the correction,
            // not the precision: on this shared 2-core machine a release thread can be held off-CPU
            // for tens of ms (89 ms seen at load 15); the precision is measured by camrig bench cluster.
            assertThat(figures.hostWriteSpreadNanos().orElseThrow()).isLessThan(Duration.ofMillis(250).toNanos());
            FireResult off = rig.fire(false).block(Duration.ofSeconds(60));
            assertThat(off.shutter().allOk()).isTrue();
        }
    }

    @Test
    void aNodeWhoseClockIsNotTrustedIsRefusedAtArmWithTheFigure() {
        try (DistributedRig rig = coordinator(ClusterOptions.defaults().withClockLimit(Duration.ofNanos(1)))) {
            FireResult on = rig.fire(true).block(Duration.ofSeconds(60));
            assertThat(rig.members()).allSatisfy(m -> {
                assertThat(m.failure()).containsInstanceOf(ClockUntrustedException.class);
                assertThat(m.failure().orElseThrow().getMessage()).containsPattern("offset -?[0-9.]+ ms ± [0-9.]+ ms, limit 0.000 ms");
            });
            assertThat(on.shutter().outcomes().values()).allMatch(o -> o instanceof Outcome.Skipped);
            assertThat(rig.members().stream().map(RigMember::failedStep)).allMatch(s -> s.orElseThrow().equals("arm on"));
        }
    }
}
