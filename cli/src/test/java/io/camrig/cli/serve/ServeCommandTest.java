package io.camrig.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.cli.CamrigCommand;
import io.camrig.service.RigService;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import reactor.core.publisher.Sinks;

/**
 * {@code camrig serve} keeps one rig: {@code settings set --rig URL} then {@code settings get
 * --rig URL} see the same cameras and the change, where each command on its own would build a
 * throwaway rig.
 */
class ServeCommandTest {
    private final StringWriter out = new StringWriter();

    private int serve(Consumer<RigService> whileUp, String... args) throws Exception {
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
        return CompletableFuture.supplyAsync(() -> cli.execute(all)).get(120, TimeUnit.SECONDS);
    }

    private static String run(String... args) {
        CommandLine cli = CamrigCommand.commandLine();
        StringWriter text = new StringWriter();
        cli.setOut(new PrintWriter(text, true));
        cli.setErr(new PrintWriter(text, true));
        int code = cli.execute(args);
        return code + "\n" + text;
    }

    @Test
    void settingsSetThenGetActOnTheServedRig() throws Exception {
        String[] set = new String[1];
        String[] get = new String[1];
        int code = serve(s -> {
            String url = s.uri().toString();
            set[0] = run("settings", "set", "anti_flicker", "50Hz", "--rig", url);
            get[0] = run("settings", "get", "anti_flicker", "--rig", url);
        }, "--port", "0", "--cameras", "3");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("console: http://127.0.0.1:").contains("3 cameras (3 healthy)");
        assertThat(set[0]).startsWith("0\n").contains("GoPro 0001   anti_flicker = 50Hz: ok")
                .contains("GoPro 0003   anti_flicker = 50Hz: ok");
        assertThat(get[0]).startsWith("0\n").contains("GoPro 0001").contains("GoPro 0003");
        assertThat(get[0].lines().filter(l -> l.startsWith("anti_flicker")).findFirst().orElseThrow())
                .doesNotContain("60Hz").contains("50Hz");
    }

    @Test
    void aRigServiceThatIsNotThereIsAClearError() {
        String r = run("settings", "get", "anti_flicker", "--rig", "http://127.0.0.1:1");
        assertThat(r).startsWith("1\n").contains("cannot reach the rig service at http://127.0.0.1:1");
    }
}
