package io.camrig.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.cluster.clock.ClusterClock;
import io.camrig.cluster.coordinator.ClusterOptions;
import io.camrig.cluster.coordinator.DistributedRig;
import io.camrig.cluster.mqtt.MqttLink;
import io.camrig.cluster.node.RigNode;
import io.camrig.cluster.take.ClusterTake;
import io.camrig.cluster.wire.CameraEntry;
import io.camrig.cluster.wire.Command;
import io.camrig.cluster.wire.Reply;
import io.camrig.cluster.wire.Wire;
import io.camrig.engine.offload.OffloadEvent;
import io.camrig.engine.rig.FireResult;
import io.camrig.engine.rig.RigMember;
import io.camrig.engine.sync.SyncTolerance;
import io.camrig.engine.take.TakeCamera;
import io.camrig.engine.take.TakeFile;
import io.camrig.engine.take.TakeManifest;
import io.camrig.engine.take.TakeStore;
import io.camrig.http.Sha256;
import io.camrig.simulator.camera.VirtualCamera;
import io.camrig.simulator.http.HttpFaults;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.ConnectableFlux;
import reactor.core.scheduler.Schedulers;

/**
 * A take across two in-process nodes on the embedded HiveMQ broker, both offloading into one media
 * directory shared with the coordinator (as the demo on one machine does): one {@code take.json}
 * with every camera and its node, files that {@code takes verify} re-hashes, the same manifest
 * read on a host that holds none of the files (each reported held on its node), a replayed
 * offload request answered without a second download, and a node lost mid-offload failing only
 * its own cameras with a node-gone cause. The tests run in order: the last one loses a node.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTakeTest {
    private static BrokerFixture fixture;
    @TempDir
    static Path media;
    private static RigNode alpha;
    private static RigNode beta;

    @BeforeAll
    static void start() throws Exception {
        fixture = new BrokerFixture();
        alpha = fixture.node("alpha", 2, ClusterClock.system(), 64 * 1024, media);
        beta = fixture.node("beta", 2, ClusterClock.system(), 1024 * 1024, media);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static DistributedRig coordinator() {
        return DistributedRig.connect(fixture.broker.url(), fixture.secret.login(Topics.COORDINATOR),
                ClusterOptions.defaults().withExpectedNodes(2).withClockLimit(Duration.ofMillis(50))
                        .withFireLead(Duration.ofSeconds(2))).block(Duration.ofSeconds(30));
    }

    /** Fires on then off, then records the take: the manifest as the coordinator wrote it. */
    private static TakeManifest take(DistributedRig rig) {
        rig.measureLatency(4).block(Duration.ofSeconds(30));
        FireResult on = rig.fire(true).block(Duration.ofSeconds(60));
        var figures = rig.lastFire();
        rig.fire(false).block(Duration.ofSeconds(60));
        // Wide tolerances: on this shared 2-core machine an encoding status can reach its node 100+ ms late.
        return new ClusterTake(new TakeStore(media), "stage", SyncTolerance.defaults().withMaxSpread(Duration.ofSeconds(2))
                .withFootageFrames(30), Duration.ofMinutes(2)).record(rig, on, figures).block(Duration.ofMinutes(3));
    }

    /**
     * A 3 s take in which {@code split} splits its recording into 4 chapters (alpha's 64 KiB
     * recordings at 16 KiB a chapter); {@code beforeOffload} is given the chapters' names once
     * the shutter is off, before the take is offloaded.
     */
    private static TakeManifest chapteredTake(VirtualCamera split, java.util.function.Consumer<List<String>> beforeOffload) {
        var card = split.sdCard();
        card.videos().splitChaptersAt(16 * 1024);
        try (DistributedRig rig = coordinator()) {
            rig.measureLatency(4).block(Duration.ofSeconds(30));
            FireResult on = rig.fire(true).block(Duration.ofSeconds(60));
            var figures = rig.lastFire();
            reactor.core.publisher.Mono.delay(Duration.ofSeconds(3)).block();
            rig.fire(false).block(Duration.ofSeconds(60));
            beforeOffload.accept(card.files().subList(card.files().size() - 4, card.files().size()).stream()
                    .map(io.camrig.simulator.media.SdCardFile::name).toList());
            return new ClusterTake(new TakeStore(media), "stage", SyncTolerance.defaults()
                    .withMaxSpread(Duration.ofSeconds(2)).withFootageFrames(30), Duration.ofMinutes(2))
                    .record(rig, on, figures).block(Duration.ofMinutes(3));
        } finally {
            card.videos().splitChaptersAt(io.camrig.simulator.media.RecordedVideos.DEFAULT_CHAPTER_BYTES);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    @Order(1)
    void oneManifestHoldsEveryCameraWithItsNodeAndFilesThatVerify(@TempDir Path elsewhere) throws Exception {
        String id;
        try (DistributedRig rig = coordinator()) {
            id = take(rig).takeId();
        }
        // Read back as takes show / verify read it.
        TakeManifest m = new TakeStore(media).read(id).orElseThrow();
        assertThat(m.cameras()).hasSize(4);
        assertThat(m.cameras()).extracting(TakeCamera::node).containsExactly("alpha", "alpha", "beta", "beta");
        Set<String> serials = Set.of(fixture.simulator("alpha"), fixture.simulator("beta")).stream()
                .flatMap(r -> r.cameras().stream()).map(c -> c.identity().serial()).collect(Collectors.toSet());
        assertThat(m.cameras()).extracting(TakeCamera::serial).containsExactlyInAnyOrderElementsOf(serials);
        assertThat(m.cameras()).allSatisfy(c -> {
            assertThat(c.model()).isEqualTo("HERO12 Black");
            assertThat(c.firmware()).isNotEmpty();
            assertThat(c.steps()).containsEntry("offload", "ok").containsEntry("offload on " + c.node(), "ok")
                    .containsEntry("shutter on", "ok");
            assertThat(c.files()).singleElement().satisfies(f -> {
                assertThat(f.state()).isEqualTo(TakeFile.State.VERIFIED);
                assertThat(f.path()).isEqualTo(c.serial() + "/" + f.folder() + "/" + f.name());
                assertThat(f.sha256()).isEqualTo(Sha256.of(media.resolve(m.takeId()).resolve(f.path())));
                assertThat(f.footage()).containsEntry("cameraId", c.serial()).containsKey("startTimecode");
            });
            assertThat(c.startOffsetMillis()).isNotNull();
        });
        assertThat(m.fire().cameras()).isEqualTo(4);
        assertThat(m.fire().shutterOk()).isEqualTo(4);
        assertThat(map(m.extensions().get("crossNode"))).containsEntry("nodes", List.of("alpha", "beta"))
                .containsKeys("fireLeadMs", "clocks");
        assertThat(map(m.extensions().get("sync"))).containsKeys("timecodeSpreadFrames", "footageSpreadMs")
                .containsEntry("ok", true).containsEntry("flagged", List.of());
        assertThat(m.cameras()).noneMatch(TakeCamera::late);
        // Each node's own queue sits beside the coordinator's take.json in the shared directory.
        assertThat(media.resolve(m.takeId()).resolve("take.alpha.json")).isRegularFile();
        assertThat(media.resolve(m.takeId()).resolve("take.beta.json")).isRegularFile();

        // takes verify on this host re-hashes every file; on a host with only the manifest, every
        // file is reported held on its node rather than missing.
        assertThat(new TakeStore(media).verify(m)).hasSize(4)
                .allSatisfy(c -> assertThat(c.result()).as(c.detail()).isEqualTo(TakeStore.FileCheck.Result.OK));
        TakeStore bare = new TakeStore(elsewhere);
        bare.write(m);
        assertThat(bare.verify(m)).extracting(TakeStore.FileCheck::result).containsOnly(TakeStore.FileCheck.Result.ELSEWHERE);
        assertThat(bare.verify(m)).extracting(TakeStore.FileCheck::detail)
                .containsOnly("held on node alpha", "held on node beta");
    }

    @Test
    @Order(2)
    void aReplayedOffloadRequestIsAnsweredAgainWithoutASecondDownload() {
        MqttLink raw = MqttLink.connect(fixture.broker.url(), fixture.secret.login(Topics.COORDINATOR), "replay-raw", 0, 5,
                null).block(Duration.ofSeconds(20));
        try {
            raw.subscribe(Topics.reply("alpha")).block(Duration.ofSeconds(10));
            ConnectableFlux<Reply> replies = raw.inbound().filter(x -> x.topic().equals(Topics.reply("alpha")))
                    .map(x -> Wire.decode(x.payload(), Reply.class, x.topic())).replay();
            replies.connect();
            List<OffloadEvent> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            var watching = alpha.offloadEvents().subscribe(seen::add);
            long duplicatesBefore = alpha.duplicateDeliveries();

            Command offload = new Command("replayed-offload", "offload", List.of(), 0, "20260101-000000",
                    Map.of("alpha", List.of(1, 2)));
            raw.publish(Topics.command("alpha"), Wire.encode(offload), true, false, 0).block(Duration.ofSeconds(10));
            Reply first = replies.filter(r -> r.id().equals(offload.id())).next().block(Duration.ofSeconds(60));
            raw.publish(Topics.command("alpha"), Wire.encode(offload), true, false, 0).block(Duration.ofSeconds(10));
            Reply again = replies.filter(r -> r.id().equals(offload.id())).skip(1).next().block(Duration.ofSeconds(60));
            watching.dispose();

            assertThat(first.cameras()).extracting(CameraEntry::status).containsOnly(CameraEntry.OK);
            assertThat(first.cameras()).allSatisfy(e -> assertThat(e.take().files()).singleElement()
                    .satisfies(f -> assertThat(f.verified()).isTrue()));
            assertThat(again).isEqualTo(first);
            assertThat(alpha.duplicateDeliveries()).isEqualTo(duplicatesBefore + 1);
            // One run: each camera started and each file was fetched once, although the request came twice.
            assertThat(seen).filteredOn(OffloadEvent.CameraStarted.class::isInstance).hasSize(2);
            assertThat(seen).filteredOn(OffloadEvent.Verified.class::isInstance).hasSize(2);

            // A camera that did not record in a take is skipped: its newest file belongs to another take.
            Command partial = new Command("partial-offload", "offload", List.of(), 0, "20260101-000001",
                    Map.of("alpha", List.of(2), "beta", List.of(1)));
            raw.publish(Topics.command("alpha"), Wire.encode(partial), true, false, 0).block(Duration.ofSeconds(10));
            Reply some = replies.filter(r -> r.id().equals(partial.id())).next().block(Duration.ofSeconds(60));
            assertThat(some.cameras()).extracting(CameraEntry::index, CameraEntry::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1, CameraEntry.SKIPPED),
                            org.assertj.core.groups.Tuple.tuple(2, CameraEntry.OK));
            assertThat(media.resolve("20260101-000001")).isDirectory();
        } finally {
            raw.close();
        }
    }

    @Test
    @Order(3)
    void aCameraWhoseFootageDisagreesWithTheFireIsFlaggedAcrossNodesAsOnOneHost() {
        VirtualCamera slow = fixture.simulator("beta").cameras().get(1);
        slow.startFootageLate(Duration.ofSeconds(3));
        TakeManifest m;
        try (DistributedRig rig = coordinator()) {
            m = take(rig);
        } finally {
            slow.startFootageLate(Duration.ZERO);
        }
        assertThat(map(m.extensions().get("sync"))).containsEntry("ok", false)
                .containsEntry("flagged", List.of("beta/GoPro 0002"));
        assertThat(m.cameras()).filteredOn(TakeCamera::late).singleElement().satisfies(c -> {
            assertThat(c.serial()).isEqualTo(slow.identity().serial());
            assertThat(c.node()).isEqualTo("beta");
            assertThat(c.lateReason()).contains("its footage starts").contains("later than the fire says");
        });
    }

    @Test
    @Order(4)
    void everyChapterOfARecordingIsOffloadedAndItsStartComesFromTheFirstChapter() throws Exception {
        VirtualCamera split = fixture.simulator("alpha").cameras().get(0);
        // Its last chapter starts about 2.2 s (67 frames) after its first.
        TakeManifest m = chapteredTake(split, chapters -> { });
        var card = split.sdCard();
        var chapters = card.files().subList(card.files().size() - 4, card.files().size());
        TakeCamera c = m.camera(split.identity().serial()).orElseThrow();
        assertThat(c.files()).extracting(TakeFile::name)
                .containsExactlyElementsOf(chapters.stream().map(io.camrig.simulator.media.SdCardFile::name).toList());
        assertThat(c.files().get(0).name()).startsWith("GX01");
        for (int i = 0; i < chapters.size(); i++) {
            TakeFile f = c.files().get(i);
            assertThat(f.verified()).isTrue();
            assertThat(java.nio.file.Files.readAllBytes(media.resolve(m.takeId()).resolve(f.path())))
                    .isEqualTo(card.expectedBytes(chapters.get(i)));
            assertThat(f.footage()).containsKey("startTimecode");
        }
        assertThat(new TakeStore(media).verify(m)).hasSize(7)
                .allSatisfy(x -> assertThat(x.result()).as(x.detail()).isEqualTo(TakeStore.FileCheck.Result.OK));
        // Not late: its first chapter started with the others, although its last one starts seconds later.
        assertThat(c.late()).isFalse();
        assertThat(map(m.extensions().get("sync"))).containsEntry("ok", true).containsEntry("flagged", List.of());
    }

    @Test
    @Order(4)
    void withItsFirstChaptersDeletedBeforeTheOffloadACamerasStartIsUnknownNotLate() {
        VirtualCamera split = fixture.simulator("alpha").cameras().get(1);
        var card = split.sdCard();
        // The user deletes chapters 01 and 02 before the offload: chapter 03 starts about 1.5 s (45 frames)
        // after the first, over the 30 allowed.
        TakeManifest m = chapteredTake(split, chapters -> {
            assertThat(chapters.get(0)).startsWith("GX01");
            assertThat(card.delete(io.camrig.simulator.media.SdCard.DIRECTORY, chapters.get(0))).isTrue();
            assertThat(card.delete(io.camrig.simulator.media.SdCard.DIRECTORY, chapters.get(1))).isTrue();
        });
        TakeCamera c = m.camera(split.identity().serial()).orElseThrow();
        assertThat(c.files()).hasSize(2).allSatisfy(f -> assertThat(f.verified()).isTrue());
        String first = c.files().get(0).name();
        assertThat(first).startsWith("GX03");
        assertThat(c.late()).isFalse();
        assertThat(c.startUnknown()).hasValue("chapter 01 is not on the card (first held: " + first + "): start unknown");
        assertThat(map(m.extensions().get("sync"))).containsEntry("ok", true).containsEntry("flagged", List.of())
                .containsEntry("startUnknown", List.of("alpha/GoPro 0002"));
        assertThat(m.cameras()).filteredOn(x -> x != c).allSatisfy(x -> assertThat(x.startUnknown()).isEmpty());
    }

    @Test
    @Order(5)
    void aNodeLostMidOffloadFailsOnlyItsOwnCamerasWithANodeGoneCause() {
        // As soon as beta's first file is under way, its cameras' Wi-Fi stalls and the node is lost.
        beta.offloadEvents().filter(OffloadEvent.Progress.class::isInstance).next()
                .publishOn(Schedulers.boundedElastic())
                .subscribe(e -> {
                    fixture.simulator("beta").httpFaults(HttpFaults.NONE.withResponseDelay(Duration.ofMinutes(10)));
                    beta.close();
                });
        TakeManifest m;
        List<RigMember> members;
        try (DistributedRig rig = coordinator()) {
            m = take(rig);
            members = rig.members();
        }
        assertThat(m.cameras()).hasSize(4);
        assertThat(m.cameras()).filteredOn(c -> c.node().equals("alpha")).hasSize(2).allSatisfy(c -> {
            assertThat(c.steps()).containsEntry("offload", "ok");
            assertThat(c.files()).singleElement().satisfies(f -> assertThat(f.verified()).isTrue());
        });
        assertThat(m.cameras()).filteredOn(c -> c.node().equals("beta")).hasSize(2).allSatisfy(c -> {
            assertThat(c.steps().get("offload")).startsWith("failed: NodeGoneException: ");
            assertThat(c.files()).isEmpty();
            assertThat(c.serial()).isIn(fixture.simulator("beta").cameras().stream()
                    .map(VirtualCamera::identity).map(i -> i.serial()).toList());
        });
        assertThat(members).filteredOn(x -> x.node().orElseThrow().equals("beta"))
                .allSatisfy(x -> assertThat(x.failure()).containsInstanceOf(NodeGoneException.class));
        assertThat(members).filteredOn(x -> x.node().orElseThrow().equals("alpha"))
                .allSatisfy(x -> assertThat(x.isHealthy()).isTrue());
    }
}
