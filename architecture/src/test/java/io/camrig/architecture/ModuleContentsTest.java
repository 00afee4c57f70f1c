package io.camrig.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Each module carries only what it uses (issue 15, point 10): D-Bus, and with it BlueZ and
 * NetworkManager, only in their backends; no HTTP server, Prometheus or credential cryptography in
 * the engine; Jackson in proto only to read its own catalog; the CLI without the benchmarks.
 */
class ModuleContentsTest {

    @Test
    void onlyTheBackendsTalkDbus() {
        noClasses().that().resideOutsideOfPackages("io.camrig.dbus..", "io.camrig.ble.bluez..", "org.bluez..",
                        "io.camrig.http.wifi.nm..")
                .should().dependOnClassesThat().resideInAnyPackage("org.freedesktop..", "org.bluez..",
                        "com.github.hypfvieh..")
                .because("BlueZ lives in camrig-ble-bluez and NetworkManager in camrig-wifi-networkmanager")
                .check(CamrigClasses.MAIN);
    }

    @Test
    void bluezAndNetworkManagerStayInTheirOwnModules() {
        noClasses().that().resideOutsideOfPackages("io.camrig.ble.bluez..", "org.bluez..")
                .should().dependOnClassesThat().resideInAnyPackage("org.bluez..")
                .check(CamrigClasses.MAIN);
        noClasses().that().resideInAPackage("io.camrig.ble.bluez..")
                .should().dependOnClassesThat().resideInAPackage("io.camrig.http.wifi.nm..")
                .check(CamrigClasses.MAIN);
        noClasses().that().resideInAPackage("io.camrig.http.wifi.nm..")
                .should().dependOnClassesThat().resideInAnyPackage("io.camrig.ble.bluez..", "org.bluez..")
                .check(CamrigClasses.MAIN);
    }

    @Test
    void theEngineServesNothingAndKeepsNoCredentialFile() {
        noClasses().that().resideInAPackage("io.camrig.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("reactor.netty.http.server..",
                        "com.sun.net.httpserver..", "io.micrometer.prometheusmetrics..", "io.prometheus..",
                        "javax.crypto..", "org.bouncycastle..", "io.camrig.credentials..", "io.camrig.prometheus..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("reactor.netty.DisposableServer")
                .because("the HTTP server is camrig-prometheus's and camrig-service's, the credential file camrig-credentials'")
                .check(CamrigClasses.MAIN);
    }

    @Test
    void protoUsesJacksonOnlyToReadItsCatalog() {
        noClasses().that().resideInAPackage("io.camrig.proto..")
                .and().resideOutsideOfPackage("io.camrig.proto.json..")
                .and().doNotHaveFullyQualifiedName("io.camrig.proto.catalog.Catalog")
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
                .because("JSON of messages is the CLI's (io.camrig.proto.json is in camrig-cli)")
                .check(CamrigClasses.MAIN);
        assertThat(CamrigClasses.MAIN.get("io.camrig.proto.json.MessageJson").getSource().orElseThrow().getUri())
                .as("io.camrig.proto.json is the CLI's").asString().contains("/cli/");
    }

    @Test
    void theCliDoesNotDependOnTheBenchmarks() throws IOException {
        String cliPom = Files.readString(Path.of("..", "cli", "pom.xml"));
        assertThat(cliPom).contains("<artifactId>camrig-bench-rig</artifactId>")
                .doesNotContain("<artifactId>camrig-benchmarks</artifactId>");
        noClasses().that().resideInAnyPackage("io.camrig.cli..", "io.camrig.benchmarks.rig..",
                        "io.camrig.benchmarks.support..")
                .should().dependOnClassesThat().resideInAnyPackage("io.camrig.benchmarks", "io.camrig.benchmarks.report..",
                        "org.openjdk.jmh..", "org.knowm.xchart..")
                .check(CamrigClasses.MAIN);
    }
}
