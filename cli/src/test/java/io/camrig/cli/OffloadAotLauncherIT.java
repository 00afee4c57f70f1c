package io.camrig.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.camrig.simulator.http.HttpCameraIdentity;
import io.camrig.simulator.http.HttpServerOptions;
import io.camrig.simulator.http.VirtualCameraHttpServer;
import io.camrig.simulator.media.SdCard;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's offload on a JDK 25+ with its AOT cache ({@code ./camrig}, "offload_jdk25" and
 * "offload_aot_cache"), run from a copy of the launcher beside links to the packaged jars (so it never
 * builds) against a simulated camera: the cache is made once, in one stderr line, then used; a
 * damaged cache, a JDK that cannot make one, an older JDK named by {@code CAMRIG_OFFLOAD_JAVA} and
 * {@code CAMRIG_OFFLOAD_AOT=off} all give an offload on the default java, stdout holding only the
 * offload's JSON. The tests with a real JDK 25 need Temurin 25 at {@link #JDK25} (or {@code
 * camrig.jdk25}); they are skipped without it, unless {@code camrig.jdk25.required} (CI) makes that
 * a failure. Runs after {@code package}.
 */
class OffloadAotLauncherIT {
    private static final Path JDK25 = Path.of(System.getProperty("camrig.jdk25",
            "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"));

    @TempDir
    Path dir;

    private Path home;
    private VirtualCameraHttpServer camera;

    /** A finished launcher: exit code and what it printed. */
    private record Run(int code, String out, String err) {
        /** The launcher's own lines ("camrig: …"). */
        List<String> launcherLines() {
            return err.lines().filter(l -> l.startsWith("camrig:")).toList();
        }
    }

    @BeforeEach
    void launcherBesideTheJars() throws Exception {
        home = Files.createDirectories(dir.resolve("camrig"));
        Path target = Files.createDirectories(home.resolve("cli/target"));
        for (String jar : List.of("camrig.jar", "camrig-offload.jar")) {
            Files.createSymbolicLink(target.resolve(jar), Path.of("target", jar).toAbsolutePath());
        }
        Files.copy(Path.of("..", "camrig"), home.resolve("camrig"));
        Files.setPosixFilePermissions(home.resolve("camrig"), PosixFilePermissions.fromString("rwxr-xr-x"));
        String serial = "C3501460050001";
        SdCard card = new SdCard(serial, 42, 500_000);
        card.record(Instant.parse("2025-01-01T10:00:00Z"));
        card.record(Instant.parse("2025-01-01T10:01:00Z"));
        camera = VirtualCameraHttpServer.start(card, HttpCameraIdentity.fromSerial(serial), Map::of, Map::of,
                HttpServerOptions.defaults().withCohn(0)).block(Duration.ofSeconds(15));
    }

    @AfterEach
    void stopCameraAndUnlinkTheJars() throws IOException {
        if (camera != null) {
            camera.close();
        }
        for (String jar : List.of("camrig.jar", "camrig-offload.jar")) {
            Files.deleteIfExists(home.resolve("cli/target").resolve(jar));
        }
    }

    /** {@code ./camrig offload --url … --json} into a new media directory, the PATH's java being this JVM's. */
    private Run offload(Map<String, String> env) throws IOException, InterruptedException {
        Path media = Files.createTempDirectory(dir, "media");
        ProcessBuilder b = new ProcessBuilder(home.resolve("camrig").toString(), "offload", "--url",
                camera.baseUri().toString(), "--media-dir", media.toString(), "--json")
                .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        Map<String, String> e = b.environment();
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        e.put("PATH", java.getParent() + ":/usr/bin:/bin");
        List.of("CAMRIG_LOG", "CAMRIG_JAVA_OPTS", "CAMRIG_OFFLOAD_JAVA", "CAMRIG_OFFLOAD_AOT", "JAVA_HOME").forEach(e::remove);
        e.putAll(env);
        int code = b.start().waitFor();
        return new Run(code, Files.readString(dir.resolve("out"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err"), StandardCharsets.UTF_8));
    }

    /** The offload succeeded and stdout is its JSON Lines only (no JVM or launcher message). */
    private static void offloadedWithCleanStdout(Run r) {
        assertThat(r.code()).as("%s%n%s", r.out(), r.err()).isZero();
        assertThat(r.out().lines()).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("{"));
        assertThat(r.out()).contains("\"event\":\"summary\"").contains("\"verified\":2");
    }

    private List<Path> caches() throws IOException {
        try (Stream<Path> s = Files.list(home.resolve("cli/target"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".aot")).toList();
        }
    }

    /** A JDK that says it is 25 (its {@code release} file) but whose java fails at everything. */
    private Path brokenJdk25() throws IOException {
        Path jdk = Files.createDirectories(dir.resolve("jdk-broken/bin"));
        Files.writeString(jdk.getParent().resolve("release"), "JAVA_VERSION=\"25.0.0\"\nJAVA_RUNTIME_VERSION=\"25.0.0+1\"\n");
        Path java = Files.writeString(jdk.resolve("java"), "#!/bin/sh\necho 'broken JDK' >&2\nexit 1\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return java;
    }

    @Test
    void aJdk25ThatCannotMakeTheCacheCostsOneLineOnceAndTheOffloadRunsOnTheDefaultJava() throws Exception {
        Map<String, String> env = Map.of("CAMRIG_OFFLOAD_JAVA", brokenJdk25().toString());
        Run first = offload(env);
        offloadedWithCleanStdout(first);
        assertThat(first.launcherLines()).singleElement().asString()
                .contains("preparing the offload's AOT cache for JDK 25.0.0+1", "failed", "offload-aot.log");
        assertThat(caches()).isEmpty();
        assertThat(Files.readString(home.resolve("cli/target/offload-aot.log"))).contains("printed no version");

        Run again = offload(env);
        offloadedWithCleanStdout(again);
        assertThat(again.launcherLines()).as("no second training for the same jars").isEmpty();
    }

    @Test
    void anOlderJdkNamedByTheUserIsRefusedInOneLine() throws Exception {
        Run r = offload(Map.of("CAMRIG_OFFLOAD_JAVA", ProcessHandle.current().info().command().orElseThrow()));
        offloadedWithCleanStdout(r);
        assumeTrue(Runtime.version().feature() < 25, "this JVM is itself a JDK 25+");
        assertThat(r.launcherLines()).singleElement().asString().contains("is not a JDK 25+ java");
        assertThat(caches()).isEmpty();
    }

    @Test
    void offTurnsItAllOff() throws Exception {
        Run r = offload(Map.of("CAMRIG_OFFLOAD_AOT", "off", "CAMRIG_OFFLOAD_JAVA", brokenJdk25().toString()));
        offloadedWithCleanStdout(r);
        assertThat(r.launcherLines()).isEmpty();
        assertThat(caches()).isEmpty();
        assertThat(home.resolve("cli/target/offload-aot.log")).doesNotExist();
    }

    @Test
    void onJdk25TheCacheIsMadeOnceThenUsedAndADamagedOneIsIgnored() throws Exception {
        boolean present = Files.isExecutable(JDK25);
        if (Boolean.getBoolean("camrig.jdk25.required") && !present) {
            throw new IllegalStateException("camrig.jdk25.required is set but there is no JDK 25 at " + JDK25);
        }
        assumeTrue(present, "no JDK 25 at " + JDK25 + " (set -Dcamrig.jdk25=PATH): the launcher's JDK 25 path is not tested");
        // A short training (2 x 4 MiB): the cache's use, not its quality, is tested here.
        Map<String, String> env = new HashMap<>(Map.of("CAMRIG_OFFLOAD_JAVA", JDK25.toString(),
                "CAMRIG_OFFLOAD_AOT_TRAINING_MIB", "4"));

        Run first = offload(env);
        offloadedWithCleanStdout(first);
        assertThat(first.launcherLines()).singleElement().asString()
                .containsPattern("preparing the offload's AOT cache for JDK 25[^ ]* \\(once per build.*\\.\\.\\. done in \\d+ s");
        assertThat(caches()).singleElement().satisfies(c -> assertThat(c.getFileName().toString())
                .startsWith("camrig-offload.jdk-25").endsWith(".aot"));
        Path cache = caches().get(0);

        // Mode "on" after the launcher's "auto": the JVM would refuse to start without the cache.
        env.put("CAMRIG_JAVA_OPTS", "-XX:AOTMode=on -XshowSettings:properties");
        Run used = offload(env);
        offloadedWithCleanStdout(used);
        assertThat(used.launcherLines()).isEmpty();
        assertThat(used.err()).containsPattern("java\\.version = 25");

        try (RandomAccessFile f = new RandomAccessFile(cache.toFile(), "rw")) {
            f.seek(f.length() / 2);
            f.write("damaged damaged damaged".getBytes(StandardCharsets.US_ASCII));
        }
        env.put("CAMRIG_JAVA_OPTS", "-XshowSettings:properties");
        Run damaged = offload(env);
        offloadedWithCleanStdout(damaged);
        assertThat(damaged.launcherLines()).isEmpty();
        assertThat(damaged.err()).containsPattern("java\\.version = 25").doesNotContain("[aot]", "[cds]", "SIGSEGV");
    }
}
