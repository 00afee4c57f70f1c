package io.camrig.cli.serve;

import io.camrig.ble.spi.BleCentral;
import io.camrig.cli.ble.BleOptions;
import io.camrig.cli.console.StopHook;
import io.camrig.prometheus.PrometheusEndpoint;
import io.camrig.engine.metrics.RigMetrics;
import io.camrig.engine.rig.Rig;
import io.camrig.engine.rig.RigOptions;
import io.camrig.engine.session.HttpAddressResolver;
import io.camrig.service.RigService;
import io.camrig.service.ServiceOptions;
import io.camrig.service.rig.RigAccess;
import io.camrig.service.security.ServiceToken;
import io.camrig.simulator.SimulatorOptions;
import io.camrig.simulator.VirtualRig;
import io.camrig.simulator.camera.SimulatedModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * {@code camrig serve}: keeps a rig connected and serves it — JSON API, live events, Prometheus
 * metrics and the web console — until Ctrl-C (or {@code --duration}). With no arguments: 8
 * simulated cameras on http://127.0.0.1:8420/. Bound beyond loopback it needs its bearer token,
 * generated on first start, printed once, and stored (as a hash, mode 0600) beside the
 * credentials. Ctrl-C, SIGTERM and {@code --duration} all stop it the same way ({@link
 * RigService#close()}): take downloads under way stop with their partial files kept for a resume,
 * then the rig closes. Exit 0 when stopped by {@code --duration} or SIGTERM's shutdown, 130 after
 * Ctrl-C, 1 when the rig or the port cannot be had, 2 on bad usage.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Keep a rig connected and serve its API, live events, metrics and web console.")
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "P", defaultValue = "8420", description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks one).")
    int port;

    @Option(names = "--host", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to bind (default: ${DEFAULT-VALUE}); any other address requires the bearer token.")
    String host;

    @Option(names = "--cameras", paramLabel = "N", defaultValue = "8",
            description = "Simulated cameras to start, or with --ble bluez how many to wait for (default: ${DEFAULT-VALUE}).")
    int cameras;

    @Option(names = "--model", paramLabel = "NAME", defaultValue = "HERO12 Black", description = "Simulated camera model (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the simulated rig (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--media-dir", paramLabel = "DIR", defaultValue = "camrig-media", description = "Where take downloads land (default: ${DEFAULT-VALUE}).")
    Path mediaDir;

    @Option(names = "--require-token", description = "Require the bearer token on loopback too.")
    boolean requireToken;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "Where the token's hash is kept (default: service-token beside the credential file).")
    Path tokenFile;

    @Option(names = "--new-token", description = "Make a new token (the old one stops working); it is printed once.")
    boolean newToken;

    @Option(names = "--tls-cert", paramLabel = "PEM", description = "Serve HTTPS with this certificate chain (PEM); needs --tls-key.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "The private key of --tls-cert (PKCS#8 PEM).")
    Path tlsKey;

    @Option(names = "--duration", paramLabel = "D", description = "Stop by itself after D (default: run until Ctrl-C).")
    Duration duration;

    @Option(names = "--broker", paramLabel = "URL",
            description = "Serve the rig of every 'camrig node' on this MQTT broker (mqtt:// or mqtts://) instead of a rig of this host.")
    String broker;

    @Option(names = "--clock-limit", paramLabel = "D", defaultValue = "1ms",
            description = "With --broker: a node whose clock offset is less certain than D refuses to fire (default: ${DEFAULT-VALUE}).")
    Duration clockLimit;

    @CommandLine.Mixin
    io.camrig.cli.rig.ClusterLogin brokerLogin = new io.camrig.cli.rig.ClusterLogin();

    @CommandLine.Mixin
    BleOptions ble = new BleOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Completes when the service should stop; set by tests, else Ctrl-C or {@code --duration}. */
    Mono<Void> stopSignal;

    /** Told once the service is up (tests reach it through this). */
    Consumer<RigService> onReady = s -> { };

    /** Told of the simulated rig once it runs (tests inject camera faults through this). */
    Consumer<VirtualRig> onSimulator = s -> { };

    @Override
    public Integer call() {
        ServiceOptions options = options();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (broker != null) {
            return serve(() -> ServedBrokerRig.connect(broker, brokerLogin, clockLimit, spec.commandLine(), out), options, () -> { },
                    out, err);
        }
        VirtualRig sim = null;
        BleCentral central;
        Runnable closeCentral;
        if (ble.simulated()) {
            sim = VirtualRig.start(SimulatorOptions.defaults().withCameras(cameras).withModel(model).withSeed(seed)
                    .withMediaFileBytes(1024 * 1024)).block(Duration.ofSeconds(60));
            central = sim.central();
            VirtualRig s = sim;
            onSimulator.accept(s);
            closeCentral = s::close;
            options = options.withHttp(HttpAddressResolver.ofUris(s::httpBaseUri));
        } else {
            var bluez = ble.central().orElseThrow();
            central = bluez;
            closeCentral = () -> bluez.shutdown().block(Duration.ofSeconds(5));
        }
        out.printf("camrig serve: connecting %d %s cameras…%n", cameras, ble.simulated() ? "simulated " + model : "BlueZ");
        out.flush();
        return serve(() -> new RigAccess(Rig.discover(central, RigOptions.defaults().withExpectedCameras(cameras),
                new RigMetrics(PrometheusEndpoint.newRegistry())).block(Duration.ofMinutes(2))), options, closeCentral, out, err);
    }

    /** Starts the rig and the service, prints where it is, serves until stopped; closes {@code closeCentral} at the end. */
    private int serve(java.util.function.Supplier<RigAccess> rigs, ServiceOptions options, Runnable closeCentral,
                      PrintWriter out, PrintWriter err) {
        RigService service;
        try {
            RigAccess access = rigs.get();
            access.start().block(Duration.ofMinutes(5));
            service = RigService.start(access, options).block(Duration.ofSeconds(10));
        } catch (CommandLine.ParameterException e) {
            closeCentral.run();
            throw e;
        } catch (RuntimeException e) {
            closeCentral.run();
            err.println("camrig serve: " + e.getMessage());
            err.flush();
            return 1;
        }
        long healthy = service.rig().members().stream().filter(m -> m.isHealthy()).count();
        out.printf("camrig serve: %d cameras (%d healthy)%n  console: %s%n  API:     %sapi (OpenAPI: %sapi/openapi.yaml)%n"
                        + "  metrics: %smetrics%nCtrl-C stops it.%n", service.rig().members().size(), healthy,
                service.uri(), service.uri(), service.uri(), service.uri());
        out.flush();
        Sinks.Empty<Void> terminated = Sinks.empty();
        StopHook hook = stopSignal == null ? StopHook.install("camrig-serve-stop", terminated::tryEmitEmpty) : null;
        try {
            onReady.accept(service);
            waitForStop(terminated.asMono());
        } finally {
            try {
                service.close();
                closeCentral.run();
                out.println("camrig serve: stopped");
                out.flush();
            } finally {
                if (hook != null) {
                    hook.closed();
                }
            }
        }
        return 0;
    }

    /**
     * Waits for the stop signal: {@link #stopSignal} in tests, else {@code --duration} or the JVM's
     * shutdown (SIGTERM; Ctrl-C interrupts this thread instead, see {@code Interrupts}). The
     * shutdown hook ({@link StopHook}) waits for the close, so a SIGTERM goes through the
     * same close as Ctrl-C: downloads stopped with their partial files kept, the rig closed.
     */
    private void waitForStop(Mono<Void> terminated) {
        Mono<Void> stop = stopSignal != null ? stopSignal : terminated;
        if (duration != null) {
            stop = Mono.firstWithSignal(stop, Mono.delay(duration).then());
        }
        stop.block();
    }

    private ServiceOptions options() {
        CommandLine cl = spec.commandLine();
        ble.validate(cl);
        if (cameras < 1 || cameras > 1024) {
            throw new CommandLine.ParameterException(cl, "--cameras must be between 1 and 1024, got " + cameras);
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new CommandLine.ParameterException(cl, "--tls-cert and --tls-key go together");
        }
        try {
            SimulatedModel.byName(model);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        ServiceOptions options;
        try {
            options = ServiceOptions.defaults().withPort(port).withMediaDir(mediaDir);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        boolean loopback = ServiceOptions.defaults().withHost(host).loopback();
        if (!loopback || requireToken || newToken) {
            Path file = tokenFile != null ? tokenFile : ServiceToken.defaultFile(System.getenv());
            try {
                ServiceToken token = ServiceToken.loadOrCreate(file, newToken);
                token.issued().ifPresent(t -> {
                    PrintWriter out = cl.getOut();
                    out.println("camrig serve: new access token (shown once; its hash is in " + file + "):");
                    out.println("  " + t);
                    out.flush();
                });
                options = options.withToken(token);
            } catch (IOException e) {
                throw new CommandLine.ParameterException(cl, "cannot read or make the token: " + e.getMessage());
            }
        }
        options = options.withHost(host);
        if (tlsCert != null) {
            options = options.withTls(new ServiceOptions.Tls(tlsCert, tlsKey));
        }
        return options;
    }
}
