package io.camrig.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camrig.service.security.ServiceToken;
import io.camrig.simulator.camera.VirtualCamera;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The access rules of docs/service.md, each proven on a served simulated rig with a token. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityTest {
    private static final String TOKEN = "test-token-0123456789";
    @TempDir
    static Path media;
    private ServiceFixture f;

    @BeforeAll
    void start() {
        f = ServiceFixture.start(2, media, o -> o.withToken(ServiceToken.of(TOKEN)));
    }

    @AfterAll
    void stop() {
        f.close();
    }

    @Test
    void missingOrWrongTokenIs401() throws Exception {
        assertThat(f.get("/api/cameras").statusCode()).isEqualTo(401);
        assertThat(f.get("/api/cameras").headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Bearer"));
        assertThat(f.get("/api/cameras", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
        assertThat(f.get("/metrics").statusCode()).isEqualTo(401);
        assertThat(f.get("/api/events").statusCode()).isEqualTo(401);
        var put = f.send("PUT", "/api/settings/anti_flicker", "{\"option\":\"50Hz\"}");
        assertThat(put.statusCode()).isEqualTo(401);
        assertThat(f.get("/api/cameras", "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
        assertThat(f.get("/metrics", "Authorization", "Bearer " + TOKEN).body()).contains("camrig_step");
        // the console's files are public and hold no secret
        assertThat(f.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void foreignOriginMutationIsRefused() throws Exception {
        var foreign = f.send("POST", "/api/fire", "{\"shutter\":\"on\"}", "Authorization", "Bearer " + TOKEN,
                "Origin", "https://evil.example");
        assertThat(foreign.statusCode()).isEqualTo(403);
        var crossSite = f.send("PUT", "/api/settings/anti_flicker", "{\"option\":\"60Hz\"}", "Authorization",
                "Bearer " + TOKEN, "Sec-Fetch-Site", "cross-site");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        String own = "http://127.0.0.1:" + f.service.port();
        var same = f.send("PUT", "/api/settings/anti_flicker", "{\"option\":\"60Hz\"}", "Authorization",
                "Bearer " + TOKEN, "Origin", own);
        assertThat(same.statusCode()).isEqualTo(200);
    }

    @Test
    void rebindedHostIsRefused() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // java.net.http forbids setting Host; reach the port through a name that is not loopback's
        var req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + f.service.port() + "/"))
                .header("Authorization", "Bearer " + TOKEN).build();
        assertThat(client.send(req, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        try (var socket = new java.net.Socket("127.0.0.1", f.service.port())) {
            socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: attacker.example:" + f.service.port()
                    + "\r\nConnection: close\r\n\r\n").getBytes());
            String answer = new String(socket.getInputStream().readAllBytes());
            assertThat(answer).startsWith("HTTP/1.1 421");
        }
    }

    @Test
    void noSecretReachesTheBrowserOrTheEventStream() throws Exception {
        List<String> secrets = new ArrayList<>(List.of(TOKEN));
        for (VirtualCamera c : f.sim.cameras()) {
            secrets.add(c.identity().apPassword());
        }
        // read the event stream while everything else is read and done
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> events = client.sendAsync(
                HttpRequest.newBuilder(f.uri("/api/events")).header("Authorization", "Bearer " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofLines());
        StringBuilder seen = new StringBuilder();
        String[] auth = {"Authorization", "Bearer " + TOKEN};
        for (String path : List.of("/", "/console/console.js", "/console/console.css", "/api/rig", "/api/rig/state",
                "/api/cameras", "/api/cameras/1", "/api/cameras/1/settings", "/api/settings", "/api/takes",
                "/api/metrics", "/metrics", "/api/openapi.yaml")) {
            seen.append(f.get(path, auth).body());
        }
        seen.append(f.send("POST", "/api/arm", null, auth).body());
        seen.append(f.send("POST", "/api/fire", "{\"shutter\":\"on\"}", auth).body());
        seen.append(f.send("POST", "/api/fire", "{\"shutter\":\"off\"}", auth).body());
        var stream = events.get(10, java.util.concurrent.TimeUnit.SECONDS).body();
        stream.limit(60).forEach(seen::append);
        String all = seen.toString();
        assertThat(all).contains("GoPro 0001").contains("fire off");
        for (String secret : secrets) {
            assertThat(all).as("a secret in what the browser sees").doesNotContain(secret);
        }
    }

    @Test
    void tokenIsStoredAsAHashWithMode0600AndIssuedOnce(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("camrig").resolve(ServiceToken.FILE_NAME);
        ServiceToken first = ServiceToken.loadOrCreate(file, false);
        String token = first.issued().orElseThrow();
        assertThat(Files.readString(file)).doesNotContain(token).matches("[0-9a-f]{64}\\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        ServiceToken again = ServiceToken.loadOrCreate(file, false);
        assertThat(again.issued()).isEmpty();
        assertThat(again.matches(token)).isTrue();
        assertThat(again.matches(token + "x")).isFalse();
        assertThat(again.toString()).doesNotContain(token);
        Files.writeString(file, "garbage");
        assertThatThrownBy(() -> ServiceToken.loadOrCreate(file, false)).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void bindingBeyondLoopbackWithoutATokenIsRefused() {
        assertThatThrownBy(() -> ServiceOptions.defaults().withHost("0.0.0.0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("token");
        assertThat(ServiceOptions.defaults().withToken(ServiceToken.of("t")).withHost("0.0.0.0").loopback()).isFalse();
    }
}
