package io.camrig.cli.http;

import io.camrig.cli.console.TerminalText;
import io.camrig.http.model.CameraState;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code camrig http state}: {@code GET /gopro/camera/state}, readiness first, then every status and setting. */
@Command(name = "state", mixinStandardHelpOptions = true, description = "Print every status and setting.")
final class HttpStateCommand implements Callable<Integer> {
    @ParentCommand
    HttpCommand http;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public Integer call() {
        return http.run(() -> {
            CameraState s = http.client().state().block();
            PrintWriter out = http.spec.commandLine().getOut();
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("busy", s.busy());
                doc.put("encoding", s.encoding());
                doc.put("ready", s.ready());
                doc.put("status", s.statuses());
                doc.put("settings", s.settings());
                HttpCommand.printJson(out, doc);
                return 0;
            }
            out.printf("busy %s, encoding %s: %s%n", yes(s.busy()), yes(s.encoding()), s.ready() ? "ready" : "not ready");
            out.println("statuses (id name value)");
            s.statuses().forEach((id, v) -> out.printf("  %3d  %-36s %s%n", id, statusName(id), TerminalText.safe(v)));
            out.println("settings (id name option)");
            s.settings().forEach((id, v) -> out.printf("  %3d  %-36s %s%n", id, HttpSettingsCommand.settingName(id),
                    TerminalText.safe(HttpSettingsCommand.optionShown(id, v))));
            out.flush();
            return 0;
        });
    }

    private static String statusName(int id) {
        return io.camrig.proto.catalog.Catalog.status(id).map(io.camrig.proto.catalog.StatusInfo::snakeName).orElse("?");
    }

    private static String yes(boolean b) {
        return b ? "yes" : "no";
    }
}
