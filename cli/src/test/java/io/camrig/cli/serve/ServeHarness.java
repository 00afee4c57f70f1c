package io.camrig.cli.serve;

import io.camrig.cli.CamrigCommand;
import io.camrig.service.RigService;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import picocli.CommandLine;
import reactor.core.publisher.Sinks;

/** Runs {@code camrig serve} in-process until a test's work against it is done, and other commands beside it. */
final class ServeHarness {
    private ServeHarness() {
    }

    /**
     * {@code camrig serve ARGS}, output into {@code out}; {@code whileUp} runs once it serves, then it stops.
     *
     * @return the exit code
     */
    static int serve(StringWriter out, Consumer<RigService> whileUp, String... args) throws Exception {
        CommandLine cli = CamrigCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        ServeCommand command = (ServeCommand) cli.getSubcommands().get("serve").getCommand();
        Sinks.Empty<Void> stop = Sinks.empty();
        command.stopSignal = stop.asMono();
        command.onReady = s -> {
            try {
                whileUp.accept(s);
            } finally {
                stop.tryEmitEmpty();
            }
        };
        String[] all = new String[args.length + 1];
        all[0] = "serve";
        System.arraycopy(args, 0, all, 1, args.length);
        return CompletableFuture.supplyAsync(() -> cli.execute(all)).get(300, TimeUnit.SECONDS);
    }

    /** Another command: its exit code, a newline, then its output and errors. */
    static String run(String... args) {
        CommandLine cli = CamrigCommand.commandLine();
        StringWriter text = new StringWriter();
        cli.setOut(new PrintWriter(text, true));
        cli.setErr(new PrintWriter(text, true));
        int code = cli.execute(args);
        return code + "\n" + text;
    }
}
