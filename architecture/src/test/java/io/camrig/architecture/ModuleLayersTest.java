package io.camrig.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import org.junit.jupiter.api.Test;

/**
 * The modules' packages depend on each other one way, as docs/modules.md draws it: the protocol at
 * the bottom, transports and SPIs on it, then the simulator and the engine (neither knowing the
 * other), the optional backends, and the CLI on top. Maven already refuses a cycle between
 * modules; this rule also refuses a dependency the poms would allow only by accident (a module
 * reaching a backend through a transitive dependency).
 */
class ModuleLayersTest {

    @Test
    void modulesDependOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("proto").definedBy("io.camrig.proto..")
            .layer("dbus").definedBy("io.camrig.dbus..")
            .layer("ble-transport").definedBy("io.camrig.ble.spi..", "io.camrig.ble.packet..")
            .layer("ble-bluez").definedBy("io.camrig.ble.bluez..", "org.bluez.Error..")
            .layer("http-transport").definedBy("io.camrig.http", "io.camrig.http.api..", "io.camrig.http.model..",
                    "io.camrig.http.address..", "io.camrig.http.download..")
            .layer("wifi").definedBy("io.camrig.http.wifi")
            .layer("wifi-networkmanager").definedBy("io.camrig.http.wifi.nm..")
            .layer("mdns").definedBy("io.camrig.mdns..")
            .layer("simulator").definedBy("io.camrig.simulator..")
            .layer("engine").definedBy("io.camrig.engine..")
            .layer("credentials").definedBy("io.camrig.credentials..")
            .layer("prometheus").definedBy("io.camrig.prometheus..")
            .layer("service").definedBy("io.camrig.service..")
            .layer("bench-rig").definedBy("io.camrig.benchmarks..")
            .layer("cli").definedBy("io.camrig.cli..")

            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("bench-rig").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("service").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("prometheus").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("credentials").mayOnlyBeAccessedByLayers("service", "cli")
            .whereLayer("mdns").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("wifi-networkmanager").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("ble-bluez").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("engine").mayOnlyBeAccessedByLayers("credentials", "prometheus", "service", "bench-rig", "cli")
            .whereLayer("simulator").mayOnlyBeAccessedByLayers("bench-rig", "cli")
            .whereLayer("wifi").mayOnlyBeAccessedByLayers("wifi-networkmanager", "simulator", "engine", "service", "cli")
            .whereLayer("http-transport").mayOnlyBeAccessedByLayers("mdns", "simulator", "engine", "credentials",
                    "prometheus", "service", "bench-rig", "cli")
            .whereLayer("ble-transport").mayOnlyBeAccessedByLayers("ble-bluez", "simulator", "engine", "service",
                    "bench-rig", "cli")
            .whereLayer("dbus").mayOnlyBeAccessedByLayers("ble-bluez", "wifi-networkmanager")
            .check(CamrigClasses.MAIN);
    }
}
