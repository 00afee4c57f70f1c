package io.camrig.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;

/**
 * The modules' packages depend on each other one way, as docs/modules.md draws it: the protocol at
 * the bottom, transports and SPIs on it, then the simulator and the engine (neither knowing the
 * other), the optional backends, and the CLI on top. Maven already refuses a cycle between
 * modules; this rule also refuses a dependency the poms would allow only by accident (a module
 * reaching a backend through a transitive dependency). {@code io.camrig.proto.json} is the CLI's
 * (it moved there with its Jackson use and kept its package name).
 */
class ModuleLayersTest {
    private static final DescribedPredicate<JavaClass> PROTO = resideInAPackage("io.camrig.proto..")
            .and(DescribedPredicate.not(resideInAPackage("io.camrig.proto.json..")))
            .as("proto's packages");
    private static final DescribedPredicate<JavaClass> CLI = resideInAnyPackage("io.camrig.cli..",
            "io.camrig.proto.json..").as("the CLI's packages");

    @Test
    void modulesDependOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("proto").definedBy(PROTO)
            .layer("dbus").definedBy("io.camrig.dbus..")
            .layer("ble-transport").definedBy("io.camrig.ble.spi..", "io.camrig.ble.packet..")
            .layer("ble-bluez").definedBy("io.camrig.ble.bluez..", "org.bluez.Error..")
            .layer("http-transport").definedBy("io.camrig.http", "io.camrig.http.api..", "io.camrig.http.client..",
                    "io.camrig.http.model..", "io.camrig.http.address..", "io.camrig.http.download..")
            .layer("footage").definedBy("io.camrig.footage..")
            .layer("wifi").definedBy("io.camrig.http.wifi")
            .layer("wifi-networkmanager").definedBy("io.camrig.http.wifi.nm..")
            .layer("mdns").definedBy("io.camrig.mdns..")
            .layer("simulator").definedBy("io.camrig.simulator..")
            .layer("engine").definedBy("io.camrig.engine..")
            .layer("credentials").definedBy("io.camrig.credentials..")
            .layer("prometheus").definedBy("io.camrig.prometheus..")
            .layer("service").definedBy("io.camrig.service..")
            .layer("cluster").definedBy("io.camrig.cluster..")
            .layer("bench-rig").definedBy("io.camrig.benchmarks.rig..", "io.camrig.benchmarks.support..")
            .layer("cli").definedBy(CLI)
            .layer("examples").definedBy("io.camrig.examples..")
            .layer("benchmarks").definedBy("io.camrig.benchmarks", "io.camrig.benchmarks.report..")

            .whereLayer("benchmarks").mayNotBeAccessedByAnyLayer()
            .whereLayer("examples").mayNotBeAccessedByAnyLayer()
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("cluster").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("bench-rig").mayOnlyBeAccessedByLayers("cli", "benchmarks")
            .whereLayer("service").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("prometheus").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("credentials").mayOnlyBeAccessedByLayers("service", "cli")
            .whereLayer("mdns").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("wifi-networkmanager").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("ble-bluez").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("engine").mayOnlyBeAccessedByLayers("credentials", "prometheus", "service", "cluster",
                    "bench-rig", "cli", "examples", "benchmarks")
            .whereLayer("simulator").mayOnlyBeAccessedByLayers("cluster", "bench-rig", "cli", "examples", "benchmarks")
            .whereLayer("footage").mayOnlyBeAccessedByLayers("simulator", "engine", "service", "cluster", "cli",
                    "examples", "benchmarks")
            .whereLayer("wifi").mayOnlyBeAccessedByLayers("wifi-networkmanager", "simulator", "engine", "service",
                    "cluster", "cli", "examples", "benchmarks")
            .whereLayer("http-transport").mayOnlyBeAccessedByLayers("mdns", "simulator", "engine", "credentials",
                    "prometheus", "service", "cluster", "bench-rig", "cli", "examples", "benchmarks")
            .whereLayer("ble-transport").mayOnlyBeAccessedByLayers("ble-bluez", "simulator", "engine", "service",
                    "cluster", "bench-rig", "cli", "examples", "benchmarks")
            .whereLayer("dbus").mayOnlyBeAccessedByLayers("ble-bluez", "wifi-networkmanager")
            .check(CamrigClasses.MAIN);
    }
}
