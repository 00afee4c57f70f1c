package io.camrig.cluster.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5ConnectBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAck;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One MQTT 5 connection of a cluster member, on HiveMQ's asynchronous client bridged to Reactor
 * ({@code Mono.fromFuture}). It reconnects by itself (100 ms doubling to 2 s), and after every
 * (re)connect subscribes again to its filters and runs the {@link #onConnected} hooks (a node
 * republishes its presence: a restarted broker may have lost it). A refused login stops the
 * reconnecting: wrong credentials do not fix themselves.
 *
 * <p>Inbound publishes are a hot {@link Flux} ({@link #inbound()}), buffered until subscribed.
 */
public final class MqttLink implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MqttLink.class);

    /** A Last Will: published retained by the broker after {@code delaySeconds} of unclean loss. */
    public record Will(String topic, byte[] payload, long delaySeconds) {
    }

    /**
     * One inbound message.
     *
     * @param receivedNanos {@link System#nanoTime()} when the MQTT client handed it over, before
     *                      any queue of ours (clock exchanges take their receive instant from it)
     */
    public record Message(String topic, byte[] payload, boolean retained, long receivedNanos) {
    }

    private final Mqtt5AsyncClient client;
    private final String clientId;
    private final Sinks.Many<Message> inbound = Sinks.many().multicast().onBackpressureBuffer(65_536, false);
    private final Set<String> filters = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final List<Runnable> onConnected = new CopyOnWriteArrayList<>();
    private final Sinks.Many<Boolean> connectivity = Sinks.many().replay().latest();
    private final AtomicBoolean closed = new AtomicBoolean();

    private MqttLink(BrokerUrl url, BrokerLogin login, String clientId) {
        this.clientId = clientId;
        Mqtt5ClientBuilder b = MqttClient.builder().useMqttVersion5()
                .identifier(clientId)
                .serverHost(url.host())
                .serverPort(url.port())
                .simpleAuth().username(login.username()).password(login.password()).applySimpleAuth()
                .automaticReconnect().initialDelay(100, TimeUnit.MILLISECONDS).maxDelay(2, TimeUnit.SECONDS)
                .applyAutomaticReconnect()
                .addConnectedListener(ctx -> connected())
                .addDisconnectedListener(ctx -> {
                    connectivity.tryEmitNext(false);
                    if (closed.get() || ctx.getCause() instanceof Mqtt5ConnAckException
                            || BrokerTlsException.handshakeFailure(ctx.getCause()) != null) {
                        ctx.getReconnector().reconnect(false);
                    }
                });
        if (url.tls()) {
            b = b.sslConfig().trustManagerFactory(PemTrust.trustManagers(login.caFile())).applySslConfig();
        }
        this.client = b.buildAsync();
        client.publishes(MqttGlobalPublishFilter.ALL, p -> {
            long received = System.nanoTime();
            emit(new Message(p.getTopic().toString(), p.getPayloadAsBytes(), p.isRetain(), received));
        });
    }

    private synchronized void emit(Message m) {
        inbound.emitNext(m, Sinks.EmitFailureHandler.busyLooping(java.time.Duration.ofSeconds(1)));
    }

    /**
     * Connects (persistent session when {@code sessionExpirySeconds} &gt; 0: the broker keeps the
     * subscriptions and queues QoS 1 messages while the member is away).
     *
     * @param keepAliveSeconds MQTT keep alive: the broker declares the member lost after 1.5× this
     * @param will             the Last Will, or null
     * @return completes once connected; errors with the broker's refusal (e.g. bad user name or
     *         password) or the connection error
     */
    public static Mono<MqttLink> connect(BrokerUrl url, BrokerLogin login, String clientId, long sessionExpirySeconds,
                                         int keepAliveSeconds, Will will) {
        return Mono.defer(() -> {
            MqttLink link = new MqttLink(url, login, clientId);
            Mqtt5ConnectBuilder.Send<java.util.concurrent.CompletableFuture<com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck>> c =
                    link.client.connectWith().cleanStart(sessionExpirySeconds == 0).sessionExpiryInterval(sessionExpirySeconds)
                            .keepAlive(keepAliveSeconds);
            if (will != null) {
                c = c.willPublish().topic(will.topic()).payload(will.payload()).qos(MqttQos.AT_LEAST_ONCE).retain(true)
                        .delayInterval(will.delaySeconds()).applyWillPublish();
            }
            return Mono.fromFuture(c.send()).thenReturn(link)
                    .onErrorMap(e -> BrokerTlsException.handshakeFailure(e) != null, e -> new BrokerTlsException(url,
                            login.caFile().map(Object::toString).orElse(null), tlsReason(e), e))
                    .doOnError(e -> link.closeQuietly());
        });
    }

    /** The innermost message of a TLS failure (e.g. "PKIX path building failed: …"); certificates only, no login. */
    private static String tlsReason(Throwable e) {
        Throwable t = BrokerTlsException.handshakeFailure(e);
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private void connected() {
        connectivity.tryEmitNext(true);
        for (String f : filters) {
            client.subscribeWith().topicFilter(f).qos(MqttQos.AT_LEAST_ONCE).send()
                    .whenComplete((ack, e) -> {
                        if (e != null) {
                            log.warn("{}: resubscribing {} failed: {}", clientId, f, e.toString());
                        }
                    });
        }
        onConnected.forEach(Runnable::run);
    }

    /** Runs {@code hook} after every reconnect (not the first connect). */
    public void onConnected(Runnable hook) {
        onConnected.add(hook);
    }

    /** {@code true}/{@code false} as the connection comes and goes (latest first on subscribe). */
    public Flux<Boolean> connectivity() {
        return connectivity.asFlux();
    }

    /** Every message received on the subscriptions, hot. */
    public Flux<Message> inbound() {
        return inbound.asFlux();
    }

    /**
     * Subscribes (QoS 1), also after every reconnect. Errors with {@link MqttRefusedException}
     * when the broker refuses (not authorised).
     */
    public Mono<Void> subscribe(String filter) {
        filters.add(filter);
        return Mono.fromFuture(() -> client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send())
                .onErrorMap(com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException.class,
                        e -> new MqttRefusedException("subscribe " + filter, e.getMqttMessage().getReasonCodes().toString()))
                .flatMap(ack -> refused(ack) ? Mono.error(new MqttRefusedException("subscribe " + filter,
                        ack.getReasonCodes().toString())) : Mono.<Void>empty());
    }

    private static boolean refused(Mqtt5SubAck ack) {
        return ack.getReasonCodes().stream().anyMatch(c -> c.isError());
    }

    /**
     * Publishes. With QoS 1 it completes when the broker acknowledged it, and errors with
     * {@link MqttRefusedException} when the broker refused it (e.g. not authorised).
     *
     * @param expirySeconds message expiry interval, s (0: none)
     */
    public Mono<Void> publish(String topic, byte[] payload, boolean atLeastOnce, boolean retain, long expirySeconds) {
        return Mono.fromFuture(() -> {
                    var p = client.publishWith().topic(topic).payload(payload)
                            .qos(atLeastOnce ? MqttQos.AT_LEAST_ONCE : MqttQos.AT_MOST_ONCE).retain(retain);
                    return expirySeconds > 0 ? p.messageExpiryInterval(expirySeconds).send() : p.send();
                })
                .onErrorMap(com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException.class,
                        e -> new MqttRefusedException("publish " + topic, e.getMqttMessage().getReasonCode().toString()))
                .flatMap(r -> refusal(topic, r));
    }

    private static Mono<Void> refusal(String topic, Mqtt5PublishResult r) {
        if (r.getError().isPresent()) {
            return Mono.error(new MqttRefusedException("publish " + topic, r.getError().get().getMessage()));
        }
        if (r instanceof Mqtt5PublishResult.Mqtt5Qos1Result q && q.getPubAck().getReasonCode().isError()) {
            return Mono.error(new MqttRefusedException("publish " + topic, q.getPubAck().getReasonCode().toString()));
        }
        return Mono.empty();
    }

    /** The client id this link connected with. */
    public String clientId() {
        return clientId;
    }

    /**
     * Disconnects cleanly: the broker discards the Last Will (publish an "offline" presence
     * yourself first) and keeps a persistent session.
     */
    public Mono<Void> disconnect() {
        return Mono.defer(() -> {
            closed.set(true);
            return Mono.fromFuture(client.disconnect()).onErrorResume(e -> Mono.empty());
        });
    }

    private void closeQuietly() {
        closed.set(true);
        client.disconnect().exceptionally(e -> null);
    }

    @Override
    public void close() {
        disconnect().block(java.time.Duration.ofSeconds(5));
        inbound.tryEmitComplete();
    }
}
