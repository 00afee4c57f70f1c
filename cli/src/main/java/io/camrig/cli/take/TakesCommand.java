package io.camrig.cli.take;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.camrig.cli.console.ExitCodes;
import io.camrig.cli.console.TerminalText;
import io.camrig.engine.take.TakeCamera;
import io.camrig.engine.take.TakeFile;
import io.camrig.engine.take.TakeManifest;
import io.camrig.engine.take.TakeStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code camrig takes list|show|verify}: the takes under a media directory, each {@code
 * <media-dir>/<take>/take.json} beside its media ({@code <take>/<serial>/<folder>/<file>}). Exit
 * codes: 0 done (verify: every file matches), 1 no such take or unreadable manifest, 2 bad usage,
 * 3 verify found a file missing, changed or never offloaded.
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

    /** The take {@code id} ({@code latest} for the newest), or empty after saying on {@code err} that there is none. */
    java.util.Optional<TakeManifest> find(String id, PrintWriter err) {
        var found = "latest".equals(id) ? store().latest() : store().read(id);
        if (found.isEmpty()) {
            err.println("camrig takes: no take '" + id + "' in " + mediaDir.toAbsolutePath());
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
            List<TakeManifest> all = takes.store().list();
            if (json) {
                out.println(JSON.writeValueAsString(all));
            } else if (all.isEmpty()) {
                out.println("no takes in " + takes.mediaDir.toAbsolutePath());
            } else {
                out.printf("%-20s %-24s %7s %13s %14s%n", "take", "created", "cameras", "files ok/all", "bytes");
                for (TakeManifest m : all) {
                    out.printf("%-20s %-24s %7d %6d/%-6d %14d%n", m.takeId(), m.createdAt(), m.cameras().size(),
                            verified(m), files(m), bytes(m));
                }
            }
            out.flush();
            return 0;
        }
    }

    /** {@code camrig takes show TAKE}. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "A take's manifest.")
    static final class Show implements Callable<Integer> {
        @CommandLine.ParentCommand
        TakesCommand takes;

        @Parameters(paramLabel = "TAKE", description = "The take's id (its directory name), or 'latest'.")
        String id;

        @Option(names = "--json", description = "The manifest as JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = takes.spec.commandLine().getOut();
            PrintWriter err = takes.spec.commandLine().getErr();
            var found = takes.find(id, err);
            if (found.isEmpty()) {
                return 1;
            }
            TakeManifest m = found.get();
            if (json) {
                out.println(JSON.writeValueAsString(m));
                out.flush();
                return 0;
            }
            out.printf("take %s (rig %s), created %s%n", m.takeId(), m.rigId(), m.createdAt());
            if (m.fire() != null) {
                out.printf("fire: %d/%d shutters ok, write skew %s µs, encoding spread %s ms%n", m.fire().shutterOk(),
                        m.fire().cameras(), m.fire().fireSkewMicros(), m.fire().encodingSpreadMillis());
            }
            for (TakeCamera c : m.cameras()) {
                out.printf("%s  %s %s%s%n", TerminalText.safe(c.serial()), TerminalText.safe(c.model()), TerminalText.safe(c.firmware()),
                        c.late() ? "  LATE: " + TerminalText.safe(String.valueOf(c.lateReason())) : "");
                for (TakeFile f : c.files()) {
                    out.printf("  %-28s %12d  %-8s %s%n", TerminalText.safe(f.cameraPath()), f.size(), f.state(),
                            f.verified() ? f.sha256() : TerminalText.safe(f.error() == null ? "" : f.error()));
                }
            }
            out.flush();
            return 0;
        }
    }

    /** {@code camrig takes verify TAKE}. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Re-hash every file of a take and compare with its manifest.")
    static final class Verify implements Callable<Integer> {
        @CommandLine.ParentCommand
        TakesCommand takes;

        @Parameters(paramLabel = "TAKE", description = "The take's id, or 'latest'.")
        String id;

        @Option(names = "--json", description = "One JSON line per file.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = takes.spec.commandLine().getOut();
            PrintWriter err = takes.spec.commandLine().getErr();
            var found = takes.find(id, err);
            if (found.isEmpty()) {
                return 1;
            }
            List<TakeStore.FileCheck> checks = takes.store().verify(found.get());
            int bad = 0;
            for (TakeStore.FileCheck c : checks) {
                if (c.result() != TakeStore.FileCheck.Result.OK) {
                    bad++;
                }
                if (json) {
                    out.println(JSON.copy().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(
                            java.util.Map.of("serial", c.serial(), "file", c.file().cameraPath(),
                                    "result", c.result().name(), "detail", c.detail())));
                } else {
                    out.printf("%-8s %s %s%s%n", c.result(), TerminalText.safe(c.serial()), TerminalText.safe(c.file().cameraPath()),
                            c.detail().isEmpty() ? "" : "  (" + TerminalText.safe(c.detail()) + ")");
                }
            }
            if (!json) {
                out.printf("%d of %d files match take %s%n", checks.size() - bad, checks.size(), found.get().takeId());
            }
            out.flush();
            return bad == 0 ? 0 : ExitCodes.SOME_FAILED;
        }
    }
}
