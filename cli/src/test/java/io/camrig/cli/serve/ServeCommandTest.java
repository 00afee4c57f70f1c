package io.camrig.cli.serve;

import io.camrig.cli.console.ExitCodes;
import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.cli.CamrigCommand;
import io.camrig.service.RigService;
import java.io.StringWriter;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * {@code camrig serve} keeps one rig: {@code settings set --rig URL} then {@code settings get
 * --rig URL} see the same cameras and the change, where each command on its own would build a
 * throwaway rig.
 */
class ServeCommandTest {
    private final StringWriter out = new StringWriter();

    private int serve(Consumer<RigService> whileUp, String... args) throws Exception {
        return ServeHarness.serve(out, whileUp, args);
    }

    private static String run(String... args) {
        return ServeHarness.run(args);
    }

    @Test
    void settingsSetThenGetActOnTheServedRig() throws Exception {
        String[] set = new String[1];
        String[] get = new String[1];
        int code = serve(s -> {
            String url = s.uri().toString();
            set[0] = run("settings", "set", "anti_flicker", "50Hz", "--rig", url);
            get[0] = run("settings", "get", "anti_flicker", "--rig", url);
        }, "--port", "0", "--cameras", "3");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("console: http://127.0.0.1:").contains("3 cameras (3 healthy)");
        assertThat(set[0]).startsWith("0\n").contains("GoPro 0001   anti_flicker = 50Hz: ok")
                .contains("GoPro 0003   anti_flicker = 50Hz: ok");
        assertThat(get[0]).startsWith("0\n").contains("GoPro 0001").contains("GoPro 0003");
        assertThat(get[0].lines().filter(l -> l.startsWith("anti_flicker")).findFirst().orElseThrow())
                .doesNotContain("60Hz").contains("50Hz");
    }

    @Test
    void statusAndPresetLoadActOnTheServedRig() throws Exception {
        String[] r = new String[5];
        int code = serve(s -> {
            String url = s.uri().toString();
            r[0] = run("status", "internal_battery_percentage", "busy", "--rig", url);
            r[1] = run("preset", "load", "--group", "photo", "--rig", url);
            r[2] = run("status", "preset_group", "--json", "--rig", url);
            r[3] = run("preset", "load", "--id", "999", "--rig", url);
            r[4] = run("status", "--watch", "--rig", url);
        }, "--port", "0", "--cameras", "3");
        assertThat(code).isZero();
        assertThat(r[0]).startsWith("0\n").contains("GoPro 0001").contains("GoPro 0003");
        assertThat(r[0].lines().filter(l -> l.startsWith("internal_battery_percentage")).findFirst().orElseThrow())
                .matches("internal_battery_percentage( +[0-9]+){3}");
        assertThat(r[0].lines().filter(l -> l.startsWith("busy")).findFirst().orElseThrow())
                .matches("busy( +(true|false)){3}");
        assertThat(r[1]).startsWith("0\n").contains("GoPro 0001   load preset group 1001: ok")
                .contains("GoPro 0003   load preset group 1001: ok");
        // the served rig kept the change: a later command sees every camera in the photo group
        assertThat(r[2]).startsWith("0\n");
        var cameras = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r[2].substring(2)).path("cameras");
        assertThat(cameras).hasSize(3).allSatisfy(c -> assertThat(c.path("statuses").path("preset_group").toString())
                .contains("1001"));
        assertThat(r[3]).startsWith(ExitCodes.SOME_FAILED + "\n").contains("load preset 999");
        assertThat(r[4]).startsWith("2\n").contains("--watch does not go with --rig");
    }

    @Test
    void aTokenProtectedServiceTakesTheTokenFromAFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path hashFile = dir.resolve("service-token");
        java.nio.file.Path tokenFile = dir.resolve("token");
        String[] r = new String[3];
        int code = serve(s -> {
            String url = s.uri().toString();
            String token = out.toString().lines().dropWhile(l -> !l.contains("new access token")).skip(1)
                    .findFirst().orElseThrow().trim();
            try {
                java.nio.file.Files.writeString(tokenFile, token + "\n");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            r[0] = run("status", "busy", "--rig", url);
            r[1] = run("status", "busy", "--rig", url, "--rig-token-file", tokenFile.toString());
            r[2] = run("preset", "load", "--group", "video", "--rig", url, "--rig-token-file", tokenFile.toString());
        }, "--port", "0", "--cameras", "2", "--require-token", "--token-file", hashFile.toString());
        assertThat(code).isZero();
        assertThat(r[0]).startsWith("1\n").contains("401");
        assertThat(r[1]).startsWith("0\n").contains("GoPro 0002");
        assertThat(r[2]).startsWith("0\n").contains("GoPro 0002   load preset group 1000: ok");
    }

    @Test
    void aRigServiceThatIsNotThereIsAClearError() {
        String r = run("settings", "get", "anti_flicker", "--rig", "http://127.0.0.1:1");
        assertThat(r).startsWith("1\n").contains("cannot reach the rig service at http://127.0.0.1:1");
    }
}
