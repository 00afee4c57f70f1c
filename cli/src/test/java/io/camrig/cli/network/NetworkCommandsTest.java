package io.camrig.cli.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camrig.cli.console.ExitCodes;
import io.camrig.simulator.state.SimulatedNetworks;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code camrig provision}, {@code ap}, {@code wifi join}, {@code credentials} and {@code demo
 * --cohn} on simulated rigs, with a credential store in a temporary directory.
 */
class NetworkCommandsTest {
    @TempDir
    Path dir;

    private final io.camrig.cli.CliRun cli = new io.camrig.cli.CliRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;
    private Path store;
    private Path backstagePassword;

    @BeforeEach
    void files() throws Exception {
        store = dir.resolve("credentials.json");
        backstagePassword = Files.writeString(dir.resolve("password"), SimulatedNetworks.BACKSTAGE_PASSWORD + "\n");
    }

    private int run(String... args) {
        return cli.runAfresh(args);
    }

    private JsonNode json() throws Exception {
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void provisionPutsEveryCameraOnTheNetworkWithCohnAndKeepsTheCredentials() throws Exception {
        int code = run("provision", "--ssid", SimulatedNetworks.BACKSTAGE_SSID, "--password-file",
                backstagePassword.toString(), "--cameras", "3", "--credentials", store.toString(), "--json");

        assertThat(code).as("stderr: %s", err).isZero();
        JsonNode cameras = json().get("cameras");
        assertThat(cameras).hasSize(3).allSatisfy(c -> {
            assertThat(c.get("ok").asBoolean()).isTrue();
            assertThat(c.get("ssid").asText()).isEqualTo(SimulatedNetworks.BACKSTAGE_SSID);
            assertThat(c.get("ipAddress").asText()).startsWith("127.0.50.");
            assertThat(c.get("networkKnown").asBoolean()).isFalse();
        });
        assertThat(Files.getPosixFilePermissions(store)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(store)).contains("BEGIN CERTIFICATE");

        assertThat(run("credentials", "list", "--credentials", store.toString())).isZero();
        assertThat(out.toString().lines().filter(l -> l.matches("C\\d+ +- +gopro +127\\.0\\.50\\.\\d+ +rig-backstage .*")))
                .hasSize(3);
        assertThat(out.toString() + err).doesNotContain(SimulatedNetworks.BACKSTAGE_PASSWORD);
    }

    @Test
    void aWrongPasswordFailsEveryCameraWithItsReasonAndNeverShowsIt() throws Exception {
        Path wrong = Files.writeString(dir.resolve("wrong"), "not-the-password-42\n");

        int code = run("provision", "--ssid", SimulatedNetworks.BACKSTAGE_SSID, "--password-file", wrong.toString(),
                "--cameras", "2", "--credentials", store.toString());

        assertThat(code).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(out.toString().lines().filter(l -> l.contains("PROVISIONING_ERROR_PASSWORD_AUTH"))).hasSize(2);
        assertThat(err.toString()).contains("GoPro 0001  connect new");
        assertThat(out.toString() + err).doesNotContain("not-the-password-42");
        assertThat(out.toString()).contains("0/2 cameras provisioned");
    }

    @Test
    void anEmptyPasswordFileIsAUsageErrorThatDoesNotTouchTheRig() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty"), "\n");

        assertThat(run("provision", "--ssid", "x", "--password-file", empty.toString(), "--credentials",
                store.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--password-file: the first line of").contains("is empty");
        assertThat(store).doesNotExist();
    }

    @Test
    void apOnKeepsEachCamerasApCredentialsAndForgetRemovesThem() throws Exception {
        assertThat(run("ap", "on", "--cameras", "2", "--credentials", store.toString())).as("stderr: %s", err).isZero();
        assertThat(out.toString().lines()).hasSize(2).allSatisfy(l -> assertThat(l).matches("GoPro 000\\d +AP on, ssid GP\\d+"));

        assertThat(run("credentials", "list", "--json", "--credentials", store.toString())).isZero();
        JsonNode cameras = json().get("cameras");
        assertThat(cameras).hasSize(2).allSatisfy(c -> {
            assertThat(c.at("/ap/ssid").asText()).startsWith("GP");
            assertThat(c.at("/ap/password").isMissingNode()).isTrue();
        });
        String serial = cameras.get(0).get("serial").asText();

        assertThat(run("credentials", "forget", serial, "C000", "--credentials", store.toString()))
                .isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(out.toString()).contains(serial + ": forgotten").contains("C000: not in the store");
        assertThat(run("credentials", "list", "--json", "--credentials", store.toString())).isZero();
        assertThat(json().get("cameras")).hasSize(1);

        assertThat(run("ap", "off", "--cameras", "1", "--credentials", store.toString())).isZero();
        assertThat(out.toString()).contains("AP off");
    }

    @Test
    void wifiJoinSwitchesTheApOnJoinsItAndChecksTheCamerasHttp() {
        int code = run("wifi", "join", "0002", "--cameras", "3", "--restore", "--credentials", store.toString());

        assertThat(code).as("stderr: %s", err).isZero();
        assertThat(out.toString()).containsPattern("GoPro 0002: joined GP\\d+")
                .contains("answers GET /gopro/camera/state").contains("restored");
        assertThat(err.toString()).contains("ap mode  on").contains("host join  GP");
    }

    @Test
    void anEncryptedStoreNeedsItsPassphrase() throws Exception {
        Path passphrase = Files.writeString(dir.resolve("passphrase"), "correct horse battery staple\n");
        assertThat(run("ap", "on", "--cameras", "1", "--credentials", store.toString(), "--passphrase-file",
                passphrase.toString())).as("stderr: %s", err).isZero();
        assertThat(Files.readString(store)).contains("AES-256-GCM").doesNotContain("ssid").doesNotContain("\"cameras\"");

        assertThat(run("credentials", "list", "--credentials", store.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("camrig credentials:").contains("--passphrase-file FILE");
        Path wrong = Files.writeString(dir.resolve("wrong"), "wrong passphrase\n");
        assertThat(run("credentials", "list", "--credentials", store.toString(), "--passphrase-file", wrong.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).doesNotContain("wrong passphrase").doesNotContain("correct horse");
        assertThat(run("credentials", "list", "--credentials", store.toString(), "--passphrase-file",
                passphrase.toString())).isZero();
        assertThat(out.toString()).contains("(encrypted)").containsPattern("C\\d+ +GP\\d+");
    }

    @Test
    void aCorruptStoreIsNeverOverwrittenAndTheUserIsToldWhatToDo() throws Exception {
        Files.writeString(store, "{\"format\":\"camrig-credentials\",\"version\":1,\"cameras\":{\"C1\":{\"ap\":");

        assertThat(run("ap", "on", "--cameras", "1", "--credentials", store.toString())).isEqualTo(1);
        assertThat(err.toString()).contains(store.toString()).contains("move the file away");
        assertThat(Files.readString(store)).endsWith("\"ap\":");
    }

    @Test
    void demoOverCohnDownloadsEveryFileOverHttps() throws Exception {
        int code = run("demo", "--cohn", "--cameras", "2", "--duration", "200ms", "--file-size", "65536",
                "--media-dir", dir.resolve("media").toString(), "--json");

        assertThat(code).as("stderr: %s", err).isZero();
        JsonNode report = json();
        assertThat(report.get("cameras")).hasSize(2).allSatisfy(c -> assertThat(c.get("ok").asBoolean()).isTrue());
        assertThat(report.toString()).contains("\"step\":\"cohn\"");
        try (var files = Files.walk(dir.resolve("media"))) {
            assertThat(files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".MP4")).count()).isEqualTo(2);
        }
    }
}
