package io.camrig.cli.http;

import io.camrig.cli.console.TerminalText;
import io.camrig.http.client.CameraHttpClient;
import io.camrig.http.download.DownloadEvent;
import io.camrig.http.download.DownloadJob;
import io.camrig.http.download.RigDownloader;
import io.camrig.http.model.MediaFile;
import io.camrig.http.model.MediaList;
import io.camrig.http.model.MediaPath;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code camrig http media download [--all | DIR/NAME…] --to DIR}: the newest recording by default
 * (the newest file and its other chapters, or the photos of a newer burst: {@link
 * io.camrig.http.model.Recording#newest}), to
 * {@code DIR/<camera folder>/<name>}; streamed, hashed (SHA-256), resumed after interruptions (also
 * across runs: a partial file is kept as {@code .<name>.camrig-part}), size-checked and placed
 * without replacing another file (an identical one is kept, a different one makes the download
 * land as {@code NAME~n.EXT}), with turbo transfer on for the duration (unless {@code --no-turbo}).
 * Ctrl-C keeps the partial file and exits 130.
 */
@Command(name = "download", mixinStandardHelpOptions = true,
        description = "Download the newest recording (default: every chapter of it, or every photo of a newer "
                + "burst), the named files, or --all of them.")
final class MediaDownloadCommand implements Callable<Integer> {
    @ParentCommand
    HttpMediaCommand media;

    @Option(names = "--all", description = "Every file on the card, each photo of a burst or lapse included.")
    boolean all;

    @Option(names = "--to", paramLabel = "DIR", required = true, description = "Where the files land.")
    Path to;

    @Option(names = "--no-turbo", description = "Leave turbo transfer off.")
    boolean noTurbo;

    @Option(names = "--json", description = "Print one JSON line per file instead of text.")
    boolean json;

    @Parameters(paramLabel = "DIR/NAME", arity = "0..*", description = "Files to fetch, e.g. 100GOPRO/GX010001.MP4.")
    List<String> names = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        HttpCommand http = media.http;
        if (all && !names.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --all or file names, not both");
        }
        return http.run(() -> {
            CameraHttpClient client = http.client();
            io.camrig.cli.console.Interrupts.activity("reading the camera's media list");
            MediaList list = client.mediaList().block();
            List<MediaFile> files = select(list);
            PrintWriter out = http.spec.commandLine().getOut();
            PrintWriter err = http.spec.commandLine().getErr();
            if (files.isEmpty()) {
                err.println("camrig http: nothing to download: the card holds no single file");
                err.flush();
                return 1;
            }
            long bytes = files.stream().mapToLong(MediaFile::size).filter(b -> b > 0).sum();
            java.util.Optional<String> noRoom = io.camrig.cli.rig.MediaDirCheck.problem(to, bytes);
            if (noRoom.isPresent()) {
                err.println("camrig http: " + noRoom.get() + "; nothing was downloaded");
                err.flush();
                return 1;
            }
            int[] failed = {0};
            io.camrig.cli.console.Interrupts.activity("the download of " + files.size() + (files.size() == 1 ? " file" : " files")
                    + " to " + to);
            RigDownloader.run(List.of(new DownloadJob(client.baseUri().toString(), client, files, to)), 1, !noTurbo)
                    .doOnNext(e -> report(e, out, err, failed))
                    .blockLast();
            return failed[0] == 0 ? 0 : 1;
        });
    }

    private List<MediaFile> select(MediaList list) {
        if (all) {
            List<MediaFile> every = new ArrayList<>(list.files());
            list.members().forEach(m -> every.add(m.asFile()));
            return every;
        }
        if (names.isEmpty()) {
            return io.camrig.http.UnsafeMediaNameException.requireNewestRecording(list, null)
                    .map(io.camrig.http.model.Recording::chapters).orElse(List.of());
        }
        List<MediaFile> out = new ArrayList<>();
        for (String n : names) {
            MediaPath p;
            try {
                p = MediaPath.parse(n);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            out.add(list.find(p.directory(), p.name()).orElseThrow(() -> new CommandLine.ParameterException(
                    spec.commandLine(), n + " is not on the card")));
        }
        return out;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private void report(DownloadEvent e, PrintWriter out, PrintWriter err, int[] failed) {
        if (e instanceof DownloadEvent.Completed c) {
            String how = switch (c.result().disposition()) {
                case WRITTEN -> "written";
                case IDENTICAL -> "identical file already there, kept";
                case RENAMED -> "another file had the name, kept; written as " + c.path().getFileName();
            };
            if (json) {
                try {
                    out.println(JSON.writeValueAsString(java.util.Map.of("file",
                            c.file().directory() + "/" + c.file().name(), "bytes", c.result().bytes(),
                            "path", c.path().toString(), "sha256", c.result().sha256(),
                            "disposition", c.result().disposition().name(), "ok", true)));
                } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                    // strings, numbers and a boolean always serialize; kept typed should Jackson ever refuse
                    throw new java.io.UncheckedIOException(ex);
                }
            } else {
                out.printf("%s  %d bytes  sha256 %s  -> %s  (%s)%n",
                        TerminalText.safe(c.file().directory() + "/" + c.file().name()), c.result().bytes(),
                        c.result().sha256(), TerminalText.safe(c.path()), TerminalText.safe(how));
            }
        } else if (e instanceof DownloadEvent.Failed f) {
            failed[0]++;
            err.printf("camrig http: %s failed: %s%n", TerminalText.safe(f.file().directory() + "/" + f.file().name()),
                    TerminalText.safe(f.error().getMessage()));
        } else if (e instanceof DownloadEvent.Skipped s) {
            failed[0]++;
            err.printf("camrig http: %s skipped: the camera stopped answering%n",
                    TerminalText.safe(s.file().directory() + "/" + s.file().name()));
        } else if (e instanceof DownloadEvent.TurboFailed t && t.on()) {
            err.println("camrig http: turbo transfer unavailable, downloading at normal speed");
        }
        out.flush();
        err.flush();
    }
}
