package io.camrig.cli.http;

import io.camrig.cli.console.TerminalText;
import io.camrig.http.model.MediaFile;
import io.camrig.http.model.MediaGroup;
import io.camrig.http.model.MediaList;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code camrig http media list}: {@code GET /gopro/media/list}, one line per file. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List every file on the SD card.")
final class MediaListCommand implements Callable<Integer> {
    @ParentCommand
    HttpMediaCommand media;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public Integer call() {
        HttpCommand http = media.http;
        return http.run(() -> {
            MediaList list = http.client().mediaList().block();
            PrintWriter out = http.spec.commandLine().getOut();
            if (json) {
                List<Map<String, Object>> files = new ArrayList<>();
                for (MediaFile f : list.files()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("path", f.directory() + "/" + f.name());
                    m.put("bytes", f.size());
                    m.put("created", f.created().toString());
                    m.put("modified", f.modified().toString());
                    files.add(m);
                }
                List<Map<String, Object>> groups = new ArrayList<>();
                for (MediaGroup g : list.groups()) {
                    groups.add(Map.of("path", g.directory() + "/" + g.name(), "type", g.type(), "files", g.memberCount(),
                            "bytes", g.sizeBytes()));
                }
                HttpCommand.printJson(out, Map.of("id", list.id(), "files", files, "groups", groups));
                return 0;
            }
            out.printf("%-26s %14s  %s%n", "file", "bytes", "created");
            for (MediaFile f : list.files()) {
                out.printf("%-26s %14d  %s%n", TerminalText.safe(f.directory() + "/" + f.name()), f.size(), f.created());
            }
            for (MediaGroup g : list.groups()) {
                out.printf("%-26s %14d  %s (group '%s', %d files)%n", TerminalText.safe(g.directory() + "/" + g.name()),
                        g.sizeBytes(), g.created(), TerminalText.safe(g.type()), g.memberCount());
            }
            out.printf("%d files, %d groups%n", list.files().size(), list.groups().size());
            out.flush();
            return 0;
        });
    }
}
