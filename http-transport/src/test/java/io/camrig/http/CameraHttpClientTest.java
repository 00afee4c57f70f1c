package io.camrig.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camrig.http.address.CameraAddress;
import io.camrig.http.client.CameraHttpClient;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class CameraHttpClientTest {
    private static final String MEDIA_LIST = "/gopro/media/list";
    private static final String STATE = "/gopro/camera/state";
    private static final String KEEP_ALIVE = "/gopro/camera/keep_alive";

    private static final String LIST = """
            {"id": "99", "media": [{"d": "100GOPRO", "fs": [
              {"n": "GX010001.MP4", "cre": "1696000000", "mod": "1696000000", "s": "4194304"},
              {"n": "GX010002.MP4", "cre": "1696000100", "mod": "1696000100", "s": "1000"}]}]}""";
    private static final Duration VERIFY = Duration.ofSeconds(10);

    private static HttpOptions fast() {
        return HttpOptions.defaults().withResponseTimeout(Duration.ofMillis(300));
    }

    @Test
    void mediaListDecodesTheCamerasJson() {
        try (TestCamera camera = TestCamera.serve(r -> r.get(MEDIA_LIST,
                (req, res) -> res.header(HttpHeaderNames.CONTENT_TYPE, "application/json").sendString(Mono.just(LIST))))) {
            StepVerifier.create(CameraHttpClient.create(camera.uri()).mediaList())
                    .assertNext(list -> {
                        assertThat(list.id()).isEqualTo("99");
                        assertThat(list.files()).hasSize(2);
                        assertThat(list.newest()).get().extracting(f -> f.name()).isEqualTo("GX010002.MP4");
                    })
                    .expectComplete()
                    .verify(VERIFY);
        }
    }

    @Test
    void stateReturnsStatusAndSettings() {
        try (TestCamera camera = TestCamera.serve(r -> r.get(STATE, (req, res) -> res.sendString(
                Mono.just("{\"status\":{\"8\":0,\"10\":1},\"settings\":{\"2\":9},\"extra\":true}"))))) {
            StepVerifier.create(CameraHttpClient.create(camera.uri()).state())
                    .assertNext(state -> {
                        assertThat(state.status(10)).hasValue(1);
                        assertThat(state.encoding()).isTrue();
                        assertThat(state.setting(2)).hasValue(9);
                    })
                    .expectComplete()
                    .verify(VERIFY);
        }
    }

    @Test
    void stateWithoutSettingsIsAFormatError() {
        try (TestCamera camera = TestCamera.serve(r -> r.get(STATE,
                (req, res) -> res.sendString(Mono.just("{\"status\":{}}"))))) {
            StepVerifier.create(CameraHttpClient.create(camera.uri()).state())
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(MediaFormatException.class)
                            .hasMessageContaining("settings: missing or not a JSON object")
                            .hasMessageContaining("GET /gopro/camera/state"))
                    .verify(VERIFY);
        }
    }

    @Test
    void keepAliveCompletesOnAnEmptyObject() {
        try (TestCamera camera = TestCamera.serve(r -> r.get(KEEP_ALIVE,
                (req, res) -> res.sendString(Mono.just("{}"))))) {
            StepVerifier.create(CameraHttpClient.create(camera.uri()).keepAlive()).expectComplete().verify(VERIFY);
        }
    }

    @Test
    void keepAliveCompletesOnAnEmptyBody() {
        try (TestCamera camera = TestCamera.serve(r -> r.get(KEEP_ALIVE, (req, res) -> res.send()))) {
            StepVerifier.create(CameraHttpClient.create(camera.uri()).keepAlive()).expectComplete().verify(VERIFY);
        }
    }

    @Test
    void busyCameraIsATransientErrorWithItsStatus() {
        try (TestCamera camera = TestCamera.serve(r -> r.get(MEDIA_LIST,
                (req, res) -> res.status(HttpResponseStatus.SERVICE_UNAVAILABLE).sendString(Mono.just("busy"))))) {
            StepVerifier.create(CameraHttpClient.create(camera.uri()).mediaList())
                    .expectErrorSatisfies(e -> {
                        assertThat(e).isInstanceOf(HttpTransportException.class)
                                .hasMessage("[" + camera.uri() + "] GET /gopro/media/list: camera answered HTTP 503 "
                                        + "Service Unavailable");
                        HttpTransportException t = (HttpTransportException) e;
                        assertThat(t.isTransient()).isTrue();
                        assertThat(t.status()).hasValue(503);
                        assertThat(t.camera()).contains(camera.uri().toString());
                        assertThat(t.operation()).contains("GET /gopro/media/list");
                    })
                    .verify(VERIFY);
        }
    }

    @Test
    void clientErrorsArePermanent() {
        try (TestCamera camera = TestCamera.serve(r -> r.get(STATE,
                (req, res) -> res.status(HttpResponseStatus.BAD_REQUEST).send()))) {
            StepVerifier.create(CameraHttpClient.create(camera.uri()).state())
                    .expectErrorSatisfies(e -> {
                        assertThat(e).isInstanceOf(HttpStatusException.class);
                        assertThat(((HttpStatusException) e).status()).isEqualTo(400);
                        assertThat(((HttpStatusException) e).isTransient()).isFalse();
                    })
                    .verify(VERIFY);
            // No route at all: Reactor Netty answers 404.
            StepVerifier.create(CameraHttpClient.create(camera.uri()).keepAlive())
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(HttpStatusException.class,
                            s -> assertThat(s.status()).isEqualTo(404)))
                    .verify(VERIFY);
        }
    }

    @Test
    void truncatedJsonIsAFormatError() {
        try (TestCamera camera = TestCamera.serve(r -> r.get(MEDIA_LIST,
                (req, res) -> res.sendString(Mono.just(LIST.substring(0, LIST.length() / 2)))))) {
            StepVerifier.create(CameraHttpClient.create(camera.uri()).mediaList())
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(MediaFormatException.class)
                            .hasMessageContaining("malformed JSON"))
                    .verify(VERIFY);
        }
    }

    @Test
    void aSilentCameraTimesOutTransiently() {
        try (TestCamera camera = TestCamera.serve(r -> r.get(MEDIA_LIST,
                (req, res) -> Mono.delay(Duration.ofSeconds(30)).then(res.sendString(Mono.just(LIST)).then())))) {
            StepVerifier.create(new CameraHttpClient(camera.uri(), fast()).mediaList())
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(HttpTransportException.class)
                            .hasMessageContaining("no response data for 300 ms"))
                    .verify(VERIFY);
        }
    }

    @Test
    void aRefusedConnectionIsTransient() {
        URI closed;
        try (TestCamera camera = TestCamera.serve(r -> { })) {
            closed = camera.uri();
        }
        StepVerifier.create(new CameraHttpClient(closed, fast()).keepAlive())
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(HttpTransportException.class)
                            .hasMessageContaining("connection refused");
                    assertThat(((HttpTransportException) e).status()).isEmpty();
                })
                .verify(VERIFY);
    }

    @Test
    void credentialsInTheUriAreRefusedBeforeAnyRequestAndNeverShown() {
        AtomicReference<String> authorization = new AtomicReference<>();
        try (TestCamera camera = TestCamera.serve(r -> r.get(MEDIA_LIST, (req, res) -> {
            authorization.set(req.requestHeaders().get(HttpHeaderNames.AUTHORIZATION, "none"));
            return res.status(HttpResponseStatus.UNAUTHORIZED).send();
        }))) {
            URI withSecret = URI.create("http://gopro:s3cret@127.0.0.1:" + camera.port());
            assertThatThrownBy(() -> CameraHttpClient.create(withSecret))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("--password-file")
                    .hasMessageNotContaining("s3cret");
            assertThat(authorization.get()).isNull();
        }
    }

    @Test
    void basicAuthIsNeverSentOverPlainHttp() {
        CameraAddress plain = CameraAddress.of(URI.create("http://127.0.0.1:8080"));
        assertThatThrownBy(() -> plain.withCredentials(new io.camrig.http.address.BasicCredentials("gopro", "s3cret")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https only")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void rejectsABaseUriThatIsNotHttp() {
        assertThatThrownBy(() -> CameraHttpClient.create(URI.create("ftp://10.5.5.9")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CameraHttpClient.create(URI.create("10.5.5.9:8080")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nothingIsSentBeforeSubscription() {
        AtomicReference<String> seen = new AtomicReference<>();
        try (TestCamera camera = TestCamera.serve(r -> r.get(KEEP_ALIVE, (req, res) -> {
            seen.set(req.uri());
            return res.sendString(Mono.just("{}"));
        }))) {
            Mono<Void> call = CameraHttpClient.create(camera.uri()).keepAlive();
            assertThat(seen.get()).isNull();
            StepVerifier.create(call).expectComplete().verify(VERIFY);
            assertThat(seen.get()).isEqualTo(KEEP_ALIVE);
        }
    }
}
