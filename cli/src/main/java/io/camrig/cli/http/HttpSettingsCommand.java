package io.camrig.cli.http;

import io.camrig.cli.rig.Names;
import io.camrig.cli.rig.OptionNames;
import io.camrig.cli.console.TerminalText;
import io.camrig.http.SettingRejectedException;
import io.camrig.proto.catalog.Setting;
import io.camrig.proto.catalog.SettingOption;
import io.camrig.http.model.CameraState;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code camrig http settings get [SETTING…]} (from {@code GET /gopro/camera/state}) and {@code camrig
 * http settings set SETTING OPTION}, settings and options by name or id ({@code GET /gopro/camera/setting?setting=&option=}); a refused
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

        @Parameters(paramLabel = "SETTING", arity = "0..*",
                description = "Settings by name (video_resolution), spec name or id (2).")
        List<String> names = new ArrayList<>();

        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        @Override
        public Integer call() {
            HttpCommand http = settings.http;
            List<Integer> ids = names.stream().map(n -> settingId(settings.spec.commandLine(), n)).toList();
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
                    chosen.forEach((id, v) -> out.printf("%3d  %-32s %s%n", id, settingName(id), TerminalText.safe(optionShown(id, v))));
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

        @Parameters(index = "0", paramLabel = "SETTING", description = "The setting: name (video_resolution), spec name or id (2).")
        String settingName;

        @Parameters(index = "1", paramLabel = "OPTION", description = "The option: name (1080, 240.0), key (4k_4_3_v2), "
                + "the same number another way (240, 240fps, 1080p) or its value (9).")
        String optionName;

        @Override
        public Integer call() {
            HttpCommand http = settings.http;
            CommandLine cl = settings.spec.commandLine();
            int id = settingId(cl, settingName);
            int option = optionValue(cl, id, optionName);
            if (id <= 0 || option < 0) {
                throw new CommandLine.ParameterException(cl, "SETTING must be positive and OPTION zero or positive");
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
                http.spec.commandLine().getOut().printf("setting %d %s = %s%n", id, settingName(id),
                        optionShown(id, option));
                http.spec.commandLine().getOut().flush();
                return 0;
            });
        }
    }

    /** A setting's id from its name or id; an id the catalog does not know passes as it is. */
    static int settingId(CommandLine cl, String name) {
        try {
            return Names.setting(name).id();
        } catch (IllegalArgumentException e) {
            if (name.trim().matches("\\d{1,9}")) {
                return Integer.parseInt(name.trim());
            }
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
    }

    /** An option's value from its name (as {@link OptionNames} reads it) or value. */
    static int optionValue(CommandLine cl, int settingId, String typed) {
        Optional<Setting> setting = Setting.of(settingId);
        if (setting.isPresent() && !setting.get().options().isEmpty()) {
            try {
                return (int) OptionNames.resolve(setting.get(), typed).value();
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, e.getMessage());
            }
        }
        try {
            return Integer.parseInt(typed.trim());
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(cl, "setting " + settingId + " takes a number, got '" + typed + "'");
        }
    }

    /** The catalog's snake_case name of a setting, or {@code ?}. */
    static String settingName(int id) {
        return Setting.of(id).map(s -> s.info().snakeName()).orElse("?");
    }

    /** An option value with its name, e.g. {@code 9 (1080)}. */
    static String optionShown(int settingId, Object value) {
        if (value instanceof Number n) {
            Optional<String> name = Setting.of(settingId).flatMap(s -> s.option(n.longValue())).map(SettingOption::name);
            if (name.isPresent()) {
                return value + " (" + name.get() + ")";
            }
        }
        return String.valueOf(value);
    }
}
