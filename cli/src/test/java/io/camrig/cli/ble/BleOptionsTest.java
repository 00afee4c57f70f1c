package io.camrig.cli.ble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camrig.ble.bluez.BluezCentral;
import io.camrig.ble.bluez.BluezOptions;
import io.camrig.cli.CamrigCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --ble}, {@code --adapter}, {@code --dbus-address} as a user types them. */
class BleOptionsTest {
    @CommandLine.Command(name = "probe")
    static final class Probe implements Runnable {
        @CommandLine.Mixin
        BleOptions ble = new BleOptions();

        @Override
        public void run() {
        }
    }

    private static BleOptions parse(String... args) {
        Probe probe = new Probe();
        CommandLine cli = new CommandLine(probe);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.parseArgs(args);
        probe.ble.validate(cli);
        return probe.ble;
    }

    @Test
    void theSimulatedRigIsTheDefault() {
        BleOptions ble = parse();
        assertThat(ble.simulated()).isTrue();
        assertThat(ble.stack()).isEqualTo(BleOptions.Stack.SIMULATED);
        assertThat(ble.central()).isEmpty();
    }

    @Test
    void bluezTakesTheAdapterAndTheBus() {
        BleOptions ble = parse("--ble", "bluez", "--adapter", "hci1", "--dbus-address", "unix:path=/tmp/bus.sock");
        assertThat(ble.simulated()).isFalse();
        assertThat(ble.bluezOptions()).isEqualTo(BluezOptions.defaults().withAdapter("hci1")
                .withDbusAddress("unix:path=/tmp/bus.sock"));
        BluezCentral central = ble.central().orElseThrow();
        assertThat(central.options().adapter()).isEqualTo("hci1");
        central.close();
        assertThat(parse("--ble", "BLUEZ").bluezOptions()).isEqualTo(BluezOptions.defaults());
    }

    @Test
    void bluezFlagsWithoutBluezAreAUsageError() {
        assertThatThrownBy(() -> parse("--adapter", "hci1")).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessage("--adapter needs --ble bluez");
        assertThatThrownBy(() -> parse("--dbus-address", "unix:path=/x")).hasMessage("--dbus-address needs --ble bluez");
        assertThatThrownBy(() -> parse("--ble", "radio")).isInstanceOf(CommandLine.ParameterException.class);
    }

    @Test
    void demoOverBluezWithoutABusSaysWhyAndExitsOne(@TempDir Path media) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = CamrigCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute("demo", "--ble", "bluez", "--dbus-address", "unix:path=/nonexistent/camrig-bus.sock",
                "--cameras", "1", "--no-progress", "--media-dir", media.toString());
        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("1 cameras over BlueZ (adapter hci0)");
        assertThat(err.toString()).contains("camrig demo:").contains("no socket at /nonexistent/camrig-bus.sock");
    }

    @Test
    void everyBluezCommandWithoutABusSaysInOneLineWhatToInstallOrStart(@TempDir Path dir) {
        String bus = "unix:path=/nonexistent/camrig-bus.sock";
        String store = dir.resolve("credentials.json").toString();
        for (String[] args : new String[][]{{"status"}, {"settings", "get"}, {"preset", "load", "--group", "video"},
                {"ap", "on", "--credentials", store}, {"demo", "--no-progress", "--media-dir", dir.toString()}}) {
            StringWriter err = new StringWriter();
            CommandLine cli = CamrigCommand.commandLine();
            cli.setOut(new PrintWriter(new StringWriter(), true));
            cli.setErr(new PrintWriter(err, true));
            String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                    java.util.stream.Stream.of("--ble", "bluez", "--dbus-address", bus, "--cameras", "1"))
                    .toArray(String[]::new);
            assertThat(cli.execute(all)).as("%s: %s", args[0], err).isEqualTo(1);
            assertThat(err.toString().lines().filter(l -> !l.isBlank()).toList()).as(args[0]).singleElement()
                    .asString().startsWith("camrig " + args[0])
                    .contains("no socket at /nonexistent/camrig-bus.sock")
                    .contains("sudo apt-get install dbus bluez");
        }
    }

    @Test
    void failCameraNeedsTheSimulatedRig() {
        CommandLine cli = CamrigCommand.commandLine();
        cli.setErr(new PrintWriter(new StringWriter(), true));
        assertThat(cli.execute("demo", "--ble", "bluez", "--fail-camera", "1")).isEqualTo(2);
    }
}
