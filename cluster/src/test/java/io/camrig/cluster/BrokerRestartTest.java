package io.camrig.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.cluster.clock.ClusterClock;
import io.camrig.cluster.coordinator.ClusterOptions;
import io.camrig.cluster.coordinator.DistributedRig;
import io.camrig.cluster.mqtt.MqttLink;
import io.camrig.cluster.node.NodeOptions;
import io.camrig.cluster.node.RigNode;
import io.camrig.cluster.wire.CameraEntry;
import io.camrig.cluster.wire.Fire;
import io.camrig.cluster.wire.Presence;
import io.camrig.cluster.wire.Reply;
import io.camrig.cluster.wire.Wire;
import io.camrig.engine.rig.LateFireException;
import io.camrig.engine.rig.RigOptions;
import io.camrig.proto.catalog.Status;
import io.camrig.simulator.SimulatorOptions;
import io.camrig.simulator.VirtualRig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.ConnectableFlux;
import reactor.core.publisher.Mono;

/**
 * Issue 16.3 end to end on a real Mosquitto restarted mid-session (it keeps no state, as after a
 * crash): the nodes and the coordinator reconnect by themselves and the next take fires on every
 * camera; a fire delivered twice (as QoS 1 redelivers after a reconnect) runs once; a fire heard
 * after its expiry is refused and nothing is written. Every wait is on a signal (presence, replies);
 * the cameras' own encoding starts ({@code VirtualCamera#onEncodingStart}) are the ground truth.
 */
class BrokerRestartTest {
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final Map<String, AtomicInteger> encodingStarts = Map.of("alpha", new AtomicInteger(), "beta", new AtomicInteger());

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    private RigNode node(MosquittoFixture mosquitto, String id) {
        VirtualRig sim = VirtualRig.start(SimulatorOptions.defaults().withCameras(2).withMediaFileBytes(1024)
                .withSeed(id.hashCode())).block(Duration.ofSeconds(30));
        closeables.add(sim);
        sim.cameras().forEach(c -> c.onEncodingStart(n -> encodingStarts.get(id).incrementAndGet()));
        RigNode node = RigNode.start(mosquitto.url, mosquitto.login(id), sim.central(),
                NodeOptions.defaults(id).withRig(RigOptions.defaults().withExpectedCameras(2).withRealtimeFire(false)))
                .block(Duration.ofSeconds(60));
        closeables.add(0, node);
        return node;
    }

    @Test
    void nodesAndCoordinatorComeBackByThemselvesAndNothingRunsTwiceOrLate() throws Exception {
        MosquittoFixture mosquitto = new MosquittoFixture(List.of(Topics.COORDINATOR, "alpha", "beta"));
        closeables.add(mosquitto);
        RigNode alpha = node(mosquitto, "alpha");
        node(mosquitto, "beta");
        ClusterClock clock = ClusterClock.system();
        DistributedRig rig = DistributedRig.connect(mosquitto.url, mosquitto.login(Topics.COORDINATOR),
                ClusterOptions.defaults().withExpectedNodes(2).withClockLimit(Duration.ofMillis(50))
                        .withFireLead(Duration.ofSeconds(1)).withClock(clock)).block(Duration.ofSeconds(30));
        closeables.add(0, rig);
        assertThat(rig.connect().block(Duration.ofSeconds(30)).allOk()).isTrue();
        rig.registerStatusUpdates(Status.BUSY.id(), Status.ENCODING.id()).block(Duration.ofSeconds(30));
        rig.claimControl().block(Duration.ofSeconds(30));
        assertThat(rig.measureLatency(4).block(Duration.ofSeconds(30)).allOk()).isTrue();
        // One take first: arming makes the nodes' clock exchanges with this coordinator (a node only
        // fires on a clock estimate), and it shows every camera fires.
        assertThat(rig.fire(true).block(Duration.ofSeconds(60)).shutter().allOk()).isTrue();
        assertThat(rig.fire(false).block(Duration.ofSeconds(60)).shutter().allOk()).isTrue();
        assertThat(encodingStarts.get("alpha")).hasValue(2);
        // A second coordinator connection that publishes fires by hand and reads alpha's replies.
        MqttLink raw = MqttLink.connect(mosquitto.url, mosquitto.login(Topics.COORDINATOR), "restart-raw", 0, 5, null)
                .block(Duration.ofSeconds(20));
        closeables.add(0, raw);
        raw.subscribe(Topics.reply("alpha")).block(Duration.ofSeconds(10));
        ConnectableFlux<Reply> replies = raw.inbound().filter(m -> m.topic().equals(Topics.reply("alpha")))
                .map(m -> Wire.decode(m.payload(), Reply.class, m.topic())).replay();
        replies.connect();

        // Before the restart: a fire on alpha only, which runs (its two cameras start encoding).
        Fire once = new Fire("redelivered-fire", true, clock.nowNanos() + 1_000_000_000L, clock.nowNanos() + 500_000_000L,
                50_000_000L, List.of("alpha"));
        raw.publish(Topics.fire(), Wire.encode(once), true, false, 0).block(Duration.ofSeconds(10));
        Reply first = replies.filter(r -> r.id().equals(once.id())).next().block(Duration.ofSeconds(30));
        assertThat(first.cameras()).as("%s", first).extracting(CameraEntry::status).containsOnly(CameraEntry.OK);
        assertThat(encodingStarts.get("alpha")).hasValue(4);
        assertThat(rig.fire(false).block(Duration.ofSeconds(60)).shutter().allOk()).isTrue();

        AtomicBoolean restarted = new AtomicBoolean();
        Mono<List<String>> back = rig.presence().filter(p -> restarted.get() && p.online()).map(Presence::node)
                .distinct().take(2).collectList().cache();
        back.subscribe(x -> { }, e -> { });
        restarted.set(true);
        mosquitto.restart();
        assertThat(back.block(Duration.ofSeconds(60))).containsExactlyInAnyOrder("alpha", "beta");

        // The coordinator came back by itself too: the next take fires on every camera.
        var on = rig.fire(true).block(Duration.ofSeconds(60));
        assertThat(on.shutter().allOk()).as("%s", on.shutter()).isTrue();
        assertThat(encodingStarts.get("alpha")).hasValue(6);
        assertThat(encodingStarts.get("beta")).hasValue(4);
        assertThat(rig.fire(false).block(Duration.ofSeconds(60)).shutter().allOk()).isTrue();

        // The fire of before the restart delivered again, as QoS 1 redelivers: answered with its first
        // reply, not run again (and not refused as late either: it never reaches the fire path).
        raw.publish(Topics.fire(), Wire.encode(once), true, false, 0).block(Duration.ofSeconds(10));
        Reply again = replies.filter(r -> r.id().equals(once.id())).skip(1).next().block(Duration.ofSeconds(30));
        assertThat(again).isEqualTo(first);
        assertThat(alpha.duplicateDeliveries()).isEqualTo(1);

        // A fire heard after its expiry (coordinator clock): refused, nothing written.
        long now = clock.nowNanos();
        Fire late = new Fire("late-fire", true, now + 300_000_000L, now - 1_000_000L, 50_000_000L, List.of("alpha"));
        raw.publish(Topics.fire(), Wire.encode(late), true, false, 0).block(Duration.ofSeconds(10));
        Reply refused = replies.filter(r -> r.id().equals(late.id())).next().block(Duration.ofSeconds(30));
        assertThat(refused.cameras()).extracting(CameraEntry::error).containsOnly(LateFireException.class.getSimpleName());
        assertThat(encodingStarts.get("alpha")).hasValue(6);
    }
}
