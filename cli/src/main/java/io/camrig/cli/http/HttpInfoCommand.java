package io.camrig.cli.http;

import io.camrig.cli.console.TerminalText;
import io.camrig.http.model.CameraInfo;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code camrig http info}: {@code GET /gopro/camera/info}. */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Print model, firmware, serial and AP.")
final class HttpInfoCommand implements Callable<Integer> {
    @ParentCommand
    HttpCommand http;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public Integer call() {
        return http.run(() -> {
            CameraInfo i = http.client().query().info().block();
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("model", i.modelName());
            doc.put("modelNumber", i.modelNumber());
            doc.put("firmware", i.firmwareVersion());
            doc.put("serial", i.serialNumber());
            doc.put("apSsid", i.apSsid());
            doc.put("apMac", i.apMacAddress());
            PrintWriter out = http.spec.commandLine().getOut();
            if (json) {
                HttpCommand.printJson(out, doc);
            } else {
                doc.forEach((k, v) -> out.printf("%-12s %s%n", k, TerminalText.safe(v)));
                out.flush();
            }
            return 0;
        });
    }
}
