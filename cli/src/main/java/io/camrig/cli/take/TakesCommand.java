package io.camrig.cli.take;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.camrig.cli.console.ExitCodes;
import io.camrig.cli.console.TerminalText;
import io.camrig.engine.take.TakeFile;
import io.camrig.engine.take.TakeListing;
import io.camrig.engine.take.TakeManifestException;
import io.camrig.engine.take.TakeManifest;
import io.camrig.engine.take.TakeStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code camrig takes list|show|verify}: the takes under a media directory, each {@code
 * <media-dir>/<take>/take.json} beside its media ({@code <take>/<serial>/<folder>/<file>}). Exit
 * codes: 0 done (verify: every file matches), 1 no such take or unreadable manifest (one line on
 * stderr saying which take, which file and why; {@code list} still lists the others), 2 bad usage
 * (a take id that is a path), 3 verify found a file missing, changed or never offloaded. On a rig across hosts, a file held by
 * another node (its camera's directory is not on this host) is reported as such, one line per
 * node, and does not fail verify.
 */
@Command(name = "takes", mixinStandardHelpOptions = true,
        description = "List, show and verify the takes under a media directory.",
        subcommands = {TakesCommand.ListTakes.class, TakesCommand.Show.class, TakesCommand.Verify.class})
public final class TakesCommand implements Runnable {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--media-dir", paramLabel = "DIR", defaultValue = "camrig-media", scope = CommandLine.ScopeType.INHERIT,
            description = "Where the takes are (default: ${DEFAULT-VALUE}).")
    Path mediaDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: list, show or verify");
    }

    TakeStore store() {
        return new TakeStore(mediaDir);
    }

    /**
     * The take {@code id} ({@code latest} for the newest), or empty after saying on {@code err}
     * that there is none or that its manifest cannot be read.
     *
     * @throws CommandLine.ParameterException when {@code id} cannot name a take's directory
     */
    java.util.Optional<TakeManifest> find(String id, CommandLine.Model.CommandSpec command) {
        PrintWriter err = command.commandLine().getErr();
        java.util.Optional<TakeManifest> found;
        try {
            found = "latest".equals(id) ? store().latest() : store().read(id);
        } catch (TakeManifestException e) {
            err.println(command.qualifiedName() + ": " + TerminalText.safe(e.getMessage()));
            err.flush();
            return java.util.Optional.empty();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(command.commandLine(),
                    "not a take id: " + TerminalText.safe(e.getMessage()));
        }
        if (found.isEmpty()) {
            err.println("latest".equals(id) ? "camrig takes: no takes in " + mediaDir.toAbsolutePath()
                    : "camrig takes: no take '" + TerminalText.safe(id) + "' in " + mediaDir.toAbsolutePath());
            err.flush();
        }
        return found;
    }

    static long verified(TakeManifest m) {
        return m.cameras().stream().flatMap(c -> c.files().stream()).filter(TakeFile::verified).count();
    }

    static long files(TakeManifest m) {
        return m.cameras().stream().mapToLong(c -> c.files().size()).sum();
    }

    /**
     * The take's sync check, as {@code list} shows it: {@code ok} with the start timecodes' spread
     * in frames, {@code FLAGGED} with how many cameras, then how many cameras' starts are unknown
     * (chapter 01 not on the card) if any; or {@code -} for a take with no fire (a card offload) or
     * whose footage was not read.
     */
    static String sync(TakeManifest m) {
        if (!(m.extensions().get("sync") instanceof Map<?, ?> sync) || !(sync.get("ok") instanceof Boolean ok)) {
            return "-";
        }
        Object frames = sync.get("timecodeSpreadFrames");
        String spread = frames instanceof Number n ? " (" + n + (n.intValue() == 1 ? " frame)" : " frames)") : "";
        int flagged = sync.get("flagged") instanceof java.util.Collection<?> c ? c.size() : 0;
        String unknown = sync.get(io.camrig.engine.sync.ManifestFacts.START_UNKNOWN) instanceof java.util.Collection<?> u
                && !u.isEmpty() ? ", start unknown: " + u.size() + " camera(s)" : "";
        return (ok ? "ok" + spread : "FLAGGED" + (flagged == 0 ? "" : ": " + flagged + " camera(s)") + spread) + unknown;
    }

    static long bytes(TakeManifest m) {
        return m.cameras().stream().flatMap(c -> c.files().stream()).mapToLong(TakeFile::size).sum();
    }

    /** {@code camrig takes list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "One line per take, oldest first.")
    static final class ListTakes implements Callable<Integer> {
        @CommandLine.ParentCommand
        TakesCommand takes;

        @Option(names = "--json", description = "One JSON document: every manifest.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = takes.spec.commandLine().getOut();
            PrintWriter err = takes.spec.commandLine().getErr();
            List<TakeListing> found = takes.store().scan();
            List<TakeManifest> all = found.stream().flatMap(l -> l.manifest().stream()).toList();
            if (json) {
                out.println(JSON.writeValueAsString(all));
            } else if (found.isEmpty()) {
                out.println("no takes in " + takes.mediaDir.toAbsolutePath());
            } else {
                out.printf("%-20s %-24s %7s %13s %14s  %s%n", "take", "created", "cameras", "files ok/all", "bytes", "sync");
                for (TakeListing l : found) {
                    if (l.manifest().isPresent()) {
                        TakeManifest m = l.manifest().get();
                        out.printf("%-20s %-24s %7d %6d/%-6d %14d  %s%n", m.takeId(), m.createdAt(), m.cameras().size(),
                                verified(m), files(m), bytes(m), sync(m));
                    } else {
                        out.printf("%-20s unreadable manifest (see below)%n", l.takeId());
                    }
                }
            }
            out.flush();
            found.stream().flatMap(l -> l.error().stream())
                    .forEach(e -> err.println("camrig takes list: " + TerminalText.safe(e.getMessage())));
            err.flush();
            return all.size() == found.size() ? 0 : 1;
        }
    }

    /** What {@code show} and {@code verify} share: the take named on the command line, found or said missing. */
    abstract static class OneTake implements Callable<Integer> {
        @CommandLine.ParentCommand
        TakesCommand takes;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec command;

        @Parameters(paramLabel = "TAKE", arity = "0..1", defaultValue = "latest",
                description = "The take's id (its directory name), or 'latest' (the default).")
        String id;

        @Option(names = "--json", description = "JSON: show prints the manifest, verify one line per file.")
        boolean json;

        @Override
        public final Integer call() throws Exception {
            PrintWriter out = takes.spec.commandLine().getOut();
            var found = takes.find(id, command);
            if (found.isEmpty()) {
                return 1;
            }
            int code = run(found.get(), out);
            out.flush();
            return code;
        }

        /** The command on the take found; its exit code. */
        abstract int run(TakeManifest m, PrintWriter out) throws Exception;
    }

    /** {@code camrig takes show [TAKE]}: the newest take when none is named. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "A take's manifest, with its footage facts.")
    static final class Show extends OneTake {
        @Override
        int run(TakeManifest m, PrintWriter out) throws Exception {
            if (json) {
                out.println(JSON.writeValueAsString(m));
            } else {
                TakeText.render(m, out);
            }
            return 0;
        }
    }

    /** {@code camrig takes verify [TAKE]}: the newest take when none is named. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Re-hash every file of a take and compare with its manifest.")
    static final class Verify extends OneTake {
        @Override
        int run(TakeManifest m, PrintWriter out) throws Exception {
            List<TakeStore.FileCheck> checks = takes.store().verify(m);
            int bad = 0;
            int elsewhere = 0;
            for (TakeStore.FileCheck c : checks) {
                if (c.result() == TakeStore.FileCheck.Result.ELSEWHERE) {
                    elsewhere++;
                } else if (c.result() != TakeStore.FileCheck.Result.OK) {
                    bad++;
                }
                if (json) {
                    out.println(JSON.copy().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(
                            java.util.Map.of("serial", c.serial(), "file", c.file().cameraPath(),
                                    "result", c.result().name(), "detail", c.detail(), "footage", c.file().footage())));
                } else if (c.result() != TakeStore.FileCheck.Result.ELSEWHERE) {
                    out.printf("%-8s %s %s  start %s%s%n", c.result(), TerminalText.safe(c.serial()),
                            TerminalText.safe(c.file().cameraPath()), TerminalText.safe(TakeText.startTimecode(c.file())),
                            c.detail().isEmpty() ? "" : "  (" + TerminalText.safe(c.detail()) + ")");
                }
            }
            if (!json) {
                NodeChecks.print(m, checks, out);
                out.printf("%d of %d files match take %s%s%n", checks.size() - bad - elsewhere, checks.size(), m.takeId(),
                        elsewhere == 0 ? "" : ", " + elsewhere + " held on other nodes not checked here");
            }
            out.flush();
            return bad == 0 ? 0 : ExitCodes.SOME_FAILED;
        }
    }
}
