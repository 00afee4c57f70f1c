package io.camrig.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.camrig.cluster.clock.ClusterClock;
import io.camrig.cluster.coordinator.ClusterOptions;
import io.camrig.cluster.coordinator.DistributedRig;
import io.camrig.cluster.mqtt.MqttLink;
import io.camrig.cluster.node.NodeMedia;
import io.camrig.cluster.node.RigNode;
import io.camrig.cluster.take.ClusterTake;
import io.camrig.engine.offload.OffloadEvent;
import io.camrig.engine.rig.FireResult;
import io.camrig.engine.session.HttpAddressResolver;
import io.camrig.engine.sync.SyncTolerance;
import io.camrig.engine.take.TakeCamera;
import io.camrig.engine.take.TakeFile;
import io.camrig.engine.take.TakeManifest;
import io.camrig.engine.take.TakeStore;
import io.camrig.http.Sha256;
import io.camrig.http.wifi.HostWifi;
import io.camrig.http.wifi.HostWifiLink;
import io.camrig.http.wifi.WifiAccessPoint;
import io.camrig.simulator.VirtualRig;
import io.camrig.simulator.camera.VirtualCamera;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Nodes whose cameras have no plain HTTP path (as a BlueZ node's real cameras): each camera
 * reached over COHN when the node has its COHN address, else over its own AP, switched on and read
 * over simulated BLE and joined through the node's (simulated, counting) host Wi-Fi one camera at a
 * time. A node whose AP address leads to the wrong camera (two cameras both at 10.5.5.9, the join
 * not taking) credits nothing: the serial check over HTTP fails it. No AP password shows in the
 * logs, the MQTT messages or the manifests.
 */
class NodeOffloadLinksTest {
    private static BrokerFixture fixture;
    @TempDir
    static Path media;
    private static final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private static final Map<String, CountingWifi> wifis = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        fixture = new BrokerFixture();
    }

    @AfterAll
    static void stop() {
        fixture.close();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }

    /** Over its AP at its own loopback port (the simulator routes no traffic), through a counting host Wi-Fi. */
    private static NodeMedia overAp(String node, VirtualRig sim) {
        CountingWifi wifi = new CountingWifi(sim.hostWifi());
        wifis.put(node, wifi);
        return NodeMedia.defaults().withMediaDir(media).withAccessPoints(wifi, HttpAddressResolver.ofUris(sim::httpBaseUri));
    }

    @Test
    void camerasWithoutAPlainHttpPathAreOffloadedOverCohnElseTheirApsAndOnlyTheRightCameraIsCredited() throws Exception {
        List<String> published = new CopyOnWriteArrayList<>();
        MqttLink raw = MqttLink.connect(fixture.broker.url(), fixture.secret.login(Topics.COORDINATOR), "links-raw", 0, 5,
                null).block(Duration.ofSeconds(20));
        raw.subscribe(Topics.allNodes()).block(Duration.ofSeconds(10));
        var watching = raw.inbound().subscribe(m -> published.add(new String(m.payload(), StandardCharsets.UTF_8)));
        // alpha: both cameras only over their APs.
        RigNode alpha = fixture.node("alpha", 2, ClusterClock.system(), 64 * 1024, sim -> overAp("alpha", sim));
        // gamma: camera 1 has a COHN address (played by its loopback port), camera 2 only its AP.
        RigNode gamma = fixture.node("gamma", 2, ClusterClock.system(), 64 * 1024, sim -> overAp("gamma", sim)
                .withCohn(serial -> serial.equals(sim.cameras().get(0).identity().serial())
                        ? HttpAddressResolver.ofUris(sim::httpBaseUri).resolve(serial) : Optional.empty()));
        // beta: every camera's AP address answers as the other camera (both at 10.5.5.9, the join did not take).
        RigNode beta = fixture.node("beta", 2, ClusterClock.system(), 64 * 1024, sim -> overAp("beta", sim)
                .withAccessPoints(wifis.get("beta"), serial -> sim.cameras().stream()
                        .filter(c -> !c.identity().serial().equals(serial)).findFirst()
                        .flatMap(c -> sim.httpBaseUri(c.identity().serial())).map(io.camrig.http.address.CameraAddress::of)));
        List<OffloadEvent> alphaEvents = new CopyOnWriteArrayList<>();
        var alphaWatch = alpha.offloadEvents().subscribe(alphaEvents::add);

        TakeManifest m;
        try (DistributedRig rig = DistributedRig.connect(fixture.broker.url(), fixture.secret.login(Topics.COORDINATOR),
                ClusterOptions.defaults().withExpectedNodes(3).withClockLimit(Duration.ofMillis(50))
                        .withFireLead(Duration.ofSeconds(2))).block(Duration.ofSeconds(30))) {
            rig.measureLatency(4).block(Duration.ofSeconds(30));
            FireResult on = rig.fire(true).block(Duration.ofSeconds(60));
            var figures = rig.lastFire();
            rig.fire(false).block(Duration.ofSeconds(60));
            m = new ClusterTake(new TakeStore(media), "stage", SyncTolerance.defaults().withMaxSpread(Duration.ofSeconds(2))
                    .withFootageFrames(30), Duration.ofMinutes(2)).record(rig, on, figures).block(Duration.ofMinutes(3));
        } finally {
            alphaWatch.dispose();
        }

        // alpha and gamma: every camera's file verified, credited to the camera it came from.
        assertThat(m.cameras()).filteredOn(c -> !c.node().equals("beta")).hasSize(4).allSatisfy(c -> {
            assertThat(c.steps()).containsEntry("offload on " + c.node(), "ok");
            assertThat(c.files()).singleElement().satisfies(f -> {
                assertThat(f.state()).isEqualTo(TakeFile.State.VERIFIED);
                assertThat(f.sha256()).isEqualTo(Sha256.of(media.resolve(m.takeId()).resolve(f.path())));
                assertThat(f.footage()).containsEntry("cameraId", c.serial());
            });
        });
        // Over APs: one join per camera without COHN, never two at once, each left afterwards.
        assertThat(wifis.get("alpha").joins.get()).isEqualTo(2);
        assertThat(wifis.get("gamma").joins.get()).isEqualTo(1);
        assertThat(wifis.values()).allSatisfy(w -> {
            assertThat(w.mostAtOnce.get()).isEqualTo(1);
            assertThat(w.active.get()).isZero();
        });
        // alpha's cameras one after the other: each camera's events in one run, never interleaved.
        List<String> runs = new ArrayList<>();
        alphaEvents.stream().map(OffloadEvent::serial).forEach(s -> {
            if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(s)) {
                runs.add(s);
            }
        });
        assertThat(runs).doesNotHaveDuplicates().hasSize(2);
        // beta: the camera answering at its AP address is another one: nothing credited.
        assertThat(m.cameras()).filteredOn(c -> c.node().equals("beta")).hasSize(2).allSatisfy(c -> {
            assertThat(c.steps().get("offload on beta")).startsWith("failed: WrongCameraException");
            assertThat(c.files()).noneMatch(TakeFile::verified);
        });

        // No AP password anywhere: logs, MQTT messages, manifests.
        watching.dispose();
        raw.close();
        List<String> passwords = Stream.of("alpha", "beta", "gamma").map(fixture::simulator)
                .flatMap(s -> s.cameras().stream()).map(VirtualCamera::identity).map(i -> i.apPassword()).toList();
        assertThat(passwords).hasSize(6).allSatisfy(p -> assertThat(p).hasSizeGreaterThan(6));
        assertThat(published).isNotEmpty();
        List<String> logged = logs.list.stream().map(e -> e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage())).toList();
        List<String> manifests;
        try (Stream<Path> files = Files.list(media.resolve(m.takeId()))) {
            manifests = files.filter(p -> p.getFileName().toString().endsWith(".json")).map(p -> {
                try {
                    return Files.readString(p);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertThat(manifests).hasSize(4);
        for (String p : passwords) {
            assertThat(published).noneMatch(x -> x.contains(p));
            assertThat(logged).noneMatch(x -> x.contains(p));
            assertThat(manifests).noneMatch(x -> x.contains(p));
        }
    }

    /** The simulated host Wi-Fi, counting joins and how many are held at once. */
    private static final class CountingWifi implements HostWifi {
        private final HostWifi delegate;
        final AtomicInteger joins = new AtomicInteger();
        final AtomicInteger active = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();

        CountingWifi(HostWifi delegate) {
            this.delegate = delegate;
        }

        @Override
        public Mono<List<WifiAccessPoint>> scan(Duration timeout) {
            return delegate.scan(timeout);
        }

        @Override
        public Mono<HostWifiLink> join(String ssid, String password, Duration timeout) {
            return delegate.join(ssid, password, timeout).map(link -> {
                joins.incrementAndGet();
                mostAtOnce.accumulateAndGet(active.incrementAndGet(), Math::max);
                return new HostWifiLink() {
                    @Override
                    public String ssid() {
                        return link.ssid();
                    }

                    @Override
                    public Optional<String> previous() {
                        return link.previous();
                    }

                    @Override
                    public Mono<Void> restore() {
                        return link.restore().doFinally(s -> active.decrementAndGet());
                    }
                };
            });
        }

        @Override
        public Mono<Optional<String>> currentSsid() {
            return delegate.currentSsid();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
