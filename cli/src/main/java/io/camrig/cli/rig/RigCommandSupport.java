package io.camrig.cli.rig;

import io.camrig.cli.console.ExitCodes;
import io.camrig.cli.console.TerminalText;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camrig.proto.error.CamrigException;
import java.io.PrintWriter;
import java.util.List;

/** Output helpers shared by the per-camera commands. */
public final class RigCommandSupport {
    /** The mapper for {@code --json} output. */
    public static final ObjectMapper JSON = new ObjectMapper();

    private RigCommandSupport() {
    }

    /** A camera's identity for JSON: index, name, serial, model. */
    public static ObjectNode camera(ConnectedRig.Member m) {
        ObjectNode node = JSON.createObjectNode();
        node.put("index", m.index());
        node.put("name", m.name());
        node.put("serial", m.serial());
        node.put("model", m.model());
        return node;
    }

    /** One line for an error: the message of camrig's errors (which carry the camera), else the type too. */
    public static String describe(Throwable e) {
        return TerminalText.safe(e instanceof CamrigException ? e.getMessage()
                : e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    /** Prints each failed camera's error, and returns the exit code: 0 all ok, 3 some failed. */
    public static <T> int report(List<ConnectedRig.Result<T>> results, PrintWriter out) {
        boolean failed = false;
        for (ConnectedRig.Result<T> r : results) {
            if (r.error().isPresent()) {
                failed = true;
                out.println(TerminalText.safe(r.member().name()) + ": " + describe(r.error().get()));
            }
        }
        return failed ? ExitCodes.SOME_FAILED : 0;
    }

    /**
     * Prints a line per camera, what was done and how it went ({@code GoPro 0001   load preset 3: ok},
     * else the error), and returns {@link #exitCode(ConnectedRig, List)}.
     *
     * @param step what was done on each camera, e.g. {@code video_resolution = 1080}
     */
    public static <T> int printSteps(ConnectedRig rig, List<ConnectedRig.Result<T>> results, String step,
                                     PrintWriter out) {
        for (ConnectedRig.Result<T> r : results) {
            out.printf("%-12s %s: %s%n", r.member().name(), step, r.ok() ? "ok" : describe(r.error().get()));
        }
        out.flush();
        return exitCode(rig, results);
    }

    /**
     * Exit code 0 when every camera succeeded and every expected camera was found, 3 otherwise: a
     * camera that never showed up counts as a failed one.
     */
    public static <T> int exitCode(ConnectedRig rig, List<ConnectedRig.Result<T>> results) {
        return rig.missingSummary().isPresent() ? ExitCodes.SOME_FAILED : exitCode(results);
    }

    /** Exit code 0 when every camera succeeded, 3 otherwise. */
    public static <T> int exitCode(List<ConnectedRig.Result<T>> results) {
        return results.stream().allMatch(ConnectedRig.Result::ok) ? 0 : ExitCodes.SOME_FAILED;
    }

    /**
     * Reports on stderr the cameras expected but not found, then fails with a usage-like error when
     * the selection left no camera.
     */
    public static void requireCameras(ConnectedRig rig, CameraSelection selection, picocli.CommandLine cl) {
        rig.missingSummary().ifPresent(m -> {
            cl.getErr().println("camrig: " + m + ": the missing ones did not answer the scan (switched off,"
                    + " out of range, not in pairing mode?) and count as failed");
            cl.getErr().flush();
        });
        if (rig.members().isEmpty()) {
            throw new picocli.CommandLine.ParameterException(cl, "no camera matches " + selection);
        }
    }
}
