package io.camrig.cli.rig;

import io.camrig.ble.spi.Advertisement;
import io.camrig.cli.console.Interrupts;
import io.camrig.engine.camera.Camera;
import io.camrig.engine.camera.CameraOptions;
import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.message.HardwareInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The selected cameras of a rig, connected over BLE and identified (Get Hardware Info, which also
 * tells each camera's model to the engine's support checks). A camera that cannot be connected is
 * kept with its error, so reports show every camera. Closing it disconnects the cameras (the
 * source is closed by its owner). Blocking: for the command line only.
 */
public final class ConnectedRig implements AutoCloseable {
    /** How long a command waits for all cameras to answer one step. */
    public static final Duration STEP_LIMIT = Duration.ofSeconds(30);
    private static final int CONNECT_CONCURRENCY = 4;

    /**
     * One camera of the rig.
     *
     * @param index   1-based, in advertised-name order
     * @param name    the advertised name, e.g. {@code GoPro 0003}
     * @param camera  the connected camera, when it connected
     * @param info    its hardware info, when read
     * @param failure why it could not be connected or identified
     */
    public record Member(int index, String name, Optional<Camera> camera, Optional<HardwareInfo> info,
                         Optional<Throwable> failure) {
        /** The serial number, or {@code ?}. */
        public String serial() {
            return info.map(HardwareInfo::serialNumber).orElse("?");
        }

        /** The model name, or {@code ?}. */
        public String model() {
            return info.map(HardwareInfo::modelName).orElse("?");
        }
    }

    /**
     * The outcome of one step on one camera.
     *
     * @param member the camera
     * @param value  the value, when it succeeded
     * @param error  the error, when it failed
     */
    public record Result<T>(Member member, Optional<T> value, Optional<Throwable> error) {
        public boolean ok() {
            return error.isEmpty();
        }
    }

    private final List<Member> members;
    private final int expected;
    private final int found;

    private ConnectedRig(List<Member> members, int expected, int found) {
        this.members = List.copyOf(members);
        this.expected = expected;
        this.found = found;
    }

    /**
     * {@code "found 2 of 3 cameras"} when the scan heard fewer cameras than expected (one switched
     * off, out of range, not in pairing mode); empty otherwise.
     */
    public Optional<String> missingSummary() {
        return found >= expected ? Optional.empty()
                : Optional.of("found " + found + " of " + expected + " cameras");
    }

    /** Scans, keeps the selected cameras, connects and identifies them. */
    public static ConnectedRig connect(RigSourceOptions.Source source, CameraSelection selection) {
        Interrupts.activity("the scan for cameras");
        List<Advertisement> ads = source.central().scan(GoProUuid.CONTROL_AND_QUERY_SERVICE, Duration.ofSeconds(5))
                .distinct(Advertisement::address)
                .take(source.expectedCameras())
                .collectList()
                .block(STEP_LIMIT);
        List<Advertisement> sorted = new ArrayList<>(ads == null ? List.of() : ads);
        sorted.sort(Comparator.comparing(Advertisement::name).thenComparing(Advertisement::address));
        List<Member> members = new ArrayList<>();
        List<Mono<Member>> connects = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Advertisement ad = sorted.get(i);
            if (selection.mayMatchName(ad.name())) {
                connects.add(connect(source, i + 1, ad));
            }
        }
        Interrupts.activity("connecting " + connects.size() + " cameras");
        List<Member> connected = Flux.fromIterable(connects).flatMapSequential(Function.identity(), CONNECT_CONCURRENCY)
                .collectList().block(STEP_LIMIT);
        for (Member m : connected == null ? List.<Member>of() : connected) {
            if (m.info().isEmpty() || selection.matchesSerial(m.serial())) {
                members.add(m);
            } else {
                m.camera().ifPresent(Camera::close);
            }
        }
        return new ConnectedRig(members, source.expectedCameras(), sorted.size());
    }

    private static Mono<Member> connect(RigSourceOptions.Source source, int index, Advertisement ad) {
        return source.central().connect(ad.address())
                .flatMap(link -> Camera.open(link, ad.name(), CameraOptions.defaults()))
                .flatMap(camera -> camera.info().hardwareInfo()
                        .map(info -> new Member(index, ad.name(), Optional.of(camera), Optional.of(info), Optional.empty()))
                        .onErrorResume(e -> Mono.just(new Member(index, ad.name(), Optional.of(camera), Optional.empty(),
                                Optional.of(e)))))
                .onErrorResume(e -> Mono.just(new Member(index, ad.name(), Optional.empty(), Optional.empty(), Optional.of(e))));
    }

    /** The selected cameras, in rig order. */
    public List<Member> members() {
        return members;
    }

    /** Runs a step on every connected camera at once; each camera's outcome is kept apart. */
    public <T> List<Result<T>> forEach(Function<Camera, Mono<T>> step) {
        return forEachMember((m, c) -> step.apply(c));
    }

    /** As {@link #forEach}, with the member (its serial, name) given to the step too. */
    public <T> List<Result<T>> forEachMember(java.util.function.BiFunction<Member, Camera, Mono<T>> step) {
        Interrupts.activity("the command on " + members.size() + " cameras");
        List<Result<T>> results = Flux.fromIterable(members)
                .flatMapSequential(m -> m.camera().filter(c -> m.failure().isEmpty())
                        .map(c -> Mono.defer(() -> step.apply(m, c))
                                .map(v -> new Result<>(m, Optional.of(v), Optional.<Throwable>empty()))
                                .defaultIfEmpty(new Result<>(m, Optional.empty(), Optional.empty()))
                                .onErrorResume(e -> Mono.just(new Result<>(m, Optional.empty(), Optional.of(e)))))
                        .orElseGet(() -> Mono.just(new Result<>(m, Optional.empty(), m.failure()))))
                .collectList()
                .block(STEP_LIMIT);
        return results == null ? List.of() : results;
    }

    @Override
    public void close() {
        members.forEach(m -> m.camera().ifPresent(Camera::close));
    }
}
