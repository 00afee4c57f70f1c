package io.camrig.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.simulator.state.SimulatedNetworks;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The COHN example runs: every camera joins the new network and answers over HTTPS. */
class CohnProvisioningExampleTest {
    @Test
    void everyCameraIsProvisionedAndReadOverHttps() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            CohnProvisioningExample.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("4/4 cameras provisioned").contains("SCAN").contains("CONNECT_NEW");
        assertThat(out.lines().filter(l -> l.matches("C\\d+ on rig-backstage at https://127\\.0\\.50\\.\\d+:\\d+: \\d+ file\\(s\\) over HTTPS")))
                .hasSize(4);
        assertThat(out).doesNotContain(SimulatedNetworks.BACKSTAGE_PASSWORD);
    }
}
