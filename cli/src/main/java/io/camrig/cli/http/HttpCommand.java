package io.camrig.cli.http;

import io.camrig.cli.console.TerminalText;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camrig.http.client.CameraHttpClient;
import io.camrig.http.HttpOptions;
import io.camrig.http.address.BasicCredentials;
import io.camrig.http.address.CameraAddress;
import io.camrig.http.address.CohnTrust;
import io.camrig.proto.error.CamrigException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code camrig http}: talks to one camera over its HTTP API (Open GoPro HTTP API 2.0), wherever
 * it is reachable: its Wi-Fi AP (the default, {@code http://10.5.5.9:8080}), USB ({@code --usb
 * SERIAL}), the home network (COHN: {@code --url https://IP --cohn-ca FILE --user U
 * --password-file F}) or a simulated camera ({@code --url http://127.0.0.1:PORT}).
 *
 * <p>Exit codes: 0 done, 1 the camera refused or could not be reached (the reason on stderr), 2
 * bad usage. Passwords are read from a file, never from the command line, and never printed.
 */
@Command(name = "http", mixinStandardHelpOptions = true,
        description = "Talk to one camera over HTTP (Wi-Fi AP, USB, COHN or a simulated camera).",
        subcommands = {HttpStateCommand.class, HttpInfoCommand.class, HttpVersionCommand.class,
                HttpMediaCommand.class, HttpShutterCommand.class, HttpSettingsCommand.class,
                HttpDiscoverCommand.class})
public final class HttpCommand implements Runnable {
    static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = {"--url", "--http"}, paramLabel = "URL",
            description = "The camera's base URL (default: the Wi-Fi AP, http://10.5.5.9:8080).")
    URI url;

    @Option(names = "--usb", paramLabel = "SERIAL",
            description = "The camera on USB: http://172.2X.1YZ.51:8080 from the serial's last three digits XYZ.")
    String usbSerial;

    @Option(names = "--cohn-ca", paramLabel = "FILE",
            description = "COHN: the camera's root CA (PEM); its HTTPS certificate must chain to it, and only to it.")
    Path cohnCa;

    @Option(names = "--user", paramLabel = "U", description = "Basic-auth user (COHN: usually gopro).")
    String user;

    @Option(names = "--password-file", paramLabel = "F",
            description = "File holding the Basic-auth password (first line); never pass it on the command line.")
    Path passwordFile;

    @Option(names = "--timeout", paramLabel = "D", defaultValue = "10s",
            description = "Longest silence while waiting for the camera (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a command is required: state, info, version, media, shutter, settings or discover");
    }

    /** The address the options name; a usage error when they contradict each other. */
    CameraAddress address() {
        CommandLine cl = spec.commandLine();
        if (url != null && usbSerial != null) {
            throw new CommandLine.ParameterException(cl, "give --url or --usb, not both");
        }
        CameraAddress address;
        try {
            address = usbSerial != null ? CameraAddress.usb(usbSerial)
                    : url != null ? CameraAddress.of(url) : CameraAddress.accessPoint();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        if (cohnCa != null) {
            if (!address.secure()) {
                throw new CommandLine.ParameterException(cl, "--cohn-ca needs an https:// --url");
            }
            try {
                address = address.withRootCa(CohnTrust.parseCertificate(Files.readAllBytes(cohnCa)));
            } catch (IOException | IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "--cohn-ca " + cohnCa + ": not a readable PEM certificate");
            }
        }
        if ((user == null) != (passwordFile == null)) {
            throw new CommandLine.ParameterException(cl, "--user and --password-file go together");
        }
        if (user != null && !address.secure()) {
            throw new CommandLine.ParameterException(cl, "--user and --password-file need an https:// --url:"
                    + " over http the password would cross the network in clear");
        }
        if (user != null) {
            try {
                String password = Files.readString(passwordFile, StandardCharsets.UTF_8).lines().findFirst().orElse("");
                address = address.withCredentials(new BasicCredentials(user, password));
            } catch (IOException e) {
                throw new CommandLine.ParameterException(cl, "--password-file " + passwordFile + " cannot be read");
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "--user: " + e.getMessage());
            }
        }
        return address;
    }

    /** A client for {@link #address()}. */
    CameraHttpClient client() {
        if (timeout.isZero()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--timeout must be positive");
        }
        return new CameraHttpClient(address(), HttpOptions.defaults().withResponseTimeout(timeout));
    }

    /**
     * Runs {@code body}; a camrig error is printed as {@code camrig http: <message>} and exits 1.
     */
    int run(Callable<Integer> body) {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return body.call();
        } catch (CommandLine.ParameterException e) {
            throw e;
        } catch (CamrigException e) {
            err.println("camrig http: " + TerminalText.safe(e.getMessage()));
            err.flush();
            return 1;
        } catch (Exception e) {
            if (io.camrig.cli.console.Interrupts.isInterruption(e)) {
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
            err.println("camrig http: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            err.flush();
            return 1;
        }
    }

    /** Prints one JSON document. */
    static void printJson(PrintWriter out, Object value) throws IOException {
        out.println(io.camrig.cli.console.JsonStyle.document(value));
        out.flush();
    }
}
