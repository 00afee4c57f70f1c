package io.camrig.cli.rig;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.cli.CamrigCommand;
import io.camrig.cli.console.ExitCodes;
import io.camrig.simulator.SimulatorOptions;
import io.camrig.simulator.VirtualRig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code status --cameras 3} with one camera switched off: the rig says so and exits 3. */
class MissingCameraCliTest {

    @Test
    void aRigMissingACameraReportsFoundTwoOfThreeAndExitsThree() {
        try (VirtualRig sim = VirtualRig.start(SimulatorOptions.defaults().withCameras(3)).block(Duration.ofSeconds(10))) {
            sim.powerOff(sim.cameras().get(1).identity().serial());
            RigSourceOptions.Source source = new RigSourceOptions.Source(sim.central(), 3, () -> { });
            try (ConnectedRig rig = ConnectedRig.connect(source, new CameraSelection())) {
                assertThat(rig.members()).hasSize(2);
                assertThat(rig.missingSummary()).contains("found 2 of 3 cameras");
                List<ConnectedRig.Result<String>> results = rig.forEach(c -> reactor.core.publisher.Mono.just("ok"));
                assertThat(RigCommandSupport.exitCode(results)).isZero();
                assertThat(RigCommandSupport.exitCode(rig, results)).isEqualTo(ExitCodes.SOME_FAILED);

                StringWriter err = new StringWriter();
                CommandLine cl = new CommandLine(new CamrigCommand());
                cl.setErr(new PrintWriter(err, true));
                RigCommandSupport.requireCameras(rig, new CameraSelection(), cl);
                assertThat(err.toString()).contains("found 2 of 3 cameras").contains("count as failed");
            }
        }
    }
}
