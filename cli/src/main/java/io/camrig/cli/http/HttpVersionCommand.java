package io.camrig.cli.http;

import io.camrig.cli.console.TerminalText;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code camrig http version}: {@code GET /gopro/version}, the camera's Open GoPro version. */
@Command(name = "version", description = "Print the camera's Open GoPro API version.")
final class HttpVersionCommand implements Callable<Integer> {
    @ParentCommand
    HttpCommand http;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public Integer call() {
        return http.run(() -> {
            String v = http.client().query().openGoProVersion().block();
            PrintWriter out = http.spec.commandLine().getOut();
            if (json) {
                HttpCommand.printJson(out, Map.of("openGoPro", v));
            } else {
                out.println("Open GoPro " + TerminalText.safe(v));
                out.flush();
            }
            return 0;
        });
    }
}
