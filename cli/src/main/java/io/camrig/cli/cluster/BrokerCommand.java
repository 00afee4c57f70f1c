package io.camrig.cli.cluster;

import io.camrig.cluster.broker.BrokerSecret;
import io.camrig.cluster.broker.EmbeddedBroker;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code camrig broker}: the embedded MQTT 5 broker (HiveMQ CE) for a rig across hosts, until
 * interrupted. Its credentials are generated once and kept, mode 0600, in
 * {@code ~/.config/camrig/broker.properties} with its URL, where {@code camrig node} and the rig
 * commands on this machine find them; {@code --login-file} writes one member's login for another
 * host.
 */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Run the embedded MQTT 5 broker for a rig across hosts (127.0.0.1 unless --bind).")
public final class BrokerCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "P", defaultValue = "1883", description = "TCP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; other hosts need a LAN address, and TLS: "
                    + "see docs/multi-host.md for Mosquitto with TLS).")
    String bind;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Broker persistence (default: ~/.local/state/camrig/broker).")
    Path dataDir;

    @Option(names = "--login-file", paramLabel = "USER=FILE",
            description = "Write USER's login (a node id, or coordinator) to FILE (0600) for another host, and exit.")
    String loginFile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        CommandLine cl = spec.commandLine();
        PrintWriter out = cl.getOut();
        Path file = BrokerSecret.defaultFile();
        Optional<BrokerSecret> existing = BrokerSecret.read(file);
        String url = "mqtt://" + bind + ":" + port;
        BrokerSecret secret = existing.map(s -> new BrokerSecret(url, s.secret())).orElseGet(() -> BrokerSecret.generate(url));
        if (loginFile != null) {
            int eq = loginFile.indexOf('=');
            if (eq < 1 || existing.isEmpty()) {
                throw new CommandLine.ParameterException(cl, existing.isEmpty() ? "run 'camrig broker' once first"
                        : "--login-file takes USER=FILE");
            }
            secret.loginFile(loginFile.substring(0, eq), Path.of(loginFile.substring(eq + 1)));
            out.println("wrote the login of " + loginFile.substring(0, eq) + " to " + loginFile.substring(eq + 1));
            return 0;
        }
        if (port < 1 || port > 65535) {
            throw new CommandLine.ParameterException(cl, "--port must be 1..65535");
        }
        Path data = dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".local", "state", "camrig", "broker");
        Files.createDirectories(data);
        secret.write(file);
        EmbeddedBroker broker = EmbeddedBroker.start(bind, port, secret, data).block(Duration.ofMinutes(2));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }));
        out.println("camrig broker: " + broker.url() + " (credentials in " + file + ", mode 0600); Ctrl-C stops it");
        out.flush();
        stopped.await();
        return 0;
    }
}
