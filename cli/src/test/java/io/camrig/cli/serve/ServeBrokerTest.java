package io.camrig.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camrig.cli.CamrigCommand;
import io.camrig.cluster.Topics;
import io.camrig.cluster.broker.BrokerSecret;
import io.camrig.cluster.broker.EmbeddedBroker;
import io.camrig.cluster.node.NodeOptions;
import io.camrig.cluster.node.RigNode;
import io.camrig.engine.rig.RigOptions;
import io.camrig.proto.catalog.Setting;
import io.camrig.simulator.SimulatorOptions;
import io.camrig.simulator.VirtualRig;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

/**
 * {@code camrig serve --broker URL}: the service over the rig of two in-process nodes on the
 * embedded broker. Every camera is listed with its node, a status change on a node reaches its
 * tile, a fire makes a take with every camera's outcome, and a setting applied to all reaches the
 * cameras of both nodes through the nodes' operations (one outcome per camera, naming its node),
 * while a setting on one camera is refused with 409 and the reason.
 */
class ServeBrokerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theServiceServesTheNodesRigWithEachCamerasNode(@TempDir Path dir) throws Exception {
        BrokerSecret secret = BrokerSecret.generate("mqtt://127.0.0.1:0");
        List<AutoCloseable> closing = new ArrayList<>();
        try (EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", 0, secret, dir.resolve("broker"))
                .block(Duration.ofSeconds(120)); AutoCloseable nodes = () -> closeAll(closing)) {
            List<VirtualRig> sims = new ArrayList<>();
            for (String node : List.of("alpha", "beta")) {
                VirtualRig sim = VirtualRig.start(SimulatorOptions.defaults().withCameras(2).withMediaFileBytes(1024)
                        .withSeed(node.hashCode())).block(Duration.ofSeconds(30));
                sims.add(sim);
                closing.add(sim);
                closing.add(0, RigNode.start(broker.url(), broker.secret().login(node), sim.central(),
                        NodeOptions.defaults(node).withRig(RigOptions.defaults().withExpectedCameras(2)
                                .withRealtimeFire(false))).block(Duration.ofSeconds(60)));
            }
            Path login = dir.resolve("coordinator.properties");
            broker.secret().loginFile(Topics.COORDINATOR, login);
            JsonNode[] r = new JsonNode[8];
            String[] set = new String[1];
            int[] subset = new int[1];
            List<java.util.Optional<Long>> applied = new ArrayList<>();
            int code = serve(s -> {
                try {
                    String url = s.uri().toString();
                    r[0] = get(url + "api/cameras");
                    sims.get(1).cameras().get(0).statuses().setInt(70, 1, 33);   // beta's first camera: 33 %
                    r[1] = Flux.interval(Duration.ofMillis(100)).map(i -> get(url + "api/cameras"))
                            .filter(c -> c.get(2).path("batteryPercent").asInt() == 33)
                            .blockFirst(Duration.ofSeconds(30));
                    r[2] = post(url + "api/fire", "{\"shutter\":\"on\"}");
                    r[3] = post(url + "api/fire", "{\"shutter\":\"off\"}");
                    // a node this loaded machine makes late fails its cameras' fire (allowed above);
                    // bring them back, as an operator would, before the settings step
                    post(url + "api/recover", "{}");
                    r[4] = send(url + "api/settings/anti_flicker", "PUT", "{\"option\":\"50Hz\"}").body();
                    sims.forEach(sim -> sim.cameras().forEach(c -> applied.add(c.settings().value(Setting.ANTI_FLICKER.id()))));
                    r[5] = get(url + "api/cameras");
                    Reply one = send(url + "api/cameras/3/settings/anti_flicker", "PUT", "{\"option\":\"60Hz\"}");
                    subset[0] = one.status();
                    r[6] = one.body();
                    r[7] = post(url + "api/presets/group", "{\"group\":\"photo\"}");
                    set[0] = run("settings", "set", "anti_flicker", "60Hz", "--rig", url);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "--broker", broker.url().toString(), "--broker-credentials", login.toString(), "--port", "0",
                    "--clock-limit", "50ms", "--media-dir", dir.resolve("media").toString());
            assertThat(code).isZero();
            assertThat(r[0]).hasSize(4);
            assertThat(r[0]).extracting(c -> c.path("node").asText()).containsExactly("alpha", "alpha", "beta", "beta");
            assertThat(r[0]).allSatisfy(c -> assertThat(c.path("link").asText()).isEqualTo("connected"));
            assertThat(r[1].get(2).path("node").asText()).isEqualTo("beta");
            // every camera has its outcome in the take (ok here; a node this loaded machine makes
            // late would refuse with its typed cause, which the outcome then carries)
            assertThat(r[2].path("take").path("cameras")).hasSize(4)
                    .allSatisfy(c -> assertThat(c.path("on").path("outcome").asText()).isIn("ok", "failed"));
            assertThat(r[3].path("take").path("state").asText()).isEqualTo("stopped");
            // a setting for all: every camera of both nodes ok, each outcome naming its node ...
            assertThat(r[4].path("outcomes")).extracting(o -> o.path("node").asText())
                    .containsExactly("alpha", "alpha", "beta", "beta");
            assertThat(r[4].path("outcomes")).allSatisfy(o -> assertThat(o.path("outcome").asText()).isEqualTo("ok"));
            // ... applied on the simulated cameras themselves, and shown in the settings matrix
            long flicker = r[4].path("value").asLong();
            assertThat(applied).hasSize(4).allSatisfy(v -> assertThat(v).hasValue(flicker));
            assertThat(r[5]).allSatisfy(c -> assertThat(c.path("settings").path("anti_flicker").asText()).isEqualTo("50Hz"));
            // one camera: refused, the nodes cannot select cameras
            assertThat(subset[0]).isEqualTo(409);
            assertThat(r[6].path("error").path("message").asText()).contains("every camera of every node");
            assertThat(r[7].path("outcomes")).extracting(o -> o.path("node").asText() + " " + o.path("outcome").asText())
                    .containsExactly("alpha ok", "alpha ok", "beta ok", "beta ok");
            // the CLI's settings set --rig on the served rig: 60Hz on every camera of both nodes
            assertThat(set[0]).startsWith("0\n");
            assertThat(sims).flatExtracting(VirtualRig::cameras).allSatisfy(c ->
                    assertThat(c.settings().value(Setting.ANTI_FLICKER.id())).isPresent().get().isNotEqualTo(flicker));
        }
    }

    /** Nodes first (while the broker still runs), then their simulated cameras; best effort. */
    private static void closeAll(List<AutoCloseable> closing) {
        for (AutoCloseable c : closing) {
            try {
                c.close();
            } catch (Exception e) {
                // a node that cannot say goodbye is gone anyway
            }
        }
    }

    private static int serve(java.util.function.Consumer<io.camrig.service.RigService> whileUp, String... args)
            throws Exception {
        StringWriter out = new StringWriter();
        int code = ServeHarness.serve(out, whileUp, args);
        assertThat(code).as("serve output: %s", out).isZero();
        return code;
    }

    private static String run(String... args) {
        return ServeHarness.run(args);
    }

    private JsonNode get(String url) {
        try {
            return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private record Reply(int status, JsonNode body) {
    }

    private Reply send(String url, String method, String body) throws Exception {
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(res.statusCode(), JSON.readTree(res.body()));
    }

    private JsonNode post(String url, String body) throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body());
    }
}
