package io.camrig.engine.offload;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.engine.take.OffloadQueue;
import io.camrig.engine.take.TakeCamera;
import io.camrig.engine.take.TakeStore;
import io.camrig.http.HttpOptions;
import io.camrig.http.client.CameraHttpClient;
import io.camrig.http.model.MediaFile;
import io.camrig.http.wifi.HostWifi;
import io.camrig.http.wifi.HostWifiException;
import io.camrig.http.wifi.HostWifiLink;
import io.camrig.http.wifi.WifiAccessPoint;
import io.camrig.simulator.http.HttpFaults;
import io.camrig.simulator.http.VirtualCameraHttpServer;
import io.camrig.simulator.http.VirtualHttpRig;
import io.camrig.simulator.media.SdCardFile;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Cameras over their own APs, one after the other behind one address ({@link CameraProxy}, as
 * {@code 10.5.5.9}): what happens when a join fails, when the host ends up on another camera's AP,
 * and that the AP is always left.
 */
class ApOffloadFailuresTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SECRET = "s3cret-Pa55";
    private static final HttpOptions HTTP = HttpOptions.defaults().withProgressStepBytes(16 * 1024);

    @TempDir
    Path media;
    @RegisterExtension
    final TestRigs rigs = new TestRigs();
    private VirtualHttpRig rig;
    private CameraProxy proxy;

    private List<VirtualCameraHttpServer> cameras(int n, int fileBytes) {
        rig = rigs.start(n, 3, fileBytes, 1);
        return rig.cameras();
    }

    /**
     * The host's Wi-Fi: joining {@code GP-<i>} with the camera's password points the shared
     * address at camera {@code i}; a wrong password, an SSID not in range, are typed errors;
     * leaving points it nowhere. Joins and leaves are logged.
     */
    private record ProxyWifi(CameraProxy proxy, Map<String, URI> cameras, List<String> log) implements HostWifi {
        @Override
        public Mono<List<WifiAccessPoint>> scan(Duration timeout) {
            return Mono.just(List.of());
        }

        @Override
        public Mono<HostWifiLink> join(String ssid, String password, Duration timeout) {
            return Mono.defer(() -> {
                log.add("join " + ssid);
                if (!cameras.containsKey(ssid)) {
                    return Mono.error(new HostWifiException(HostWifiException.Reason.NETWORK_NOT_FOUND,
                            "network not in range", ssid, "join", null));
                }
                if (!SECRET.equals(password)) {
                    return Mono.error(new HostWifiException(HostWifiException.Reason.WRONG_PASSWORD,
                            "the network refused the password", ssid, "join", null));
                }
                proxy.target.set(cameras.get(ssid));
                return Mono.just((HostWifiLink) new TestLink(ssid, () -> {
                    log.add("leave " + ssid);
                    proxy.target.set(null);
                }));
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

    private OffloadQueue queueAll(List<VirtualCameraHttpServer> cams) {
        TakeStore store = new TakeStore(media);
        OffloadQueue queue = new OffloadQueue(store, store.create("test"));
        for (VirtualCameraHttpServer c : cams) {
            String serial = c.sdCard().serial();
            queue.ensureCamera(TakeCamera.of(serial, serial, "HERO12 Black", ""));
            queue.enqueue(serial, c.sdCard().files().stream()
                    .map(f -> new MediaFile(f.directory(), f.name(), f.size(), f.created(), f.created())).toList());
        }
        return queue;
    }

    private OffloadCamera viaAp(VirtualCameraHttpServer c, int i, String password) {
        return new OffloadCamera(c.sdCard().serial(), "camera " + i, new CameraHttpClient(proxy.address(), HTTP),
                OffloadCamera.Link.AP, Optional.of(new OffloadCamera.ApAccess("GP-" + i, password)));
    }

    private static Map<String, URI> bySsid(List<VirtualCameraHttpServer> cams) {
        Map<String, URI> out = new java.util.HashMap<>();
        for (int i = 0; i < cams.size(); i++) {
            out.put("GP-" + i, cams.get(i).baseUri());
        }
        return out;
    }

    private static <T extends OffloadEvent> List<T> of(List<OffloadEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void whenTheHostLandsOnAnotherCamerasApWhileAFileStreamsNeitherCameraIsCreditedOrLosesAFile() {
        // Both cards hold 100GOPRO/GX010001.MP4, the same size, recorded at the same second.
        List<VirtualCameraHttpServer> cams = cameras(2, 256 * 1024);
        VirtualCameraHttpServer a = cams.get(0);
        VirtualCameraHttpServer b = cams.get(1);
        AtomicBoolean moved = new AtomicBoolean();
        // Once camera 1 (B) is joined and its serial checked, the host drops to camera 0's (A) AP:
        // from the first download on, the shared address is camera A.
        proxy = rigs.closeAfter(new CameraProxy(uri -> {
            if (uri.startsWith("/videos/DCIM/") && moved.compareAndSet(false, true)) {
                proxy.target.set(a.baseUri());
            }
        }));
        List<String> log = new CopyOnWriteArrayList<>();
        OffloadQueue queue = queueAll(List.of(b));

        List<OffloadEvent> events = new Offloader(queue, OffloadOptions.defaults().withDeleteAfterVerify(true),
                Optional.of(new ProxyWifi(proxy, bySsid(cams), log)))
                .run(List.of(viaAp(b, 1, SECRET))).collectList().block(WAIT);

        assertThat(of(events, OffloadEvent.Verified.class)).as("A's bytes are not credited to B").isEmpty();
        assertThat(of(events, OffloadEvent.DeletedFromCamera.class)).isEmpty();
        assertThat(of(events, OffloadEvent.Failed.class)).singleElement().satisfies(f -> {
            assertThat(f.serial()).isEqualTo(b.sdCard().serial());
            assertThat(f.error()).isInstanceOf(WrongCameraException.class).hasMessageContaining(a.sdCard().serial());
        });
        assertThat(a.sdCard().files()).hasSize(1);
        assertThat(b.sdCard().files()).hasSize(1);
        assertThat(queue.pending(b.sdCard().serial())).hasSize(1);
        assertThat(log).containsExactly("join GP-1", "leave GP-1");
    }

    @Test
    void whenTheJoinLeavesTheHostOnThePreviousCamerasApNothingOfThatCameraIsCreditedAndNothingDeletedTwice() {
        List<VirtualCameraHttpServer> cams = cameras(2, 64 * 1024);
        VirtualCameraHttpServer a = cams.get(0);
        VirtualCameraHttpServer b = cams.get(1);
        proxy = rigs.closeAfter(new CameraProxy(uri -> { }));
        List<String> log = new CopyOnWriteArrayList<>();
        // B's "join" succeeds but the host stays on A's AP.
        Map<String, URI> stuck = Map.of("GP-0", a.baseUri(), "GP-1", a.baseUri());
        OffloadQueue queue = queueAll(cams);
        SdCardFile bFile = b.sdCard().files().get(0);

        List<OffloadEvent> events = new Offloader(queue, OffloadOptions.defaults().withDeleteAfterVerify(true),
                Optional.of(new ProxyWifi(proxy, stuck, log)))
                .run(List.of(viaAp(a, 0, SECRET), viaAp(b, 1, SECRET))).collectList().block(WAIT);

        assertThat(of(events, OffloadEvent.Verified.class)).extracting(OffloadEvent::serial).containsExactly(a.sdCard().serial());
        assertThat(of(events, OffloadEvent.DeletedFromCamera.class)).extracting(OffloadEvent::serial)
                .containsExactly(a.sdCard().serial());
        assertThat(of(events, OffloadEvent.Failed.class)).singleElement().satisfies(f -> {
            assertThat(f.serial()).isEqualTo(b.sdCard().serial());
            assertThat(f.error()).isInstanceOf(WrongCameraException.class);
        });
        assertThat(proxy.requests).filteredOn(r -> r.startsWith("/gopro/media/delete/file")).hasSize(1);
        assertThat(b.sdCard().files()).containsExactly(bFile);
        assertThat(queue.pending(b.sdCard().serial())).hasSize(1);
        assertThat(log).containsExactly("join GP-0", "leave GP-0", "join GP-1", "leave GP-1");
    }

    @Test
    void aWrongApPasswordOrAnApOutOfRangeFailsThatCameraTypedWithoutThePasswordAndTheOthersGoOn() {
        List<VirtualCameraHttpServer> cams = cameras(3, 64 * 1024);
        proxy = rigs.closeAfter(new CameraProxy(uri -> { }));
        List<String> log = new CopyOnWriteArrayList<>();
        Map<String, URI> inRange = bySsid(cams);
        inRange.remove("GP-2");
        OffloadQueue queue = queueAll(cams);
        String wrong = "not-the-" + SECRET;

        List<OffloadEvent> events = new Offloader(queue, OffloadOptions.defaults(),
                Optional.of(new ProxyWifi(proxy, inRange, log)))
                .run(List.of(viaAp(cams.get(0), 0, wrong), viaAp(cams.get(1), 1, SECRET), viaAp(cams.get(2), 2, SECRET)))
                .collectList().block(WAIT);

        List<OffloadEvent.Failed> failed = of(events, OffloadEvent.Failed.class);
        assertThat(failed).extracting(OffloadEvent::serial)
                .containsExactly(cams.get(0).sdCard().serial(), cams.get(2).sdCard().serial());
        assertThat(failed).extracting(f -> ((HostWifiException) f.error()).reason())
                .containsExactly(HostWifiException.Reason.WRONG_PASSWORD, HostWifiException.Reason.NETWORK_NOT_FOUND);
        assertThat(of(events, OffloadEvent.Verified.class)).extracting(OffloadEvent::serial)
                .containsExactly(cams.get(1).sdCard().serial());
        // only the camera joined is left; the password is in no event, message or cause
        assertThat(log).containsExactly("join GP-0", "join GP-1", "leave GP-1", "join GP-2");
        for (OffloadEvent e : events) {
            assertThat(e.toString()).doesNotContain(SECRET);
            if (e instanceof OffloadEvent.Failed f) {
                for (Throwable t = f.error(); t != null; t = t.getCause()) {
                    assertThat(String.valueOf(t.getMessage())).doesNotContain(SECRET);
                    assertThat(t.toString()).doesNotContain(SECRET);
                }
            }
        }
    }

    @Test
    void anApThatNeverComesUpFailsThatCameraAtTheJoinTimeout() {
        proxy = rigs.closeAfter(new CameraProxy(uri -> { }));
        TakeStore store = new TakeStore(media);
        OffloadQueue queue = new OffloadQueue(store, store.create("test"));
        queue.ensureCamera(TakeCamera.of("C1", "C1", "HERO12 Black", ""));
        // A backend that keeps its contract: no link within the time given is a TIMEOUT.
        HostWifi never = new HostWifi() {
            @Override
            public Mono<List<WifiAccessPoint>> scan(Duration timeout) {
                return Mono.just(List.of());
            }

            @Override
            public Mono<HostWifiLink> join(String ssid, String password, Duration timeout) {
                return Mono.<HostWifiLink>never().timeout(timeout).onErrorMap(TimeoutException.class,
                        e -> new HostWifiException(HostWifiException.Reason.TIMEOUT, "no link within " + timeout, ssid,
                                "join", e));
            }

            @Override
            public Mono<Optional<String>> currentSsid() {
                return Mono.just(Optional.empty());
            }

            @Override
            public void close() {
            }
        };
        OffloadCamera camera = new OffloadCamera("C1", "camera", new CameraHttpClient(proxy.address(), HTTP),
                OffloadCamera.Link.AP, Optional.of(new OffloadCamera.ApAccess("GP-X", SECRET)));
        OffloadOptions options = OffloadOptions.defaults().withJoinTimeout(Duration.ofSeconds(20));

        StepVerifier.withVirtualTime(() -> new Offloader(queue, options, Optional.of(never)).camera(camera))
                .expectSubscription()
                .expectNoEvent(Duration.ofSeconds(19))
                .thenAwait(Duration.ofSeconds(1))
                .assertNext(e -> assertThat(e).isInstanceOfSatisfying(OffloadEvent.Failed.class,
                        f -> assertThat(((HostWifiException) f.error()).reason()).isEqualTo(HostWifiException.Reason.TIMEOUT)))
                .verifyComplete();
    }

    @Test
    void theApIsLeftWhenTheCameraDoesNotAnswer() {
        List<VirtualCameraHttpServer> cams = cameras(1, 64 * 1024);
        cams.get(0).faults(HttpFaults.NONE.withForcedStatus(503));
        proxy = rigs.closeAfter(new CameraProxy(uri -> { }));
        List<String> log = new CopyOnWriteArrayList<>();
        OffloadQueue queue = queueAll(cams);

        List<OffloadEvent> events = new Offloader(queue, OffloadOptions.defaults(),
                Optional.of(new ProxyWifi(proxy, bySsid(cams), log))).run(List.of(viaAp(cams.get(0), 0, SECRET)))
                .collectList().block(WAIT);

        assertThat(of(events, OffloadEvent.Failed.class)).hasSize(1);
        assertThat(log).containsExactly("join GP-0", "leave GP-0");
    }

    @Test
    void theApIsLeftWhenTheOffloadIsCancelledMidFile() {
        List<VirtualCameraHttpServer> cams = cameras(1, 1024 * 1024);
        cams.get(0).faults(HttpFaults.NONE.withStallAfterBytes(256 * 1024));
        proxy = rigs.closeAfter(new CameraProxy(uri -> { }));
        List<String> log = new CopyOnWriteArrayList<>();
        OffloadQueue queue = queueAll(cams);

        Offloader offloader = new Offloader(queue, OffloadOptions.defaults().withTurbo(false),
                Optional.of(new ProxyWifi(proxy, bySsid(cams), log)));

        StepVerifier.create(offloader.run(List.of(viaAp(cams.get(0), 0, SECRET))))
                .expectNextMatches(e -> e instanceof OffloadEvent.CameraStarted)
                .expectNextMatches(e -> e instanceof OffloadEvent.Progress)
                .thenCancel()
                .verify(WAIT);
        // A cancel cannot wait for the leave it starts: a process stopping waits for it here.
        offloader.apsLeft().block(WAIT);

        assertThat(log).containsExactly("join GP-0", "leave GP-0");
        assertThat(queue.pending(cams.get(0).sdCard().serial())).hasSize(1);
        cams.get(0).releaseStalls();
    }
}
