package io.camrig.engine.camera;

import io.camrig.ble.packet.PacketFragmenter;
import io.camrig.ble.packet.PacketReassembler;
import io.camrig.ble.spi.BleException;
import io.camrig.ble.spi.ConnectionState;
import io.camrig.ble.spi.GattConnection;
import io.camrig.ble.spi.GattNotification;
import io.camrig.proto.gatt.GoProUuid;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A fake GATT link driven by a script: {@code expectWrite(COMMAND, "01 01 01").thenNotify(
 * COMMAND_RESPONSE, "01 00")}. Written packets are reassembled per characteristic; when a whole
 * message arrives it must equal the next expectation, and that expectation's notifications are
 * packetized and emitted at once. Anything unexpected is recorded in {@link #unexpected()}.
 */
final class ScriptedGattConnection implements GattConnection {
    private static final HexFormat HEX = HexFormat.of();

    private final Deque<Expectation> script = new ArrayDeque<>();
    private final Map<GoProUuid, PacketReassembler> reassemblers = new EnumMap<>(GoProUuid.class);
    private final Map<GoProUuid, byte[]> readable = new EnumMap<>(GoProUuid.class);
    private final List<String> written = new ArrayList<>();
    private final List<String> unexpected = new ArrayList<>();
    private final Sinks.Many<GattNotification> notifications = Sinks.many().multicast().onBackpressureBuffer(1024, false);
    private final Sinks.Many<ConnectionState> states = Sinks.many().replay().latest();
    private volatile boolean connected = true;

    ScriptedGattConnection() {
        states.tryEmitNext(ConnectionState.CONNECTED);
    }

    /** Expects the next whole message written to {@code characteristic} to be {@code hex}. */
    synchronized Expectation expectWrite(GoProUuid characteristic, String hex) {
        Expectation e = new Expectation(characteristic, bytes(hex));
        script.add(e);
        return e;
    }

    /** Makes a characteristic readable with a fixed value. */
    ScriptedGattConnection readable(GoProUuid characteristic, byte[] value) {
        readable.put(characteristic, value.clone());
        return this;
    }

    /** Emits a message on a characteristic now, packetized, as the camera would unprompted. */
    void notify(GoProUuid characteristic, String hex) {
        emit(characteristic, bytes(hex));
    }

    /** Emits one raw packet now. */
    void notifyPacket(GoProUuid characteristic, String hex) {
        notifications.tryEmitNext(new GattNotification(characteristic.uuid(), bytes(hex)));
    }

    /** Drops the link as a camera going out of range would. */
    void drop() {
        connected = false;
        states.tryEmitNext(ConnectionState.DISCONNECTED);
        notifications.tryEmitComplete();
    }

    /** Whole messages written so far, as {@code "GP-0072 010101"}. */
    synchronized List<String> written() {
        return List.copyOf(written);
    }

    /** Messages written that the script did not expect. */
    synchronized List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    /** Expectations not yet met. */
    synchronized int remaining() {
        return script.size();
    }

    @Override
    public String address() {
        return "scripted";
    }

    @Override
    public Mono<Void> write(UUID characteristic, byte[] value) {
        return Mono.fromRunnable(() -> {
            if (!connected) {
                throw new BleException("link down", address());
            }
            GoProUuid uuid = GoProUuid.of(characteristic).orElseThrow();
            Optional<byte[]> message = reassemblers.computeIfAbsent(uuid, u -> new PacketReassembler()).accept(value);
            message.ifPresent(m -> onMessage(uuid, m));
        });
    }

    private void onMessage(GoProUuid uuid, byte[] message) {
        Expectation next;
        synchronized (this) {
            written.add(uuid.label() + " " + HEX.formatHex(message));
            next = script.peek();
            if (next == null || next.characteristic != uuid || !java.util.Arrays.equals(next.message, message)) {
                unexpected.add(uuid.label() + " " + HEX.formatHex(message));
                return;
            }
            script.poll();
        }
        next.responses.forEach(r -> emit(r.characteristic, r.message));
    }

    private void emit(GoProUuid characteristic, byte[] message) {
        for (byte[] packet : PacketFragmenter.fragment(message)) {
            notifications.tryEmitNext(new GattNotification(characteristic.uuid(), packet));
        }
    }

    @Override
    public Mono<byte[]> read(UUID characteristic) {
        return Mono.fromCallable(() -> {
            byte[] v = readable.get(GoProUuid.of(characteristic).orElseThrow());
            if (v == null || !connected) {
                throw new BleException("not readable", address());
            }
            return v.clone();
        });
    }

    @Override
    public Mono<Void> enableNotifications(UUID characteristic) {
        return Mono.empty();
    }

    @Override
    public Flux<GattNotification> notifications() {
        return notifications.asFlux();
    }

    @Override
    public Flux<ConnectionState> states() {
        return states.asFlux();
    }

    @Override
    public Mono<Void> close() {
        return Mono.fromRunnable(this::drop);
    }

    static byte[] bytes(String hex) {
        return HEX.parseHex(hex.replace(" ", "").replace(":", ""));
    }

    /** One expected write and the notifications it triggers. */
    static final class Expectation {
        private final GoProUuid characteristic;
        private final byte[] message;
        private final List<Expectation> responses = new ArrayList<>();

        private Expectation(GoProUuid characteristic, byte[] message) {
            this.characteristic = characteristic;
            this.message = message;
        }

        /** After the write, the camera notifies {@code hex} on {@code characteristic}. */
        Expectation thenNotify(GoProUuid characteristic, String hex) {
            responses.add(new Expectation(characteristic, bytes(hex)));
            return this;
        }

        Expectation thenNotify(GoProUuid characteristic, byte[] message) {
            responses.add(new Expectation(characteristic, message));
            return this;
        }
    }
}
