package io.camrig.cli.network;

import io.camrig.cli.rig.CameraSelection;
import io.camrig.cli.rig.ConnectedRig;
import io.camrig.cli.rig.RigCommandSupport;
import io.camrig.cli.rig.RigSourceOptions;
import io.camrig.credentials.FileCredentialStore;
import io.camrig.engine.provision.AccessPointMode;
import io.camrig.engine.provision.ProvisioningOptions;
import io.camrig.http.client.CameraHttpClient;
import io.camrig.http.address.CameraAddress;
import io.camrig.http.model.CameraState;
import io.camrig.http.wifi.HostWifi;
import io.camrig.http.wifi.HostWifiLink;
import io.camrig.proto.error.CamrigException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code camrig wifi join CAMERA}: the single-camera AP path. Over BLE: Set AP Control on (0x17),
 * wait for status 69, read the AP SSID and password (GP-0002, GP-0003) and keep them in the
 * credential store; then the host joins that AP ({@link HostWifiOptions}), and the camera's HTTP
 * API ({@code http://10.5.5.9:8080}; a simulated camera's own loopback port) is checked with
 * {@code GET /gopro/camera/state}. The host stays on the camera's AP unless {@code --restore}.
 * Exit code 0 when joined and checked, 1 otherwise (the typed reason is printed, never a password).
 */
@Command(name = "join", mixinStandardHelpOptions = true,
        description = "Switch a camera's AP on, join it from this host and check its HTTP API.")
public final class WifiJoinCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CAMERA", description = "The camera: its serial number or its end (e.g. 0003).")
    String camera;

    @Option(names = "--restore", description = "Go back to the host's previous connection after the check.")
    boolean restore;

    @CommandLine.Mixin
    RigSourceOptions rigSource = new RigSourceOptions();

    @CommandLine.Mixin
    HostWifiOptions wifiOptions = new HostWifiOptions();

    @CommandLine.Mixin
    CredentialOptions credentials = new CredentialOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        rigSource.validate(cl);
        PrintWriter out = cl.getOut();
        PrintWriter err = cl.getErr();
        CameraSelection selection = new CameraSelection(List.of(camera));
        AccessPointMode ap = new AccessPointMode(ProvisioningOptions.defaults());
        try (FileCredentialStore store = credentials.open(cl, System.getenv());
             RigSourceOptions.Source source = rigSource.open();
             ConnectedRig rig = ConnectedRig.connect(source, selection);
             HostWifi wifi = wifiOptions.open(cl, source)) {
            RigCommandSupport.requireCameras(rig, selection, cl);
            if (rig.members().size() > 1) {
                throw new CommandLine.ParameterException(cl, "'" + camera + "' matches " + rig.members().size()
                        + " cameras; give more of the serial number");
            }
            ConnectedRig.Member member = rig.members().get(0);
            ProvisionTable progress = new ProvisionTable(err, true, false);
            List<ConnectedRig.Result<HostWifiLink>> joined = rig.forEachMember((m, c) -> ap.join(c, m.serial(), store,
                    wifi, progress));
            ConnectedRig.Result<HostWifiLink> result = joined.get(0);
            if (!result.ok()) {
                err.println("camrig wifi join: " + RigCommandSupport.describe(result.error().get()));
                err.flush();
                return 1;
            }
            HostWifiLink link = result.value().orElseThrow();
            out.printf("%s: joined %s%s%n", member.name(), link.ssid(),
                    link.previous().map(p -> " (previous connection: " + p + ")").orElse(""));
            CameraAddress address = source.simulated()
                    .flatMap(r -> r.httpBaseUri(member.serial())).map(CameraAddress::of)
                    .orElse(CameraAddress.accessPoint());
            CameraState state = new CameraHttpClient(address, io.camrig.http.HttpOptions.defaults()).state()
                    .block(Duration.ofSeconds(15));
            out.printf("%s: HTTP %s answers GET /gopro/camera/state (%d statuses, %d settings)%n", member.name(),
                    address.baseUri(), state.statuses().size(), state.settings().size());
            if (restore) {
                link.restore().block(Duration.ofSeconds(60));
                out.println(member.name() + ": restored " + link.previous().orElse("(no previous connection)"));
            }
            out.flush();
            return 0;
        } catch (CamrigException e) {
            err.println("camrig wifi join: " + RigCommandSupport.describe(e) + io.camrig.cli.console.Hints.suffix(e));
            err.flush();
            return 1;
        }
    }
}
