package io.camrig.cli.network;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camrig.cli.console.ExitCodes;
import io.camrig.cli.rig.RigCommandSupport;
import io.camrig.cli.rig.RigSourceOptions;
import io.camrig.cli.rig.Table;
import io.camrig.credentials.FileCredentialStore;
import io.camrig.engine.credentials.CredentialStoreException;
import io.camrig.engine.provision.rig.ProvisionedCamera;
import io.camrig.engine.provision.ProvisioningOptions;
import io.camrig.engine.provision.RigNetwork;
import io.camrig.engine.provision.rig.RigProvisioner;
import io.camrig.engine.rig.Outcome;
import io.camrig.engine.rig.Rig;
import io.camrig.engine.rig.RigMember;
import io.camrig.engine.rig.RigOptions;
import io.camrig.engine.rig.RigResult;
import io.camrig.proto.error.CamrigException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code camrig provision --ssid S --password-file F}: puts every camera of the rig on the rig's
 * network and sets up camera-on-the-home-network (COHN), so that all of them answer HTTPS at once.
 * Per camera: connect to the network if the camera knows it (RequestConnect), else scan (retrying
 * empty scans), Connect New with the password, and follow NotifProvisioningState; then create the
 * COHN certificate (or reuse a valid one), wait until provisioned, and keep the root CA, user,
 * password and IP in the credential store. A live per-camera table shows progress on stderr; the
 * result is one row per camera. The password is read from a file and never printed.
 * Exit code 0 when every camera is provisioned, 3 when some failed, 1 when the store is unusable.
 */
@Command(name = "provision", mixinStandardHelpOptions = true,
        description = "Put every camera on the rig's network and set up COHN (HTTPS), keeping the credentials.")
public final class ProvisionCommand implements Callable<Integer> {
    static final class Secret {
        @Option(names = "--password-file", paramLabel = "FILE", required = true,
                description = "The network's password, on FILE's first line.")
        Path passwordFile;

        @Option(names = "--open", required = true, description = "The network is open (no password).")
        boolean open;
    }

    @Option(names = "--ssid", paramLabel = "SSID", required = true, description = "The rig's network (e.g. rig-backstage "
            + "on the simulated rig, password backstage-pass-2).")
    String ssid;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Secret secret;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4",
            description = "Cameras provisioned at a time (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--json", description = "Print the result as one JSON document.")
    boolean json;

    @Option(names = "--no-progress", description = "Do not draw the live table on stderr.")
    boolean noProgress;

    @CommandLine.Mixin
    RigSourceOptions rigSource = new RigSourceOptions();

    @CommandLine.Mixin
    CredentialOptions credentials = new CredentialOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        rigSource.validate(cl);
        if (concurrency < 1 || concurrency > 64) {
            throw new CommandLine.ParameterException(cl, "--concurrency must be 1..64, got " + concurrency);
        }
        RigNetwork network = network(cl);
        PrintWriter out = cl.getOut();
        PrintWriter err = cl.getErr();
        ProvisionTable table = new ProvisionTable(err, !noProgress && !json, System.console() != null);
        ProvisioningOptions options = ProvisioningOptions.defaults().withConcurrency(concurrency);
        try (FileCredentialStore store = credentials.open(cl, System.getenv());
             RigSourceOptions.Source source = rigSource.open();
             Rig rig = Rig.discover(source.central(), CohnSetup.rigOptions(RigOptions.defaults()
                     .withExpectedCameras(source.expectedCameras()), options)).block(Duration.ofSeconds(60))) {
            io.camrig.cli.console.Interrupts.activity("provisioning " + source.expectedCameras() + " cameras");
            rig.connect().block(Duration.ofMinutes(2));
            RigResult<ProvisionedCamera> result = new RigProvisioner(store, options).provision(rig, network, table)
                    .block(Duration.ofMinutes(10));
            if (json) {
                out.println(render(result, store.file()));
            } else {
                print(result, out, store.file());
            }
            out.flush();
            return result.allOk() ? 0 : ExitCodes.SOME_FAILED;
        } catch (CredentialStoreException e) {
            return CredentialOptions.failed(cl, "provision", e);
        } catch (CamrigException e) {
            err.println("camrig provision: " + RigCommandSupport.describe(e) + io.camrig.cli.console.Hints.suffix(e));
            err.flush();
            return 1;
        }
    }

    private RigNetwork network(CommandLine cl) {
        if (secret.open) {
            return RigNetwork.open(ssid);
        }
        char[] password = SecretFiles.firstLine(cl, secret.passwordFile, "--password-file");
        try {
            return new RigNetwork(ssid, new String(password));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static void print(RigResult<ProvisionedCamera> result, PrintWriter out, Path file) {
        Table table = new Table(List.of("CAMERA", "SERIAL", "NETWORK", "IP", "RESULT"));
        for (var e : result.outcomes().entrySet()) {
            RigMember m = e.getKey();
            if (e.getValue() instanceof Outcome.Ok<ProvisionedCamera> ok) {
                ProvisionedCamera p = ok.value();
                table.row(List.of(m.advertisedName(), p.serial(), p.ssid() + (p.networkKnown() ? " (known)" : " (new)"),
                        p.ipAddress(), p.certificateReused() ? "ok, certificate reused" : "ok, certificate created"));
            } else {
                table.row(List.of(m.advertisedName(), "-", "-", "-", failure(m, e.getValue())));
            }
        }
        table.print(out);
        out.printf("%d/%d cameras provisioned; credentials in %s%n", result.succeeded().size(),
                result.outcomes().size(), file);
    }

    private static String failure(RigMember m, Outcome<ProvisionedCamera> outcome) {
        Throwable cause = outcome instanceof Outcome.Failed<ProvisionedCamera> f ? f.cause()
                : m.failure().orElse(null);
        return "failed" + m.failedStep().map(s -> " in " + s).orElse("")
                + (cause == null ? "" : ": " + RigCommandSupport.describe(cause));
    }

    private static String render(RigResult<ProvisionedCamera> result, Path file) {
        ObjectNode root = RigCommandSupport.JSON.createObjectNode();
        root.put("credentials", file.toString());
        root.put("allOk", result.allOk());
        ArrayNode cameras = root.putArray("cameras");
        for (var e : result.outcomes().entrySet()) {
            RigMember m = e.getKey();
            ObjectNode node = cameras.addObject().put("index", m.index()).put("name", m.advertisedName());
            if (e.getValue() instanceof Outcome.Ok<ProvisionedCamera> ok) {
                ProvisionedCamera p = ok.value();
                node.put("ok", true).put("serial", p.serial()).put("ssid", p.ssid()).put("ipAddress", p.ipAddress())
                        .put("networkKnown", p.networkKnown()).put("certificateReused", p.certificateReused());
            } else {
                node.put("ok", false).put("error", failure(m, e.getValue()));
            }
        }
        return io.camrig.cli.console.JsonStyle.document(root);
    }
}
