package io.camrig.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.http.client.CameraHttpClient;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Hostile cameras on loopback: bodies that never end, answers that drip. */
class HttpBoundsTest {
    private static final String MEDIA_LIST = "/gopro/media/list";
    private static final String STATE = "/gopro/camera/state";

    private static final int CAP = 64 * 1024;

    @Test
    void aChunkedStateBodyOverTheCapFailsTypedWhileStreaming() {
        AtomicLong served = new AtomicLong();
        // An endless chunked body: without a cap the client would buffer until memory runs out.
        try (TestCamera camera = TestCamera.serve(r -> r.get(STATE,
                (req, res) -> res.header("Content-Type", "application/json")
                        .send(Flux.generate(sink -> sink.next(Unpooled.wrappedBuffer(new byte[8192])))
                                .map(b -> (io.netty.buffer.ByteBuf) b)
                                .doOnNext(b -> served.addAndGet(b.readableBytes())))))) {
            CameraHttpClient client = new CameraHttpClient(io.camrig.http.address.CameraAddress.of(camera.uri()),
                    HttpOptions.defaults().withMaxBodyBytes(CAP));
            StepVerifier.create(client.state())
                    .expectErrorSatisfies(e -> {
                        assertThat(e).isInstanceOf(HttpBodyTooLargeException.class)
                                .hasMessageContaining("limit is " + CAP + " bytes")
                                .hasMessageContaining(STATE);
                        assertThat(((HttpBodyTooLargeException) e).limitBytes()).isEqualTo(CAP);
                        assertThat(((HttpBodyTooLargeException) e).isTransient()).isFalse();
                    })
                    .verify(Duration.ofSeconds(10));
        }
    }

    @Test
    void anAnnouncedLengthOverTheCapFailsBeforeTheBodyIsRead() {
        try (TestCamera camera = TestCamera.serve(r -> r.get(MEDIA_LIST,
                (req, res) -> res.header("Content-Length", String.valueOf(200L * 1024 * 1024))
                        .send(Mono.just(Unpooled.wrappedBuffer(new byte[1024])))))) {
            CameraHttpClient client = new CameraHttpClient(io.camrig.http.address.CameraAddress.of(camera.uri()),
                    HttpOptions.defaults().withMaxBodyBytes(CAP));
            StepVerifier.create(client.mediaList())
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(HttpBodyTooLargeException.class)
                            .hasMessageContaining("announced a body of 209715200 bytes"))
                    .verify(Duration.ofSeconds(10));
        }
    }

    @Test
    void aBodyUpToTheCapIsRead() {
        String json = "{\"status\":{},\"settings\":{}}";
        try (TestCamera camera = TestCamera.serve(r -> r.get(STATE,
                (req, res) -> res.sendString(Mono.just(json))))) {
            CameraHttpClient client = new CameraHttpClient(io.camrig.http.address.CameraAddress.of(camera.uri()),
                    HttpOptions.defaults().withMaxBodyBytes(1024));
            StepVerifier.create(client.state()).expectNextCount(1).expectComplete().verify(Duration.ofSeconds(10));
        }
    }

    @Test
    void aCameraDrippingItsAnswerFailsAtTheRequestDeadline() {
        // The answer starts and never ends; the idle timeout (10 s, real time) cannot fire within the
        // test, so this stands for a drip of a byte per second: only the overall deadline ends it.
        try (TestCamera camera = TestCamera.serve(r -> r.get(STATE,
                (req, res) -> res.header("Content-Type", "application/json")
                        .send(Flux.just(Unpooled.wrappedBuffer(new byte[] {'{', ' '}))
                                .cast(io.netty.buffer.ByteBuf.class).concatWith(Flux.never()), b -> true)))) {
            Duration deadline = Duration.ofSeconds(30);
            CameraHttpClient client = new CameraHttpClient(io.camrig.http.address.CameraAddress.of(camera.uri()),
                    HttpOptions.defaults().withRequestDeadline(deadline));
            StepVerifier.withVirtualTime(client::state)
                    .expectSubscription()
                    .expectNoEvent(Duration.ofSeconds(29))
                    .thenAwait(Duration.ofSeconds(1))
                    .expectErrorSatisfies(e -> {
                        assertThat(e).isInstanceOf(HttpDeadlineException.class)
                                .hasMessageContaining("deadline of 30000 ms");
                        assertThat(((HttpDeadlineException) e).deadline()).isEqualTo(deadline);
                        assertThat(((HttpDeadlineException) e).isTransient()).isTrue();
                    })
                    .verify(Duration.ofSeconds(10));
        }
    }

    @Test
    void optionsRejectCapsOutOfRange() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HttpOptions.defaults().withMaxBodyBytes(10))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HttpOptions.defaults().withRequestDeadline(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(HttpOptions.defaults().maxBodyBytes()).isEqualTo(4 * 1024 * 1024);
        assertThat(HttpOptions.defaults().requestDeadline()).isEqualTo(Duration.ofSeconds(30));
    }
}
