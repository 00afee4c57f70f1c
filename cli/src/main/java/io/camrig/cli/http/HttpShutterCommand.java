package io.camrig.cli.http;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code camrig http shutter on|off}: {@code GET /gopro/camera/shutter/start|stop}. */
@Command(name = "shutter", mixinStandardHelpOptions = true, description = "Start (on) or stop (off) capture.")
final class HttpShutterCommand implements Callable<Integer> {
    /** What to do with the shutter. */
    enum Action { on, off }

    @ParentCommand
    HttpCommand http;

    @Parameters(index = "0", paramLabel = "on|off", description = "on starts capture, off stops it.")
    Action action;

    @Override
    public Integer call() {
        return http.run(() -> {
            http.client().control().shutter(action == Action.on).block();
            http.spec.commandLine().getOut().println("shutter " + action);
            http.spec.commandLine().getOut().flush();
            return 0;
        });
    }
}
