package io.camrig.cli.network;

import io.camrig.cli.console.TerminalText;
import io.camrig.cli.rig.ConnectedRig;
import io.camrig.cli.rig.RigCommandSupport;
import io.camrig.cli.rig.SelectedCameras;
import io.camrig.credentials.FileCredentialStore;
import io.camrig.engine.camera.ApCredentials;
import io.camrig.engine.credentials.CredentialStoreException;
import io.camrig.engine.provision.AccessPointMode;
import io.camrig.engine.provision.ProvisionListener;
import io.camrig.engine.provision.ProvisioningOptions;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import reactor.core.publisher.Mono;

/**
 * {@code camrig ap on|off}: switches the selected cameras' Wi-Fi access points with Set AP Control
 * (0x17) and waits until status 69 "AP Mode" shows it. With {@code on}, each camera's AP SSID and
 * password (GP-0002, GP-0003) are kept in the credential store, and the SSID is printed — never
 * the password. Exit code 3 when some cameras failed.
 */
@Command(name = "ap", mixinStandardHelpOptions = true,
        description = "Switch the cameras' Wi-Fi access points on or off (and keep their AP credentials).")
public final class ApCommand implements Callable<Integer> {
    /** What to do with the access point. */
    public enum Mode {
        ON, OFF
    }

    @Parameters(index = "0", paramLabel = "on|off", description = "on or off")
    Mode mode;

    @CommandLine.Mixin
    SelectedCameras selected = new SelectedCameras();

    @CommandLine.Mixin
    CredentialOptions credentials = new CredentialOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        selected.validate(cl);
        boolean on = mode == Mode.ON;
        AccessPointMode ap = new AccessPointMode(ProvisioningOptions.defaults());
        PrintWriter out = cl.getOut();
        try (FileCredentialStore store = credentials.open(cl, System.getenv());
             SelectedCameras.Connected connected = selected.connect(cl)) {
            ConnectedRig rig = connected.rig();
            List<ConnectedRig.Result<Optional<ApCredentials>>> results = rig.forEachMember((m, c) -> {
                Mono<Void> switched = ap.set(c, on, ProvisionListener.none());
                return on ? switched.then(ap.storeCredentials(c, m.serial(), store, ProvisionListener.none()))
                        .map(Optional::of) : switched.thenReturn(Optional.<ApCredentials>empty());
            });
            for (ConnectedRig.Result<Optional<ApCredentials>> r : results) {
                String outcome = r.ok() ? "AP " + mode.name().toLowerCase(Locale.ROOT)
                        + r.value().flatMap(v -> v).map(a -> ", ssid " + a.ssid()).orElse("")
                        : RigCommandSupport.describe(r.error().get());
                out.printf("%-12s %s%n", TerminalText.safe(r.member().name()), TerminalText.safe(outcome));
            }
            out.flush();
            return RigCommandSupport.exitCode(rig, results);
        } catch (CredentialStoreException e) {
            return CredentialOptions.failed(cl, "ap", e);
        }
    }
}
