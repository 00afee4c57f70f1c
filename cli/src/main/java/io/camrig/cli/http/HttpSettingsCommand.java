package io.camrig.cli.http;

import io.camrig.cli.TerminalText;
import io.camrig.http.SettingRejectedException;
import io.camrig.http.model.CameraState;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code camrig http settings get [ID…]} (from {@code GET /gopro/camera/state}) and {@code camrig
 * http settings set ID OPTION} ({@code GET /gopro/camera/setting?setting=&option=}); a refused
 * option prints the options the camera supports.
 */
@Command(name = "settings", mixinStandardHelpOptions = true, description = "Read or change settings.",
        subcommands = {HttpSettingsCommand.Get.class, HttpSettingsCommand.Set.class})
final class HttpSettingsCommand implements Runnable {
    @ParentCommand
    HttpCommand http;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: get or set");
    }

    /** {@code settings get [ID…]}. */
    @Command(name = "get", mixinStandardHelpOptions = true, description = "Print settings (all, or the given ids).")
    static final class Get implements Callable<Integer> {
        @ParentCommand
        HttpSettingsCommand settings;

        @Parameters(paramLabel = "ID", arity = "0..*", description = "Setting ids, e.g. 2 (video resolution).")
        List<Integer> ids = new ArrayList<>();

        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        @Override
        public Integer call() {
            HttpCommand http = settings.http;
            return http.run(() -> {
                CameraState s = http.client().state().block();
                Map<Integer, Object> chosen = new LinkedHashMap<>();
                for (Map.Entry<Integer, Object> e : s.settings().entrySet()) {
                    if (ids.isEmpty() || ids.contains(e.getKey())) {
                        chosen.put(e.getKey(), e.getValue());
                    }
                }
                PrintWriter out = http.spec.commandLine().getOut();
                if (json) {
                    HttpCommand.printJson(out, chosen);
                } else {
                    chosen.forEach((id, v) -> out.printf("%3d  %s%n", id, TerminalText.safe(v)));
                    out.flush();
                }
                List<Integer> missing = ids.stream().filter(id -> !chosen.containsKey(id)).toList();
                if (!missing.isEmpty()) {
                    http.spec.commandLine().getErr().println("camrig http: the camera reports no setting " + missing);
                    return 1;
                }
                return 0;
            });
        }
    }

    /** {@code settings set ID OPTION}. */
    @Command(name = "set", mixinStandardHelpOptions = true, description = "Set a setting to an option.")
    static final class Set implements Callable<Integer> {
        @ParentCommand
        HttpSettingsCommand settings;

        @Parameters(index = "0", paramLabel = "ID", description = "The setting id, e.g. 2.")
        int id;

        @Parameters(index = "1", paramLabel = "OPTION", description = "The option id, e.g. 9.")
        int option;

        @Override
        public Integer call() {
            HttpCommand http = settings.http;
            if (id <= 0 || option < 0) {
                throw new CommandLine.ParameterException(settings.spec.commandLine(),
                        "ID must be positive and OPTION zero or positive");
            }
            return http.run(() -> {
                try {
                    http.client().settings().set(id, option).block();
                } catch (SettingRejectedException e) {
                    PrintWriter err = http.spec.commandLine().getErr();
                    err.printf("camrig http: the camera refused option %d of setting %d%n", option, id);
                    if (!e.supportedOptions().isEmpty()) {
                        err.println("supported options:");
                        e.supportedOptions().forEach(o -> err.printf("  %3d  %s%n", o.id(), o.displayName()));
                    }
                    err.flush();
                    return 1;
                }
                http.spec.commandLine().getOut().printf("setting %d = %d%n", id, option);
                http.spec.commandLine().getOut().flush();
                return 0;
            });
        }
    }
}
