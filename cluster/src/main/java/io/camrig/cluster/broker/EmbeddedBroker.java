package io.camrig.cluster.broker;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import io.camrig.cluster.mqtt.BrokerUrl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The embedded MQTT 5 broker: HiveMQ Community Edition in this JVM, one TCP listener, with
 * camrig's login and per-node authorisation ({@link ClusterAuthenticator}), file persistence in
 * {@code dataDir} (sessions and retained presence survive a restart with the same directory),
 * and no usage statistics. It binds 127.0.0.1 unless given another address.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private final EmbeddedHiveMQ hivemq;
    private final BrokerUrl url;
    private final BrokerSecret secret;

    private EmbeddedBroker(EmbeddedHiveMQ hivemq, BrokerUrl url, BrokerSecret secret) {
        this.hivemq = hivemq;
        this.url = url;
        this.secret = secret;
    }

    /**
     * Starts a broker (HiveMQ takes seconds to start: its persistence is initialised).
     *
     * @param bindAddress the address to listen on, normally {@code 127.0.0.1}
     * @param port        TCP port; 0 picks a free one
     * @param secret      the credentials to accept (its URL is ignored: the broker's is {@link #url()})
     * @param dataDir     where HiveMQ keeps its configuration and persistence
     */
    public static Mono<EmbeddedBroker> start(String bindAddress, int port, BrokerSecret secret, Path dataDir) {
        return Mono.fromCallable(() -> {
            int p = port == 0 ? freePort(bindAddress) : port;
            Path conf = Files.createDirectories(dataDir.resolve("conf"));
            Files.writeString(conf.resolve("config.xml"), """
                    <?xml version="1.0"?>
                    <hivemq>
                      <listeners>
                        <tcp-listener><port>%d</port><bind-address>%s</bind-address></tcp-listener>
                      </listeners>
                      <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                    </hivemq>
                    """.formatted(p, bindAddress));
            // HiveMQ re-configures logback for the whole JVM from this file: give it the host's own.
            Files.writeString(conf.resolve("logback.xml"), HostLogging.asLogbackXml());
            BrokerUrl url = new BrokerUrl(bindAddress, p, false);
            BrokerSecret accepted = new BrokerSecret(url.toString(), secret.secret());
            EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
                    .withConfigurationFolder(conf)
                    .withDataFolder(Files.createDirectories(dataDir.resolve("data")))
                    .withExtensionsFolder(Files.createDirectories(dataDir.resolve("extensions")))
                    .withEmbeddedExtension(EmbeddedExtension.builder()
                            .withId("camrig-auth").withName("camrig login and per-node authorisation")
                            .withVersion("1").withAuthor("camrig").withPriority(1000).withStartPriority(1000)
                            .withExtensionMain(new AuthExtension(accepted)).build())
                    .build();
            hivemq.start().join();
            return new EmbeddedBroker(hivemq, url, accepted);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private static int freePort(String address) {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName(address))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL clients connect to, e.g. {@code mqtt://127.0.0.1:41883}. */
    public BrokerUrl url() {
        return url;
    }

    /** The credentials this broker accepts (with its URL). */
    public BrokerSecret secret() {
        return secret;
    }

    /** Stops the broker; clients see their connection drop. */
    public Mono<Void> stop() {
        return Mono.fromFuture(hivemq::stop).subscribeOn(Schedulers.boundedElastic()).then();
    }

    @Override
    public void close() {
        try {
            hivemq.close();
        } catch (Exception e) {
            throw new IllegalStateException("stopping the embedded broker: " + e.getMessage(), e);
        }
    }

    private record AuthExtension(BrokerSecret secret) implements ExtensionMain {
        @Override
        public void extensionStart(ExtensionStartInput in, ExtensionStartOutput out) {
            Services.securityRegistry().setAuthenticatorProvider(input -> new ClusterAuthenticator(secret));
        }

        @Override
        public void extensionStop(ExtensionStopInput in, ExtensionStopOutput out) {
        }
    }
}
