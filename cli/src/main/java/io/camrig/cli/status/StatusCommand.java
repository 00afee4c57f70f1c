package io.camrig.cli.status;

import io.camrig.cli.console.ExitCodes;
import io.camrig.cli.console.TerminalText;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camrig.cli.rig.ConnectedRig;
import io.camrig.cli.rig.Names;
import io.camrig.cli.rig.RigCommandSupport;
import io.camrig.cli.rig.SelectedCameras;
import io.camrig.engine.camera.StatusValue;
import io.camrig.proto.catalog.Catalog;
import io.camrig.proto.catalog.Status;
import io.camrig.proto.catalog.TypedValue;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import reactor.core.publisher.Flux;

/**
 * {@code camrig status [STATUS…] [--all] [--watch [--for D]]}: statuses of every selected camera
 * (Get Status Values, 0x13), typed by the catalog (booleans, numbers, enum names, text), as a
 * table with a row per status and a column per camera, or JSON. {@code --watch} registers for status
 * updates (0x53) until interrupted or for {@code --for D} (leaving unregisters): on a terminal it
 * redraws the table in place; into a pipe or file it prints a plain snapshot at most every
 * {@code --every D} when something changed; with {@code --json} one line per change.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show camera statuses; --watch keeps a live table.")
public final class StatusCommand implements Callable<Integer> {
    /** Shown when no status is named. */
    static final List<Status> DEFAULT = List.of(Status.BUSY, Status.ENCODING, Status.INTERNAL_BATTERY_PERCENTAGE,
            Status.SD_CARD_REMAINING, Status.VIDEOS, Status.PRESET_GROUP, Status.PRESET, Status.CAMERA_CONTROL_ID,
            Status.AP_MODE);

    @Parameters(paramLabel = "STATUS", arity = "0..*", description = "Statuses by name (busy), spec name or id (8).")
    List<String> names = List.of();

    @Option(names = "--all", description = "Every status of the catalog.")
    boolean all;

    @Option(names = "--watch", description = "Keep watching: redraw at every change (JSON: one line per change).")
    boolean watch;

    @Option(names = "--for", paramLabel = "D", description = "With --watch: stop after D, e.g. 30s (default: until interrupted).")
    Duration watchFor;

    @Option(names = "--json", description = "Print JSON (with --watch: JSON Lines).")
    boolean json;

    @Option(names = "--every", paramLabel = "D", defaultValue = "2s", description = "With --watch, when the output "
            + "is not a terminal: print a snapshot at most every D, when something changed (default: ${DEFAULT-VALUE}).")
    Duration snapshotEvery;

    /** Where the output goes: detected when the watch starts, unless a test set it. */
    io.camrig.cli.console.Terminal terminal;

    @CommandLine.Mixin
    SelectedCameras selected = new SelectedCameras();

    @CommandLine.Mixin
    io.camrig.cli.rig.BrokerRig broker = new io.camrig.cli.rig.BrokerRig();

    @CommandLine.Mixin
    io.camrig.cli.rig.RemoteRig remote = new io.camrig.cli.rig.RemoteRig();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        selected.validate(cl);
        List<Status> statuses = statuses(cl);
        if (watchFor != null && !watch) {
            throw new CommandLine.ParameterException(cl, "--for needs --watch");
        }
        PrintWriter out = cl.getOut();
        broker.refuseWith(remote, cl);
        if (broker.present()) {
            if (watch) {
                throw new CommandLine.ParameterException(cl, "--watch does not work with --broker yet");
            }
            return broker.run(cl, rig -> rig.registerStatusUpdates(statuses.stream().mapToInt(Status::id).toArray()),
                    StatusAcrossNodes.report(statuses, json));
        }
        if (remote.present()) {
            if (watch) {
                throw new CommandLine.ParameterException(cl, "--watch does not go with --rig: the service's console "
                        + "(or its event stream, GET /api/events) shows the statuses live");
            }
            return remote.run(cl, () -> {
                var results = RemoteStatus.read(remote, selected.selection(), statuses, cl);
                print(results.stream().map(ConnectedRig.Result::member).toList(), statuses, results, out);
                return RigCommandSupport.exitCode(results);
            });
        }
        try (SelectedCameras.Connected connected = selected.connect(cl)) {
            ConnectedRig rig = connected.rig();
            Status[] wanted = statuses.toArray(Status[]::new);
            if (watch) {
                return watch(rig, statuses, wanted, out);
            }
            List<ConnectedRig.Result<List<StatusValue>>> results = rig.forEach(c -> c.statuses().get(wanted));
            print(rig.members(), statuses, results, out);
            return RigCommandSupport.exitCode(rig, results);
        }
    }

    /** The snapshot: a table (a row per status, a column per camera) and the failures, or JSON. */
    private void print(List<ConnectedRig.Member> members, List<Status> statuses,
                       List<ConnectedRig.Result<List<StatusValue>>> results, PrintWriter out) {
        StatusBoard board = new StatusBoard(members, statuses);
        results.forEach(r -> r.value().ifPresent(l -> l.forEach(v -> board.put(r.member(), v))));
        if (json) {
            out.println(io.camrig.cli.console.JsonStyle.document(snapshot(results)));
        } else {
            board.table().print(out);
            RigCommandSupport.report(results, out);
        }
        out.flush();
    }

    private int watch(ConnectedRig rig, List<Status> statuses, Status[] wanted, PrintWriter out) {
        StatusBoard board = new StatusBoard(rig.members(), statuses);
        Flux<StatusWatch.Event> events = StatusWatch.events(rig, wanted);
        if (watchFor != null) {
            events = events.take(watchFor);
        }
        boolean ansi = !json && (terminal != null ? terminal : io.camrig.cli.console.Terminal.detect()).interactive();
        io.camrig.cli.console.Interrupts.activity("watching the statuses of " + rig.members().size() + " cameras");
        Flux<StatusWatch.Event> applied = events.doOnNext(e -> {
            if (e.error() != null) {
                board.error(e.camera(), e.error());
            } else {
                board.put(e.camera(), e.value());
            }
            if (json) {
                out.println(TerminalText.safe(line(e)));
                out.flush();
            }
        });
        if (json) {
            applied.blockLast();
        } else if (ansi) {
            // A terminal: redraw in place, at most ten times a second.
            applied.sample(Duration.ofMillis(100)).doOnNext(e -> {
                out.print("\u001B[H\u001B[2J");
                printBoard(board, out);
            }).blockLast();
        } else {
            // A pipe or a file: a plain, time-stamped snapshot when something changed, at most every --every.
            applied.sample(snapshotEvery).doOnNext(e -> {
                out.println("-- " + java.time.LocalTime.now().withNano(0));
                printBoard(board, out);
                out.println();
            }).blockLast();
        }
        return board.errors().isEmpty() ? 0 : ExitCodes.SOME_FAILED;
    }

    private static void printBoard(StatusBoard board, PrintWriter out) {
        board.table().print(out);
        board.errors().forEach((i, m) -> out.println("camera " + i + ": " + TerminalText.safe(m)));
        out.flush();
    }

    private List<Status> statuses(CommandLine cl) {
        if (all) {
            return Arrays.asList(Status.values());
        }
        if (names.isEmpty()) {
            return DEFAULT;
        }
        try {
            return names.stream().map(Names::status).toList();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
    }

    private static ObjectNode snapshot(List<ConnectedRig.Result<List<StatusValue>>> results) {
        ObjectNode root = RigCommandSupport.JSON.createObjectNode();
        ArrayNode cameras = root.putArray("cameras");
        for (var r : results) {
            ObjectNode cam = RigCommandSupport.camera(r.member());
            ObjectNode values = cam.putObject("statuses");
            r.value().ifPresent(l -> l.forEach(v -> values.set(v.statusName(), value(v))));
            r.error().ifPresent(e -> cam.put("error", RigCommandSupport.describe(e)));
            cameras.add(cam);
        }
        return root;
    }

    private static String line(StatusWatch.Event e) {
        ObjectNode node = RigCommandSupport.camera(e.camera());
        if (e.error() != null) {
            node.put("error", e.error());
        } else {
            node.put("status", e.value().statusName());
            node.put("id", e.value().statusId());
            node.set("value", value(e.value()));
        }
        try {
            return RigCommandSupport.JSON.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A status value as JSON: boolean, number, enum value name as {@code {"value", "name"}}, text or hex. */
    static com.fasterxml.jackson.databind.JsonNode value(StatusValue v) {
        var f = RigCommandSupport.JSON.getNodeFactory();
        if (v.value() instanceof TypedValue.Bool b) {
            return f.booleanNode(b.value());
        } else if (v.value() instanceof TypedValue.Unsigned u) {
            var name = Catalog.status(v.statusId()).flatMap(s -> s.valueName(u.value()));
            if (name.isPresent()) {
                return f.objectNode().put("value", u.value()).put("name", name.get());
            }
            return f.numberNode(u.value());
        } else if (v.value() instanceof TypedValue.Text t) {
            return f.textNode(t.value());
        }
        return f.textNode(v.value().hex());
    }
}
