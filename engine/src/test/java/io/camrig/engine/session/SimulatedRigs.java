package io.camrig.engine.session;

import io.camrig.simulator.VirtualRig;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import reactor.core.publisher.Mono;

/**
 * The simulated rigs a session test starts, each closed after the test (the last started first),
 * whether it passed or not. Register with {@code @RegisterExtension}.
 */
final class SimulatedRigs implements AfterEachCallback {
    private static final Duration START = Duration.ofSeconds(10);

    private final Deque<VirtualRig> open = new ArrayDeque<>();

    /** The rig {@code starting} gives, within 10 s, closed after the test. */
    VirtualRig start(Mono<VirtualRig> starting) {
        VirtualRig rig = starting.block(START);
        open.push(rig);
        return rig;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        while (!open.isEmpty()) {
            open.pop().close();
        }
    }
}
