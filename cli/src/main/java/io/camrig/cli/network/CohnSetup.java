package io.camrig.cli.network;

import io.camrig.engine.credentials.CredentialStore;
import io.camrig.engine.provision.rig.ProvisionedCamera;
import io.camrig.engine.provision.cohn.CohnIpTracker;
import io.camrig.engine.rig.Outcome;
import io.camrig.engine.rig.RigOptions;
import java.time.Duration;
import io.camrig.engine.provision.ProvisionListener;
import io.camrig.engine.provision.ProvisioningOptions;
import io.camrig.engine.provision.RigNetwork;
import io.camrig.engine.provision.rig.RigProvisioner;
import io.camrig.engine.session.RecordingSession;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * {@code camrig demo --cohn}: the session gets a {@code "cohn"} setup step that puts every camera
 * on the rig's network and provisions COHN ({@link RigProvisioner}), keeping the credentials in a
 * store from which the session's HTTP resolver builds each camera's HTTPS address.
 */
public final class CohnSetup {
    /** The port a real camera serves COHN HTTPS on. */
    public static final int HTTPS_PORT = 443;

    private CohnSetup() {
    }

    /**
     * {@code session} with a {@code "cohn"} setup step provisioning {@code network} into {@code
     * store}; afterwards each provisioned camera's IP address is followed (NotifyCOHNStatus) and
     * kept up to date in the store until the camera's link closes, so the session's HTTPS
     * requests follow a DHCP change.
     */
    public static RecordingSession over(RecordingSession session, CredentialStore store, RigNetwork network) {
        RigProvisioner provisioner = new RigProvisioner(store, ProvisioningOptions.defaults());
        CohnIpTracker tracker = new CohnIpTracker(store);
        return session.withNetworkSetup("cohn", rig -> provisioner.provision(rig, network, ProvisionListener.none())
                .doOnNext(result -> result.outcomes().forEach((member, outcome) -> {
                    if (outcome instanceof Outcome.Ok<ProvisionedCamera> ok) {
                        member.currentCamera()
                                .flatMapMany(c -> tracker.follow(c, ok.value().serial(), ProvisionListener.none()))
                                .subscribe(c -> { }, e -> { });
                    }
                })));
    }

    /**
     * {@code rig} with an operation time limit long enough for provisioning's slowest step
     * ({@link ProvisioningOptions#rigStepLimit()}), when it is shorter.
     */
    public static RigOptions rigOptions(RigOptions rig, ProvisioningOptions provisioning) {
        Duration limit = provisioning.rigStepLimit();
        return rig.resilience().operationTimeout().compareTo(limit) >= 0 ? rig
                : rig.withResilience(rig.resilience().withOperationTimeout(limit));
    }

    /** The password on the first line of {@code file} (for {@code --password-file}). */
    public static char[] password(CommandLine commandLine, Path file) {
        return SecretFiles.firstLine(commandLine, file, "--password-file");
    }
}
