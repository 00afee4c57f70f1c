package io.camrig.engine.camera;

import io.camrig.ble.packet.MessageAssembler;
import io.camrig.ble.packet.PacketException;
import io.camrig.ble.spi.GattNotification;
import io.camrig.proto.codec.MessageDecoder;
import io.camrig.proto.error.CamrigException;
import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.id.QueryId;
import io.camrig.proto.message.CameraMessage;
import io.camrig.proto.message.PushNotification;
import io.camrig.proto.message.QueryResponse;
import io.camrig.proto.message.TlvEntry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Sinks;

/**
 * Turns GATT notifications into routed messages, on the camera's worker: one
 * {@link MessageAssembler} per response characteristic, then {@link MessageDecoder}, then the
 * matching {@link ExchangeQueue} for responses, and the unsolicited hub and status cache for push
 * notifications. A bad packet or an undecodable message is counted and dropped; the stream goes
 * on (an exchange whose response was lost times out with a typed error).
 */
final class InboundPipeline {
    private static final Logger log = LoggerFactory.getLogger(InboundPipeline.class);

    private final String camera;
    private final Map<GoProUuid, MessageAssembler> assemblers = new EnumMap<>(GoProUuid.class);
    private final Map<GoProUuid, ExchangeQueue> queuesByResponse;
    private final StatusCache statuses;
    private final Sinks.Many<StatusUpdate> statusHub;
    private final Sinks.Many<CameraMessage> unsolicitedHub;
    private final AtomicLong packetErrors = new AtomicLong();
    private final AtomicLong decodeErrors = new AtomicLong();

    InboundPipeline(String camera, Map<GoProUuid, ExchangeQueue> queuesByResponse, StatusCache statuses,
                    Sinks.Many<StatusUpdate> statusHub, Sinks.Many<CameraMessage> unsolicitedHub, int maxMessageLength) {
        this.camera = camera;
        this.queuesByResponse = queuesByResponse;
        this.statuses = statuses;
        this.statusHub = statusHub;
        this.unsolicitedHub = unsolicitedHub;
        for (GoProUuid uuid : queuesByResponse.keySet()) {
            assemblers.put(uuid, new MessageAssembler(new io.camrig.ble.packet.PacketReassembler(maxMessageLength)));
        }
    }

    /** Handles one notification; must run on the camera's worker, in arrival order. */
    void onNotification(GattNotification notification) {
        GoProUuid uuid = GoProUuid.of(notification.characteristic()).orElse(null);
        MessageAssembler assembler = uuid == null ? null : assemblers.get(uuid);
        if (assembler == null) {
            log.debug("{}: notification on unexpected characteristic {}", camera, notification.characteristic());
            return;
        }
        assembler.accept(notification.value(), message -> onMessage(uuid, message), this::onPacketError);
    }

    private void onPacketError(PacketException e) {
        packetErrors.incrementAndGet();
        log.debug("{}: dropped packet: {}", camera, e.getMessage());
    }

    private void onMessage(GoProUuid uuid, byte[] bytes) {
        long now = System.nanoTime();
        CameraMessage message;
        try {
            message = MessageDecoder.decode(uuid, bytes);
        } catch (CamrigException e) {
            decodeErrors.incrementAndGet();
            log.debug("{}: undecodable message on {}: {}", camera, uuid.label(), e.getMessage());
            return;
        }
        if (message instanceof QueryResponse q && QueryId.isStatusQuery(q.queryId())) {
            q.entries().forEach(e -> updateStatus(e, now));
        }
        if (message instanceof PushNotification p) {
            if (p.isStatusPush()) {
                p.entries().forEach(e -> updateStatus(e, now));
            }
            unsolicitedHub.tryEmitNext(message);
            return;
        }
        ExchangeQueue queue = queuesByResponse.get(uuid);
        if (!queue.offer(message, now)) {
            unsolicitedHub.tryEmitNext(message);
        }
    }

    private void updateStatus(TlvEntry entry, long receivedNanos) {
        long value = entry.asLong();
        statuses.put(entry.id(), value);
        statusHub.tryEmitNext(new StatusUpdate(entry.id(), value, receivedNanos));
    }

    /** Packets dropped as invalid so far. */
    /** What was discarded so far. Read from any thread (counters are monotonic). */
    LinkStats stats() {
        long duplicates = 0;
        synchronized (assemblers) {
            for (MessageAssembler a : assemblers.values()) {
                duplicates += a.reassembler().duplicatesDropped();
            }
        }
        return new LinkStats(packetErrors.get(), duplicates, decodeErrors.get());
    }

    long packetErrors() {
        return packetErrors.get();
    }

    /** Messages that reassembled but did not decode so far. */
    long decodeErrors() {
        return decodeErrors.get();
    }
}
