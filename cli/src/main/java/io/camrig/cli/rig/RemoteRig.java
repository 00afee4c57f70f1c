package io.camrig.cli.rig;

import io.camrig.cli.console.ExitCodes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --rig URL}: act on the rig a running {@code camrig serve} keeps, through its JSON API,
 * instead of building a throwaway rig (a picocli mixin). The token, when the service needs one,
 * comes from {@code --rig-token-file FILE} (its first line) or the {@code CAMRIG_TOKEN}
 * environment variable; it is sent only as {@code Authorization: Bearer}, never printed.
 * Blocking: for the command line only. Calls fail with {@link RemoteRigException} (exit code 1).
 */
public final class RemoteRig {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--rig", paramLabel = "URL",
            description = "Act on the rig that 'camrig serve' keeps at URL (e.g. http://127.0.0.1:8420) instead of a new one.")
    URI url;

    @Option(names = "--rig-token-file", paramLabel = "FILE",
            description = "With --rig: the service's access token, on FILE's first line (default: $CAMRIG_TOKEN).")
    Path tokenFile;

    /**
     * Made on the first call: picocli instantiates every command of the tree, and a JDK HTTP client
     * loads the whole TLS stack (some 400 classes) even for commands that never use {@code --rig}.
     */
    private HttpClient http;

    /** {@code true} when {@code --rig} was given. */
    public boolean present() {
        return url != null;
    }

    /** The service refused a call or could not be reached; the message says which and why. */
    public static final class RemoteRigException extends RuntimeException {
        private final boolean unreachable;

        RemoteRigException(String message, Throwable cause) {
            this(message, cause, false);
        }

        RemoteRigException(String message, Throwable cause, boolean unreachable) {
            super(message, cause);
            this.unreachable = unreachable;
        }

        /** {@code true} when the service did not answer at all (not a refusal of one call). */
        public boolean unreachable() {
            return unreachable;
        }
    }

    /** A camera of the remote rig: its index, name, serial and model. */
    public record Camera(int index, String name, String serial, String model) {
    }

    /** The remote rig's cameras that {@code selection} keeps (by serial suffix). */
    public List<Camera> cameras(CameraSelection selection, CommandLine cl) {
        List<Camera> out = new ArrayList<>();
        for (JsonNode c : call("GET", "/api/cameras", null, cl)) {
            Camera cam = new Camera(c.path("index").asInt(), c.path("name").asText(),
                    c.path("serial").asText("?"), c.path("model").asText("?"));
            if (selection.all() || selection.matchesSerial(cam.serial())) {
                out.add(cam);
            }
        }
        if (out.isEmpty()) {
            throw new CommandLine.ParameterException(cl, "no camera of " + url + " matches " + selection);
        }
        return out;
    }

    /** Runs a remote command; a refused or unreachable service is one line on stderr and exit code 1. */
    public int run(CommandLine cl, java.util.function.IntSupplier command) {
        try {
            return command.getAsInt();
        } catch (RemoteRigException e) {
            cl.getErr().println("camrig: " + io.camrig.cli.console.TerminalText.safe(e.getMessage()));
            cl.getErr().flush();
            return 1;
        }
    }

    /**
     * Calls the API; a refused call fails with the service's message.
     *
     * @param body JSON text, or {@code null}
     */
    public JsonNode call(String method, String path, String body, CommandLine cl) {
        HttpRequest.Builder req = HttpRequest.newBuilder(url.resolve(path)).timeout(Duration.ofMinutes(2))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            req.header("Content-Type", "application/json");
        }
        token(cl).ifPresent(t -> req.header("Authorization", "Bearer " + t));
        try {
            if (http == null) {
                http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            }
            HttpResponse<String> res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = res.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(res.body());
            if (res.statusCode() >= 400) {
                throw new RemoteRigException(url + ": " + res.statusCode() + " "
                        + json.path("error").path("message").asText(res.body()), null);
            }
            return json;
        } catch (IOException e) {
            throw new RemoteRigException("cannot reach the rig service at " + url + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteRigException("interrupted", e);
        }
    }

    private Optional<String> token(CommandLine cl) {
        if (tokenFile != null) {
            try {
                return Files.readAllLines(tokenFile, StandardCharsets.UTF_8).stream().findFirst().map(String::trim);
            } catch (IOException e) {
                throw new CommandLine.ParameterException(cl, "cannot read --rig-token-file: " + e.getMessage());
            }
        }
        return Optional.ofNullable(System.getenv("CAMRIG_TOKEN")).filter(s -> !s.isBlank());
    }

    /**
     * Prints a rig-wide report's per-camera outcomes as the local commands do ({@code NAME  WHAT:
     * ok} or the error's message), camera-provided text escaped.
     *
     * @return 0 when every camera succeeded, 3 otherwise
     */
    public static int printOutcomes(JsonNode report, String what, java.io.PrintWriter out) {
        boolean failed = false;
        for (JsonNode o : report.path("outcomes")) {
            boolean ok = "ok".equals(o.path("outcome").asText());
            failed |= !ok;
            out.printf("%-12s %s: %s%n", io.camrig.cli.console.TerminalText.safe(o.path("name").asText()), what, ok ? "ok"
                    : io.camrig.cli.console.TerminalText.safe(o.path("error").path("message").asText(o.path("detail").asText())));
        }
        out.flush();
        return failed ? ExitCodes.SOME_FAILED : 0;
    }

    /** The body {@code {"<field>": value, "cameras": [indexes]}}. */
    public static String body(String field, long value, List<Camera> cameras) {
        var node = JSON.createObjectNode();
        node.put(field, value);
        var list = node.putArray("cameras");
        cameras.forEach(c -> list.add(c.index()));
        return node.toString();
    }

    /** The body {@code {"option": …, "cameras": [indexes]}} (or {@code value} for a number). */
    public static String settingBody(String option, boolean numeric, List<Camera> cameras) {
        var node = JSON.createObjectNode();
        if (numeric) {
            node.put("value", Long.parseLong(option.trim()));
        } else {
            node.put("option", option);
        }
        var list = node.putArray("cameras");
        cameras.forEach(c -> list.add(c.index()));
        return node.toString();
    }
}
