package io.camrig.engine.offload;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.engine.take.OffloadQueue;
import io.camrig.engine.take.TakeCamera;
import io.camrig.engine.take.TakeFile;
import io.camrig.engine.take.TakeManifest;
import io.camrig.engine.take.TakeStore;
import io.camrig.http.client.CameraHttpClient;
import io.camrig.http.HttpOptions;
import io.camrig.http.wifi.HostWifi;
import io.camrig.http.wifi.HostWifiLink;
import io.camrig.http.wifi.WifiAccessPoint;
import io.camrig.simulator.http.VirtualCameraHttpServer;
import io.camrig.simulator.http.VirtualHttpRig;
import io.camrig.simulator.media.SdCardFile;
import java.net.URI;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

/**
 * Two cameras reached over their own APs answer at one and the same address (a real camera's AP
 * is always {@code 10.5.5.9}): here a loopback address that forwards to whichever camera's AP the
 * host has joined. A file is credited to a camera only when that camera's AP was joined and its
 * serial answered over HTTP.
 */
class SharedApAddressTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path media;
    @RegisterExtension
    final TestRigs rigs = new TestRigs();
    private VirtualHttpRig rig;
    private CameraProxy shared;

    /** The one address both cameras answer at ({@link CameraProxy}): it forwards to the camera whose AP is joined. */
    private CameraProxy sharedAddress() {
        shared = rigs.closeAfter(new CameraProxy(uri -> { }));
        return shared;
    }

    /** Joining an SSID points the shared address at that camera (unless {@code stuck}); leaving points it back. */
    private record ApWifi(Map<String, URI> cameras, AtomicReference<URI> joined, List<String> log, boolean stuck)
            implements HostWifi {
        @Override
        public Mono<List<WifiAccessPoint>> scan(Duration timeout) {
            return Mono.just(List.of());
        }

        @Override
        public Mono<HostWifiLink> join(String ssid, String password, Duration timeout) {
            return Mono.fromCallable(() -> {
                log.add("join " + ssid);
                URI before = joined.get();
                if (!stuck || before == null) {
                    joined.set(cameras.get(ssid));
                }
                return (HostWifiLink) new TestLink(ssid, () -> {
                    log.add("leave " + ssid);
                    if (!stuck) {
                        joined.set(before);
                    }
                });
            });
        }

        @Override
        public Mono<Optional<String>> currentSsid() {
            return Mono.just(Optional.empty());
        }

        @Override
        public void close() {
        }
    }

    private List<VirtualCameraHttpServer> twoCameras() {
        rig = rigs.start(2, 11, 128 * 1024, 1);
        return rig.cameras();
    }

    @Test
    void eachCameraIsJoinedBeforeItsFilesAreFetchedAndEachFileIsItsOwn() throws Exception {
        List<VirtualCameraHttpServer> cams = twoCameras();
        List<String> log = new CopyOnWriteArrayList<>();
        List<OffloadEvent> events = new java.util.ArrayList<>();

        TakeManifest m = offloadNewest(cams, false, log, events);

        String a = cams.get(0).sdCard().serial();
        String b = cams.get(1).sdCard().serial();
        assertThat(log).containsExactly("join GP-A", "verified " + a, "leave GP-A", "join GP-B", "verified " + b,
                "leave GP-B");
        for (VirtualCameraHttpServer c : cams) {
            SdCardFile f = c.sdCard().files().get(0);
            TakeFile got = m.camera(c.sdCard().serial()).orElseThrow().file(f.directory(), f.name()).orElseThrow();
            assertThat(got.verified()).isTrue();
            assertThat(got.sha256()).as("the file of camera %s is its own", c.sdCard().serial())
                    .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(c.sdCard().expectedBytes(f))));
        }
    }

    @Test
    void whenTheHostStaysOnTheFirstCamerasApTheSecondIsCreditedNothing() {
        List<VirtualCameraHttpServer> cams = twoCameras();
        List<String> log = new CopyOnWriteArrayList<>();
        List<OffloadEvent> events = new java.util.ArrayList<>();

        // The join of GP-B "succeeds" but the host is still on GP-A: 10.5.5.9 is camera A.
        TakeManifest m = offloadNewest(cams, true, log, events);

        String a = cams.get(0).sdCard().serial();
        String b = cams.get(1).sdCard().serial();
        assertThat(events).filteredOn(e -> e instanceof OffloadEvent.Verified)
                .extracting(OffloadEvent::serial).containsExactly(a);
        assertThat(events).filteredOn(e -> e instanceof OffloadEvent.Failed).singleElement()
                .satisfies(e -> {
                    assertThat(e.serial()).isEqualTo(b);
                    assertThat(((OffloadEvent.Failed) e).error()).isInstanceOf(WrongCameraException.class)
                            .hasMessageContaining("expected camera " + b + " but " + a + " answered");
                });
        assertThat(m.camera(b).orElseThrow().files()).as("nothing queued or credited to B").isEmpty();
        assertThat(media.resolve(m.takeId()).resolve(b)).doesNotExist();
    }

    @Test
    void whenTheHostFallsOntoAnotherCamerasApMidOffloadTheFileThatCameFromItIsNotCredited() throws Exception {
        rig = rigs.start(2, 11, 128 * 1024, 2);
        List<VirtualCameraHttpServer> cams = rig.cameras();
        CameraProxy proxy = sharedAddress();
        AtomicReference<URI> joined = proxy.target;
        URI address = proxy.address();
        String a = cams.get(0).sdCard().serial();
        HostWifi wifi = new ApWifi(Map.of("GP-A", cams.get(0).baseUri()), joined, new CopyOnWriteArrayList<>(), false);
        TakeStore store = new TakeStore(media);
        OffloadQueue queue = new OffloadQueue(store, store.create("test"));
        queue.ensureCamera(TakeCamera.of(a, a, "HERO12 Black", ""));
        OffloadCamera camera = new OffloadCamera(a, "camera 1", new CameraHttpClient(address, HttpOptions.defaults()),
                OffloadCamera.Link.AP, Optional.of(new OffloadCamera.ApAccess("GP-A", "pw")));

        // Once A's first file is verified, the host's Wi-Fi drops onto camera B's AP: same address, same file names.
        List<OffloadEvent> events = new Offloader(queue, OffloadOptions.defaults(), Optional.of(wifi))
                .camera(camera, client -> client.mediaList().map(l -> l.files()))
                .doOnNext(e -> {
                    if (e instanceof OffloadEvent.Verified) {
                        joined.set(cams.get(1).baseUri());
                    }
                }).collectList().block(WAIT);

        SdCardFile first = cams.get(0).sdCard().files().get(0);
        SdCardFile second = cams.get(0).sdCard().files().get(1);
        assertThat(events).filteredOn(e -> e instanceof OffloadEvent.Verified).singleElement()
                .satisfies(e -> assertThat(((OffloadEvent.Verified) e).file().name()).isEqualTo(first.name()));
        assertThat(events).filteredOn(e -> e instanceof OffloadEvent.Failed).singleElement()
                .satisfies(e -> assertThat(((OffloadEvent.Failed) e).error()).isInstanceOf(WrongCameraException.class)
                        .hasMessageContaining("expected camera " + a + " but " + cams.get(1).sdCard().serial()));
        TakeManifest m = store.read(queue.manifest().takeId()).orElseThrow();
        TakeFile got = m.camera(a).orElseThrow().file(second.directory(), second.name()).orElseThrow();
        assertThat(got.verified()).as("B's bytes are never credited to A").isFalse();
        assertThat(got.error()).contains("WrongCameraException");
        assertThat(media.resolve(m.takeId()).resolve(a).resolve(second.directory()).resolve(second.name()))
                .as("nor left under A's name").doesNotExist();
    }

    /** Offloads each camera in turn over its AP, its newest file queued once it is joined and its serial checked. */
    private TakeManifest offloadNewest(List<VirtualCameraHttpServer> cams, boolean stuck, List<String> log,
            List<OffloadEvent> events) {
        CameraProxy proxy = sharedAddress();
        AtomicReference<URI> joined = proxy.target;
        URI address = proxy.address();
        Map<String, URI> bySsid = Map.of("GP-A", cams.get(0).baseUri(), "GP-B", cams.get(1).baseUri());
        HostWifi wifi = new ApWifi(bySsid, joined, log, stuck);
        TakeStore store = new TakeStore(media);
        OffloadQueue queue = new OffloadQueue(store, store.create("test"));
        Offloader offloader = new Offloader(queue, OffloadOptions.defaults(), Optional.of(wifi));
        String[] ssids = {"GP-A", "GP-B"};
        for (int i = 0; i < 2; i++) {
            String serial = cams.get(i).sdCard().serial();
            queue.ensureCamera(TakeCamera.of(serial, serial, "HERO12 Black", ""));
            OffloadCamera camera = new OffloadCamera(serial, "camera " + (i + 1),
                    new CameraHttpClient(address, HttpOptions.defaults()), OffloadCamera.Link.AP,
                    Optional.of(new OffloadCamera.ApAccess(ssids[i], "pw-" + i)));
            events.addAll(offloader.camera(camera, client -> client.mediaList().map(l -> List.of(l.newest().orElseThrow())))
                    .doOnNext(e -> {
                        if (e instanceof OffloadEvent.Verified v) {
                            log.add("verified " + v.serial());
                        }
                    }).collectList().block(WAIT));
        }
        return store.read(queue.manifest().takeId()).orElseThrow();
    }
}
