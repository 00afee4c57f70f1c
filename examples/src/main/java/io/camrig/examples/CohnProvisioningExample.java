package io.camrig.examples;

import io.camrig.engine.credentials.CredentialStore;
import io.camrig.engine.credentials.InMemoryCredentialStore;
import io.camrig.engine.provision.rig.ProvisionedCamera;
import io.camrig.engine.provision.ProvisioningOptions;
import io.camrig.engine.provision.RigNetwork;
import io.camrig.engine.provision.rig.RigProvisioner;
import io.camrig.engine.rig.Rig;
import io.camrig.engine.rig.RigOptions;
import io.camrig.engine.rig.RigResult;
import io.camrig.engine.session.HttpAddressResolver;
import io.camrig.http.client.CameraHttpClient;
import io.camrig.http.HttpOptions;
import io.camrig.simulator.SimulatorOptions;
import io.camrig.simulator.VirtualRig;
import io.camrig.simulator.state.SimulatedNetworks;

/**
 * The rig path with the public API: put four simulated cameras on the rig's network (connect or
 * set up: they do not know {@code rig-backstage} yet, so each scans and joins it with the password),
 * provision COHN, keep the credentials, then read every camera's media list over HTTPS with trust
 * anchored to that camera's own root CA. With real cameras, use a BLE central of BlueZ, a {@code
 * FileCredentialStore} and port 443.
 *
 * <p>Run: {@code examples/run CohnProvisioningExample} (builds the examples the first time).
 */
public final class CohnProvisioningExample {
    public static void main(String[] args) {
        CredentialStore store = new InMemoryCredentialStore();
        RigNetwork network = new RigNetwork(SimulatedNetworks.BACKSTAGE_SSID, SimulatedNetworks.BACKSTAGE_PASSWORD);
        try (VirtualRig sim = VirtualRig.start(SimulatorOptions.defaults().withCameras(4)).block();
             Rig rig = Rig.discover(sim.central(), RigOptions.defaults().withExpectedCameras(4)).block()) {
            rig.connect().block();
            RigResult<ProvisionedCamera> provisioned = new RigProvisioner(store, ProvisioningOptions.defaults())
                    .provision(rig, network, event -> System.out.println("  " + event))
                    .block();
            HttpAddressResolver https = HttpAddressResolver.cohn(store, sim.cohnPort());
            for (ProvisionedCamera camera : provisioned.outcomes().keySet().stream()
                    .flatMap(m -> provisioned.value(m).stream()).toList()) {
                CameraHttpClient client = new CameraHttpClient(https.resolve(camera.serial()).orElseThrow(),
                        HttpOptions.defaults());
                int files = client.mediaList().block().files().size();
                System.out.printf("%s on %s at %s: %d file(s) over HTTPS%n", camera.serial(), camera.ssid(),
                        client.baseUri(), files);
            }
            System.out.printf("%d/%d cameras provisioned%n", provisioned.succeeded().size(), rig.members().size());
        }
    }

    private CohnProvisioningExample() {
    }
}
