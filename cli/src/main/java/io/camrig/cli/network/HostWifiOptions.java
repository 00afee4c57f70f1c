package io.camrig.cli.network;

import io.camrig.cli.rig.RigSourceOptions;
import io.camrig.http.wifi.HostWifi;
import io.camrig.http.wifi.nm.NetworkManagerOptions;
import io.camrig.http.wifi.nm.NetworkManagerWifi;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The host's Wi-Fi a command uses, as a picocli mixin:
 * <pre>
 * --wifi auto|simulated|networkmanager   auto (default): the simulated rig's own host Wi-Fi with a
 *                                        simulated rig, NetworkManager with real cameras
 * --wifi-interface NAME                  NetworkManager's Wi-Fi device (default: the first one)
 * --wifi-dbus-address ADDR               NetworkManager's bus (default: the system bus)
 * </pre>
 */
public final class HostWifiOptions {
    /** The host Wi-Fi backends. */
    public enum Backend {
        AUTO, SIMULATED, NETWORKMANAGER
    }

    @Option(names = "--wifi", paramLabel = "BACKEND", defaultValue = "auto",
            description = "Host Wi-Fi: auto, simulated or networkmanager (default: ${DEFAULT-VALUE}: simulated with the "
                    + "simulated rig, NetworkManager over D-Bus with real cameras).")
    Backend backend = Backend.AUTO;

    @Option(names = "--wifi-interface", paramLabel = "NAME",
            description = "With NetworkManager: the Wi-Fi interface, e.g. wlan0 (default: the first Wi-Fi device).")
    String interfaceName;

    @Option(names = "--wifi-dbus-address", paramLabel = "ADDR",
            description = "With NetworkManager: its D-Bus address (default: the system bus).")
    String dbusAddress;

    /**
     * Opens the backend for this rig; close it when done.
     *
     * @throws CommandLine.ParameterException when the simulated Wi-Fi is asked for without a simulated rig
     */
    public HostWifi open(CommandLine commandLine, RigSourceOptions.Source source) {
        Backend chosen = backend == Backend.AUTO
                ? (source.simulated().isPresent() ? Backend.SIMULATED : Backend.NETWORKMANAGER) : backend;
        if (chosen == Backend.SIMULATED) {
            return source.simulated().orElseThrow(() -> new CommandLine.ParameterException(commandLine,
                    "--wifi simulated needs the simulated rig (--ble simulated)")).hostWifi();
        }
        return NetworkManagerWifi.connect(networkManager()).block(Duration.ofSeconds(30));
    }

    /**
     * As {@link #open}, for a command that may never join an AP: NetworkManager is connected on
     * the first join (see {@link LazyHostWifi}), not here; the simulated rig's host Wi-Fi is used
     * as it is.
     *
     * @param simulated the simulated rig's host Wi-Fi, when the rig is simulated
     * @throws CommandLine.ParameterException when the simulated Wi-Fi is asked for without a simulated rig
     */
    public HostWifi openOnFirstUse(CommandLine commandLine, java.util.Optional<HostWifi> simulated) {
        Backend chosen = backend == Backend.AUTO ? (simulated.isPresent() ? Backend.SIMULATED : Backend.NETWORKMANAGER)
                : backend;
        if (chosen == Backend.SIMULATED) {
            return simulated.orElseThrow(() -> new CommandLine.ParameterException(commandLine,
                    "--wifi simulated needs the simulated rig (--ble simulated)"));
        }
        return new LazyHostWifi(NetworkManagerWifi.connect(networkManager()));
    }

    private NetworkManagerOptions networkManager() {
        return NetworkManagerOptions.defaults().withDbusAddress(dbusAddress).withInterfaceName(interfaceName);
    }
}
