package io.camrig.cli.rig;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.cli.CamrigCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@code --broker} (the nodes on an MQTT broker) and {@code --rig} (a {@code camrig serve}) each
 * name a whole rig: a command given both is a usage error that names the pair, before anything is
 * contacted (both URLs here point at closed ports).
 */
class OneRigSourceTest {

    @ParameterizedTest
    @ValueSource(strings = {"status", "preset load --group video", "settings set frames_per_second 60"})
    void brokerAndRigTogetherAreRefusedAsAUsageError(String command) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = CamrigCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] args = (command + " --broker mqtt://127.0.0.1:1 --rig http://127.0.0.1:1").split(" ");

        int code = cl.execute(args);

        assertThat(code).as("stderr: %s", err).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("--broker and --rig").contains("give one");
        assertThat(out.toString()).isEmpty();
    }
}
