package io.camrig.engine.rig;

import io.camrig.ble.spi.Advertisement;
import io.camrig.ble.spi.BleCentral;
import io.camrig.ble.spi.ConnectionState;
import io.camrig.ble.spi.GattConnection;
import io.camrig.ble.spi.GattNotification;
import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.id.QueryId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A central that taps every link it connects: it records the packets written (as
 * {@code "GP-0072 010101"}) and, when asked, drops the status value pushes (0x93) a camera sends
 * on GP-0077, whole, as a lossy radio would.
 */
final class TappedCentral implements BleCentral {
    private static final HexFormat HEX = HexFormat.of();

    private final BleCentral delegate;
    private final Queue<String> written = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pushesDropped = new AtomicInteger();
    private final AtomicInteger connectAttempts = new AtomicInteger();
    private final AtomicInteger openLinks = new AtomicInteger();
    private volatile boolean dropPushes;

    TappedCentral(BleCentral delegate) {
        this.delegate = delegate;
    }

    /** From now on, drops every status value push. */
    void dropStatusPushes() {
        dropPushes = true;
    }

    /** Status value pushes dropped so far. */
    int pushesDropped() {
        return pushesDropped.get();
    }

    /** The packets written since the last call, oldest first, and forgets them. */
    List<String> takeWritten() {
        List<String> taken = new ArrayList<>();
        for (String w; (w = written.poll()) != null; ) {
            taken.add(w);
        }
        return taken;
    }

    @Override
    public Flux<Advertisement> scan(UUID serviceUuid, Duration duration) {
        return delegate.scan(serviceUuid, duration);
    }

    @Override
    public Mono<GattConnection> connect(String address) {
        return Mono.defer(() -> {
            connectAttempts.incrementAndGet();
            return delegate.connect(address).map(Tapped::new);
        });
    }

    /** Connects attempted so far. */
    int connectAttempts() {
        return connectAttempts.get();
    }

    /** Links connected and not closed by their user. */
    int openLinks() {
        return openLinks.get();
    }

    private final class Tapped implements GattConnection {
        private final GattConnection link;
        /** Dropping the rest of a push that spans several packets (touched by one thread at a time). */
        private boolean droppingContinuations;

        private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

        Tapped(GattConnection link) {
            this.link = link;
            openLinks.incrementAndGet();
        }

        @Override
        public String address() {
            return link.address();
        }

        @Override
        public Mono<Void> write(UUID characteristic, byte[] value) {
            String name = GoProUuid.of(characteristic).map(GoProUuid::label).orElse(characteristic.toString());
            written.add(name + " " + HEX.formatHex(value));
            return link.write(characteristic, value);
        }

        @Override
        public Mono<byte[]> read(UUID characteristic) {
            return link.read(characteristic);
        }

        @Override
        public Mono<Void> enableNotifications(UUID characteristic) {
            return link.enableNotifications(characteristic);
        }

        @Override
        public Flux<GattNotification> notifications() {
            return link.notifications().filter(n -> !dropped(n));
        }

        private boolean dropped(GattNotification n) {
            if (!dropPushes || !GoProUuid.QUERY_RESPONSE.uuid().equals(n.characteristic())) {
                return false;
            }
            byte[] packet = n.value();
            if ((packet[0] & 0x80) != 0) {            // continuation: belongs to the message started before
                return droppingContinuations;
            }
            int headerLength = switch ((packet[0] & 0x60) >>> 5) {
                case 0 -> 1;
                case 1 -> 2;
                default -> 3;
            };
            droppingContinuations = packet.length > headerLength
                    && (packet[headerLength] & 0xFF) == QueryId.STATUS_VALUE_PUSH;
            if (droppingContinuations) {
                pushesDropped.incrementAndGet();
            }
            return droppingContinuations;
        }

        @Override
        public Flux<ConnectionState> states() {
            return link.states();
        }

        @Override
        public Mono<Void> close() {
            return Mono.defer(() -> {
                if (closed.compareAndSet(false, true)) {
                    openLinks.decrementAndGet();
                }
                return link.close();
            });
        }
    }
}
