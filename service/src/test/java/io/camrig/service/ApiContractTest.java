package io.camrig.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route, exercised on a simulated rig of 4 cameras, with each request and answer validated
 * against openapi.yaml (Atlassian's swagger-request-validator), and the answers checked for what
 * they mean: per-camera outcomes, the matrix's majority, takes opened and closed by fires.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path media;
    private ServiceFixture f;
    private OpenApiInteractionValidator validator;
    private final List<String> problems = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        f = ServiceFixture.start(4, media, o -> o);
        try (InputStream in = RigService.class.getResourceAsStream("openapi.yaml")) {
            validator = OpenApiInteractionValidator.createForInlineApiSpecification(
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)).build();
        }
    }

    @AfterAll
    void stop() {
        f.close();
    }

    private JsonNode call(String method, String path, String body, int expected) throws Exception {
        HttpResponse<String> res = method.equals("GET") ? f.get(path) : f.send(method, path, body);
        String[] pathAndQuery = path.split("\\?", 2);
        SimpleRequest.Builder req = new SimpleRequest.Builder(Request.Method.valueOf(method), pathAndQuery[0]);
        if (pathAndQuery.length == 2) {
            for (String kv : pathAndQuery[1].split("&")) {
                String[] p = kv.split("=", 2);
                req.withQueryParam(p[0], p.length == 2 ? p[1] : "");
            }
        }
        if (body != null) {
            req.withBody(body).withContentType("application/json");
        }
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(res.statusCode())
                .withContentType(res.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", ""))
                .withBody(res.body());
        // a request made invalid on purpose is refused by the validator too: check only the answer then
        ValidationReport report = expected >= 400 && expected != 404
                ? validator.validateResponse(pathAndQuery[0], Request.Method.valueOf(method), answer.build())
                : validator.validate(req.build(), answer.build());
        report.getMessages().forEach(m -> problems.add(method + " " + path + ": " + m));
        assertThat(report.hasErrors()).as(method + " " + path + ": " + report.getMessages()).isFalse();
        assertThat(res.statusCode()).as(method + " " + path + " " + res.body()).isEqualTo(expected);
        return res.body().isEmpty() || !res.body().startsWith("{") && !res.body().startsWith("[")
                ? JSON.createObjectNode() : JSON.readTree(res.body());
    }

    @Test
    void readsDescribeTheRig() throws Exception {
        JsonNode rig = call("GET", "/api/rig", null, 200);
        assertThat(rig.path("cameras").asInt()).isEqualTo(4);
        JsonNode cams = call("GET", "/api/cameras", null, 200);
        assertThat(cams).hasSize(4);
        assertThat(cams.get(0).path("model").asText()).isEqualTo("HERO12 Black");
        assertThat(cams.get(0).path("batteryPercent").asInt()).isEqualTo(87);
        call("GET", "/api/cameras/2", null, 200);
        call("GET", "/api/cameras/GoPro%200003", null, 200);
        call("GET", "/api/cameras/99", null, 404);
        JsonNode all = call("GET", "/api/cameras/1/settings", null, 200);
        assertThat(all.path("settings").size()).isGreaterThan(5);
        JsonNode statuses = call("GET", "/api/cameras/1/statuses?ids=70,8", null, 200).path("statuses");
        assertThat(statuses).hasSize(2);
        assertThat(statuses.get(0).path("name").asText()).isEqualTo("internal_battery_percentage");
        assertThat(statuses.get(0).path("value").asInt()).isEqualTo(87);
        assertThat(statuses.get(1).path("value").isBoolean()).as("busy is a boolean: %s", statuses.get(1)).isTrue();
        assertThat(call("GET", "/api/cameras/2/statuses", null, 200).path("statuses").size()).isGreaterThan(20);
        call("GET", "/api/cameras/1/statuses?ids=x", null, 400);
        call("GET", "/api/cameras/1/statuses?ids=254", null, 400);
        call("GET", "/api/settings/video_resolution/options", null, 200);
        call("GET", "/api/settings/no_such/options", null, 404);
        call("GET", "/api/rig/state", null, 200);
        call("GET", "/api/metrics", null, 200);
    }

    @Test
    void settingOnOneCameraIsAMismatchUntilAppliedToAll() throws Exception {
        JsonNode one = call("PUT", "/api/cameras/2/settings/anti_flicker", "{\"option\":\"50Hz\"}", 200);
        assertThat(one.path("outcomes")).hasSize(1);
        JsonNode matrix = call("GET", "/api/settings", null, 200);
        assertThat(matrix.path("majority").path("anti_flicker").asText()).isEqualTo("60Hz");
        assertThat(matrix.path("cameras").get(1).path("values").path("anti_flicker").asText()).isEqualTo("50Hz");
        JsonNode all = call("PUT", "/api/settings/anti_flicker", "{\"option\":\"50Hz\"}", 200);
        assertThat(all.path("ok").asInt()).isEqualTo(4);
        assertThat(all.path("outcomes")).allSatisfy(o -> assertThat(o.path("outcome").asText()).isEqualTo("ok"));
        assertThat(call("GET", "/api/settings", null, 200).path("majority").path("anti_flicker").asText()).isEqualTo("50Hz");
        call("PUT", "/api/settings/anti_flicker", "{\"option\":\"no such\"}", 400);
        call("PUT", "/api/settings/anti_flicker", "{\"option\":", 400);
    }

    @Test
    @org.junit.jupiter.api.Timeout(120) // only so that a regression fails instead of hanging on the event stream
    void fireOnAndOffMakeATakeWithPerCameraOutcomesThenItDownloads() throws Exception {
        JsonNode preset = call("POST", "/api/presets/load", "{\"preset\":0,\"cameras\":[1,2]}", 200);
        assertThat(preset.path("ok").asInt()).isEqualTo(2);
        assertThat(call("POST", "/api/presets/load", "{\"preset\":999}", 200).path("failed").asInt()).isEqualTo(4);
        call("POST", "/api/presets/load", "{\"preset\":\"x\"}", 400);
        call("POST", "/api/presets/group", "{\"group\":\"video\"}", 200);
        call("POST", "/api/arm", null, 200);
        JsonNode on = call("POST", "/api/fire", "{\"shutter\":\"on\"}", 200);
        assertThat(on.path("ok").asInt()).isEqualTo(4);
        int take = on.path("take").path("id").asInt();
        assertThat(on.path("take").path("state").asText()).isEqualTo("recording");
        assertThat(on.path("figures").path("fired").asInt()).isEqualTo(4);
        JsonNode off = call("POST", "/api/fire", "{\"shutter\":\"off\"}", 200);
        assertThat(off.path("take").path("id").asInt()).isEqualTo(take);
        assertThat(off.path("take").path("state").asText()).isEqualTo("stopped");
        call("POST", "/api/fire", "{\"shutter\":\"sideways\"}", 400);
        // the downloads run after the 202: follow them on the event stream until every camera's has ended
        var events = f.http.send(java.net.http.HttpRequest.newBuilder(f.uri("/api/events")).build(),
                HttpResponse.BodyHandlers.ofLines()).body();
        call("POST", "/api/takes/" + take + "/download", null, 202);
        call("POST", "/api/takes/999/download", null, 404);
        try (events) {
            JsonNode ended = events.filter(line -> line.startsWith("data: ")).map(line -> readTree(line.substring(6)))
                    .filter(e -> e.path("id").asInt() == take && e.path("cameras").size() == 4)
                    .filter(e -> java.util.stream.StreamSupport.stream(e.path("cameras").spliterator(), false)
                            .allMatch(c -> List.of("done", "failed").contains(c.path("download").path("state").asText())))
                    .findFirst().orElseThrow();
            assertThat(ended.path("cameras")).allSatisfy(c ->
                    assertThat(c.path("download").path("state").asText()).as("%s", c).isEqualTo("done"));
        }
        JsonNode t = call("GET", "/api/takes/" + take, null, 200);
        assertThat(t.path("cameras")).hasSize(4);
        call("GET", "/api/takes", null, 200);
        call("POST", "/api/recover", null, 200);
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
