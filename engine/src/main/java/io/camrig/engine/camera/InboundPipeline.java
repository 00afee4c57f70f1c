package io.camrig.engine.camera;

import io.camrig.ble.packet.MessageAssembler;
import io.camrig.ble.packet.PacketException;
import io.camrig.ble.packet.PacketReassembler;
import io.camrig.ble.spi.GattNotification;
import io.camrig.proto.codec.MessageDecoder;
import io.camrig.proto.error.CamrigException;
import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.id.QueryId;
import io.camrig.proto.message.CameraMessage;
import io.camrig.proto.message.PushNotification;
import io.camrig.proto.message.QueryResponse;
import io.camrig.proto.message.TlvEntries;
import io.camrig.proto.message.TlvEntry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import io.camrig.engine.error.EmissionContendedException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

/**
 * Turns GATT notifications into routed messages, on the thread that delivers them (the transport
 * delivers one characteristic's notifications in order, one at a time): one
 * {@link MessageAssembler} per response characteristic, then {@link MessageDecoder}, then the
 * status cache and the unsolicited hub for push notifications. A message that may answer an
 * exchange goes on to the camera's worker, where the matching {@link ExchangeQueue} lives; one
 * that answers nothing comes back to the unsolicited hub from there. A status query response
 * updates the status cache before it leaves, so a caller that sees the response sees the cache
 * updated.
 *
 * <p>Nothing is allocated per status beyond what the decoded message holds, unless someone
 * listens to status updates: the cache is primitive, and a {@link StatusUpdate} is only built
 * for a hub that has subscribers.
 *
 * <p>A bad packet or an undecodable message is counted and dropped; the stream goes on (an
 * exchange whose response was lost times out with a typed error).
 */
final class InboundPipeline {
    private static final Logger log = LoggerFactory.getLogger(InboundPipeline.class);

    private final String camera;
    private final Route[] routes = new Route[GoProUuid.values().length];
    private final Scheduler worker;
    private final StatusCache statuses;
    private final Sinks.Many<StatusUpdate> statusHub;
    private final Sinks.Many<CameraMessage> unsolicitedHub;
    private final Consumer<PacketException> onPacketError = this::onPacketError;
    private final AtomicLong packetErrors = new AtomicLong();
    private final AtomicLong decodeErrors = new AtomicLong();
    /** Values a hub could not take within {@link Hubs#BOUND}: counted with the deliveries dropped. */
    private final AtomicLong abandoned = new AtomicLong();

    InboundPipeline(String camera, Map<GoProUuid, ExchangeQueue> queuesByResponse, Scheduler worker,
                    StatusCache statuses, Sinks.Many<StatusUpdate> statusHub, Sinks.Many<CameraMessage> unsolicitedHub,
                    int maxMessageLength) {
        this.camera = camera;
        this.worker = worker;
        this.statuses = statuses;
        this.statusHub = statusHub;
        this.unsolicitedHub = unsolicitedHub;
        queuesByResponse.forEach((uuid, queue) -> routes[uuid.ordinal()] = new Route(uuid, queue, maxMessageLength));
    }

    /** Handles one notification; calls must not overlap, and come in arrival order. */
    void onNotification(GattNotification notification) {
        Route route = GoProUuid.of(notification.characteristic()).map(u -> routes[u.ordinal()]).orElse(null);
        if (route == null) {
            log.debug("{}: notification on unexpected characteristic {}", camera, notification.characteristic());
            return;
        }
        route.assembler.accept(notification.value(), route, onPacketError);
    }

    private void onPacketError(PacketException e) {
        packetErrors.incrementAndGet();
        log.debug("{}: dropped packet: {}", camera, e.getMessage());
    }

    private void onMessage(Route route, byte[] bytes) {
        CameraMessage message;
        try {
            message = MessageDecoder.decode(route.uuid, bytes);
        } catch (CamrigException e) {
            decodeErrors.incrementAndGet();
            log.debug("{}: undecodable message on {}: {}", camera, route.uuid.label(), e.getMessage());
            return;
        }
        if (message instanceof PushNotification p) {
            if (p.isStatusPush()) {
                // The clock is read only for someone who will see it (it is not free on every VM).
                boolean listened = statusHub.currentSubscriberCount() > 0;
                updateStatuses(p.entries(), listened, listened ? System.nanoTime() : 0);
            }
            emit(unsolicitedHub, message, "unsolicited messages");
            return;
        }
        // The instant the response was decoded: exchanges report it, latency estimates use it.
        long now = System.nanoTime();
        if (message instanceof QueryResponse q && QueryId.isStatusQuery(q.queryId())) {
            updateStatuses(q.entries(), statusHub.currentSubscriberCount() > 0, now);
        }
        Confined.schedule(worker, () -> {
            if (!route.queue.offer(message, now)) {
                emit(unsolicitedHub, message, "unsolicited messages");
            }
        });
    }

    /** Writes the values to the cache, and emits a {@link StatusUpdate} each when {@code listened}. */
    private void updateStatuses(List<TlvEntry> entries, boolean listened, long receivedNanos) {
        if (entries instanceof TlvEntries decoded) {
            // As decoded: read straight from the message bytes, no entry objects.
            decoded.forEachValue((id, value) -> updateStatus(id, value, receivedNanos, listened));
            return;
        }
        for (TlvEntry entry : entries) {
            updateStatus(entry.id(), entry.asLong(), receivedNanos, listened);
        }
    }

    private void updateStatus(int id, long value, long receivedNanos, boolean listened) {
        statuses.put(id, value);
        if (listened) {
            emit(statusHub, new StatusUpdate(id, value, receivedNanos), "status updates");
        }
    }

    /**
     * Emits into a hub; a value the hub cannot take within {@link Hubs#BOUND} (a subscriber stuck
     * in another emission) is dropped for every subscriber and counted, never spun on for ever
     * and never thrown at the transport's thread (the status cache has it all the same).
     */
    private <T> void emit(Sinks.Many<T> hub, T value, String stream) {
        try {
            Hubs.emit(hub, value, camera, stream);
        } catch (EmissionContendedException e) {
            abandoned.incrementAndGet();
            log.warn("{}", e.getMessage());
        }
    }

    /**
     * What was discarded so far, with {@code deliveriesDropped} from the caller. Read from any
     * thread (counters are monotonic).
     */
    LinkStats stats(long deliveriesDropped) {
        long duplicates = 0;
        for (Route route : routes) {
            if (route != null) {
                duplicates += route.duplicatesDropped();
            }
        }
        return new LinkStats(packetErrors.get(), duplicates, decodeErrors.get(), deliveriesDropped + abandoned.get());
    }

    long packetErrors() {
        return packetErrors.get();
    }

    /** Messages that reassembled but did not decode so far. */
    long decodeErrors() {
        return decodeErrors.get();
    }

    /** One response characteristic: its reassembly state and where its messages go. */
    private final class Route implements Consumer<byte[]> {
        final GoProUuid uuid;
        final ExchangeQueue queue;
        final MessageAssembler assembler;

        Route(GoProUuid uuid, ExchangeQueue queue, int maxMessageLength) {
            this.uuid = uuid;
            this.queue = queue;
            this.assembler = new MessageAssembler(new PacketReassembler(maxMessageLength));
        }

        @Override
        public void accept(byte[] message) {
            onMessage(this, message);
        }

        /** A plain read from another thread: a monotonic counter, possibly a little stale. */
        long duplicatesDropped() {
            return assembler.reassembler().duplicatesDropped();
        }
    }
}
