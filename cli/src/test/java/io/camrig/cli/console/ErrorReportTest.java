package io.camrig.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.ble.bluez.BluezUnavailableException;
import io.camrig.cli.CamrigCommand;
import io.camrig.cli.CliRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import reactor.core.Exceptions;

/** Usage errors and unhandled errors: one line (and a pointer to --help), never the usage or a stack trace. */
class ErrorReportTest {
    private final CliRun cli = new CliRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    private List<String> errLines() {
        return err.toString().lines().filter(l -> !l.isBlank()).toList();
    }

    @Test
    void aUsageErrorIsTheErrorAndAHintNotTheUsage() {
        assertThat(run("status", "--bogus")).isEqualTo(2);
        assertThat(errLines()).containsExactly("camrig status: Unknown option: '--bogus'",
                "Try 'camrig status --help' for usage.");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aMistypedCommandGetsPicocliSuggestions() {
        assertThat(run("demoo")).isEqualTo(2);
        assertThat(err.toString()).contains("Did you mean: camrig demo").contains("Try 'camrig --help' for usage.")
                .doesNotContain("Usage:");
        err.getBuffer().setLength(0);
        assertThat(run("demo", "--cameraz", "3")).isEqualTo(2);
        assertThat(errLines()).containsExactly("camrig demo: Unknown options: '--cameraz', '3'",
                "Possible solutions: --cameras", "Try 'camrig demo --help' for usage.");
    }

    @Test
    void aValidationErrorFromACommandIsOneLineToo() {
        assertThat(run("demo", "--cameras", "0")).isEqualTo(2);
        assertThat(errLines()).containsExactly("camrig demo: --cameras must be between 1 and 1024, got 0",
                "Try 'camrig demo --help' for usage.");
    }

    @Test
    void noCommandAtAllPointsToTheTopLevelHelp() {
        assertThat(run()).isEqualTo(2);
        assertThat(errLines()).last().isEqualTo("Try 'camrig --help' for usage.");
    }

    @Test
    void anUnhandledErrorIsOneLineWithItsHintAndNoStackTrace() {
        ErrorReport report = new ErrorReport(null);
        CommandLine cli = CamrigCommand.commandLine().getSubcommands().get("status");
        cli.setErr(new PrintWriter(err, true));
        BluezUnavailableException noBluez = new BluezUnavailableException("BlueZ is not on the bus",
                null, "open D-Bus", "org.freedesktop.DBus.Error.ServiceUnknown", null);
        int code = report.handleExecutionException(
                (Exception) Exceptions.propagate(new IllegalStateException(noBluez)), cli, null);
        assertThat(code).isEqualTo(1);
        assertThat(errLines()).singleElement().asString()
                .startsWith("camrig status: open D-Bus: BlueZ is not on the bus — install and start BlueZ: ")
                .contains("sudo apt-get install bluez");
    }

    @Test
    void aBugIsOneLineUnlessCamrigLogAsksForDebugging() {
        CommandLine cli = CamrigCommand.commandLine().getSubcommands().get("status");
        cli.setErr(new PrintWriter(err, true));
        new ErrorReport("warn").handleExecutionException(new NullPointerException("x is null"), cli, null);
        assertThat(errLines()).containsExactly("camrig status: NullPointerException: x is null",
                "(CAMRIG_LOG=debug shows where it happened)");
        err.getBuffer().setLength(0);
        new ErrorReport("DEBUG").handleExecutionException(new NullPointerException("x is null"), cli, null);
        assertThat(err.toString()).contains("\tat ");
    }
}
