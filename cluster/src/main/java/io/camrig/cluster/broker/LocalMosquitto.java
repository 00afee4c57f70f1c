package io.camrig.cluster.broker;

import io.camrig.cluster.Topics;
import io.camrig.cluster.mqtt.BrokerLogin;
import io.camrig.cluster.mqtt.BrokerUrl;
import io.camrig.cluster.mqtt.MqttLink;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * A Mosquitto broker started on this machine as a child process, configured as docs/multi-host.md
 * describes: one listener on a free {@code 127.0.0.1} port, no anonymous access, a password file
 * (each member's password derived from a {@link BrokerSecret}, hashed by {@code mosquitto_passwd -U}),
 * the per-node ACL ({@link #ACL}: a node publishes only under {@code camrig/v1/node/<its id>/}),
 * no persistence, Nagle's algorithm off ({@code set_tcp_nodelay true}: Mosquitto leaves it on by
 * default, which holds small QoS 1 packets back for tens of ms), optionally TLS. Its files (0600, in a directory of the caller's) and its log
 * ({@code mosquitto.log}) stay in that directory. Stopped by {@link #close()}, and by a JVM
 * shutdown hook until then (Ctrl-C, SIGTERM, an exception on the way out); a JVM killed with
 * SIGKILL leaves it running, as it would any child process.
 *
 * <p>Errors: {@link MosquittoMissingException} when the programs are not installed; an
 * {@link IllegalStateException} with the broker's log when it exits at start or refuses logins.
 */
public final class LocalMosquitto implements AutoCloseable {
    /** The per-node ACL of docs/multi-host.md ({@code %u}: the login's user name, i.e. the node id). */
    public static final String ACL = """
            user coordinator
            topic write camrig/v1/coord/#
            topic read camrig/v1/node/#

            pattern write camrig/v1/node/%u/#
            pattern read camrig/v1/coord/cmd/%u
            pattern read camrig/v1/coord/clock/%u
            pattern read camrig/v1/coord/fire
            """;

    /** TLS files of the listener (PEM): the CA members trust, the server's certificate and key. */
    public record Tls(Path caFile, Path certificateFile, Path keyFile) {
    }

    private final Path dir;
    private final BrokerSecret secret;
    private final BrokerUrl url;
    private final Optional<Tls> tls;
    private final Path program;
    private final Thread shutdownHook;
    private volatile Process process;

    private LocalMosquitto(Path dir, BrokerSecret secret, BrokerUrl url, Optional<Tls> tls, Path program) {
        this.dir = dir;
        this.secret = secret;
        this.url = url;
        this.tls = tls;
        this.program = program;
        this.shutdownHook = new Thread(this::stopProcess, "camrig-mosquitto-stop");
    }

    /**
     * Writes the configuration into {@code dir} and starts Mosquitto; emits once a coordinator login
     * succeeds (at most 30 s). {@code users} are the logins the password file holds (node ids and
     * {@value Topics#COORDINATOR}).
     */
    public static Mono<LocalMosquitto> start(Path dir, BrokerSecret secret, List<String> users, Optional<Tls> tls) {
        return Mono.fromCallable(() -> configure(dir, secret, users, tls)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(m -> m.launch().thenReturn(m));
    }

    /** Where {@code name} is: the first executable on {@code PATH}, else in /usr/sbin or /usr/bin. */
    public static Optional<Path> find(String name) {
        List<Path> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String d : path.split(java.io.File.pathSeparator)) {
                if (!d.isEmpty()) {
                    dirs.add(Path.of(d));
                }
            }
        }
        dirs.add(Path.of("/usr/sbin"));
        dirs.add(Path.of("/usr/bin"));
        return dirs.stream().map(d -> d.resolve(name)).filter(Files::isExecutable).findFirst();
    }

    /** {@code true} when both {@code mosquitto} and {@code mosquitto_passwd} are installed. */
    public static boolean installed() {
        return find("mosquitto").isPresent() && find("mosquitto_passwd").isPresent();
    }

    private static LocalMosquitto configure(Path dir, BrokerSecret secret, List<String> users, Optional<Tls> tls)
            throws IOException, InterruptedException {
        Path program = find("mosquitto").orElseThrow(() -> new MosquittoMissingException("mosquitto"));
        Path passwdTool = find("mosquitto_passwd").orElseThrow(() -> new MosquittoMissingException("mosquitto_passwd"));
        Files.createDirectories(dir);
        StringBuilder passwd = new StringBuilder();
        for (String u : users) {
            passwd.append(u).append(':').append(new String(secret.login(u).password(), StandardCharsets.UTF_8)).append('\n');
        }
        Path pw = privateFile(dir.resolve("passwd"), passwd.toString());
        Process hash = new ProcessBuilder(passwdTool.toString(), "-U", pw.toString()).redirectErrorStream(true).start();
        if (!hash.waitFor(30, TimeUnit.SECONDS) || hash.exitValue() != 0) {
            hash.destroyForcibly();
            throw new IllegalStateException("mosquitto_passwd -U failed: "
                    + new String(hash.getInputStream().readNBytes(2000), StandardCharsets.UTF_8));
        }
        Path acl = privateFile(dir.resolve("acl"), ACL);
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        // "user": started as root, Mosquitto would switch to user mosquitto, who cannot read this private directory.
        privateFile(dir.resolve("mosquitto.conf"), """
                listener %d 127.0.0.1
                allow_anonymous false
                password_file %s
                acl_file %s
                persistence false
                set_tcp_nodelay true
                log_dest stderr
                user %s
                """.formatted(port, pw, acl, System.getProperty("user.name"))
                + tls.map(t -> "cafile %s%ncertfile %s%nkeyfile %s%n".formatted(t.caFile(), t.certificateFile(), t.keyFile()))
                        .orElse(""));
        return new LocalMosquitto(dir, secret, new BrokerUrl("127.0.0.1", port, tls.isPresent()), tls, program);
    }

    private static Path privateFile(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private Mono<Void> launch() {
        return Mono.fromCallable(() -> {
            process = new ProcessBuilder(program.toString(), "-c", dir.resolve("mosquitto.conf").toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
            try {
                Runtime.getRuntime().addShutdownHook(shutdownHook);
            } catch (IllegalArgumentException alreadyAdded) {
                // a restart: the hook from the first start stays
            }
            return process;
        }).subscribeOn(Schedulers.boundedElastic())
                // Ready when a login succeeds (retried with backoff; no sleeping); a broker that exited is not retried.
                .flatMap(p -> Mono.defer(() -> p.isAlive() ? MqttLink.connect(url, login(Topics.COORDINATOR), "probe", 0, 5, null)
                                : Mono.error(new Exited(p.exitValue())))
                        .retryWhen(Retry.backoff(60, Duration.ofMillis(50)).maxBackoff(Duration.ofMillis(500))
                                .filter(e -> !(e instanceof Exited)))
                        .timeout(Duration.ofSeconds(30)))
                .doOnNext(MqttLink::close)
                .onErrorMap(e -> !(e instanceof MosquittoMissingException), e -> {
                    stopProcess();
                    return new IllegalStateException("mosquitto at " + url + " did not start (" + e.getMessage()
                            + "); its log: " + logTail(), e);
                })
                .then();
    }

    /** The broker's URL, e.g. {@code mqtt://127.0.0.1:41873}. */
    public BrokerUrl url() {
        return url;
    }

    /** The secret the members' passwords derive from. */
    public BrokerSecret secret() {
        return secret;
    }

    /** The login of {@code user}, trusting this broker's CA when it speaks TLS. */
    public BrokerLogin login(String user) {
        return tls.map(t -> secret.login(user).withCaFile(t.caFile())).orElseGet(() -> secret.login(user));
    }

    /** The running broker process (for its pid; empty before the start and after {@link #close()}). */
    public Optional<ProcessHandle> process() {
        Process p = process;
        return p == null || !p.isAlive() ? Optional.empty() : Optional.of(p.toHandle());
    }

    /** The broker's log file. */
    public Path log() {
        return dir.resolve("mosquitto.log");
    }

    /**
     * Restarts the broker on the same port: stopped (SIGTERM, waited for), started again. It keeps
     * no state ({@code persistence false}): sessions, subscriptions and retained messages are gone,
     * as after a broker host's crash.
     */
    public Mono<Void> restart() {
        return Mono.fromRunnable(this::stopProcess).subscribeOn(Schedulers.boundedElastic()).then(launch());
    }

    /** Stops the broker (SIGTERM, then SIGKILL after 10 s) and waits until it has exited. */
    @Override
    public void close() {
        stopProcess();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException shuttingDownOrNeverAdded) {
            // the hook runs (or ran) anyway
        }
    }

    private void stopProcess() {
        Process p = process;
        if (p == null) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log(), StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return "LocalMosquitto[" + url + "]";
    }

    private static final class Exited extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Exited(int code) {
            super("mosquitto exited with code " + code);
        }
    }
}
