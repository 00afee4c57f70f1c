package io.camrig.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.http.client.CameraHttpClient;
import io.camrig.http.HttpStatusException;
import io.camrig.http.HttpTlsException;
import io.camrig.http.address.BasicCredentials;
import io.camrig.http.address.CameraAddress;
import io.camrig.http.model.CohnStatus;
import io.camrig.simulator.media.SdCard;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** COHN end to end: provisioning data over HTTP, then HTTPS with Basic auth and the camera's own root. */
class CohnServerTest {
    private static final Duration T = Duration.ofSeconds(15);
    private VirtualCameraHttpServer server;

    @BeforeEach
    void start() {
        SdCard card = new SdCard("C3501460050001", 42, 1024);
        server = VirtualCameraHttpServer.start(card, HttpCameraIdentity.fromSerial(card.serial()), Map::of, Map::of,
                HttpServerOptions.defaults().withCohn(0)).block(T);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aClientProvisionedOverHttpTalksHttpsTrustingOnlyTheCamerasRoot() {
        CameraHttpClient overAp = CameraHttpClient.create(server.baseUri());
        X509Certificate root = overAp.cohn().rootCertificate().block(T);
        CohnStatus status = overAp.cohn().status().block(T);
        assertThat(root).isEqualTo(server.cohn().orElseThrow().rootCertificate());
        assertThat(status.provisioned()).isTrue();
        assertThat(status.connected()).isTrue();
        assertThat(status.toString()).doesNotContain(status.password());

        String hostPort = server.cohnBaseUri().orElseThrow().getAuthority();
        CameraHttpClient home = CameraHttpClient.create(CameraAddress.cohn(hostPort, status.credentials().orElseThrow(), root));
        StepVerifier.create(home.query().info()).assertNext(i -> assertThat(i.serialNumber()).isEqualTo("C3501460050001"))
                .expectComplete().verify(T);
    }

    @Test
    void withoutTheRightPasswordTheCameraAnswers401() {
        var cohn = server.cohn().orElseThrow();
        String hostPort = server.cohnBaseUri().orElseThrow().getAuthority();
        CameraHttpClient wrong = CameraHttpClient.create(CameraAddress.cohn(hostPort,
                new BasicCredentials("gopro", "not-it"), cohn.rootCertificate()));
        StepVerifier.create(wrong.keepAlive()).expectErrorSatisfies(e -> assertThat(e)
                .isInstanceOfSatisfying(HttpStatusException.class, s -> assertThat(s.status()).isEqualTo(401))
                .hasMessageNotContaining("not-it")).verify(T);
    }

    @Test
    void anotherCamerasRootIsNotTrusted() {
        var other = CohnAuthority.generate("C3509999990000", "127.0.0.1");
        String hostPort = server.cohnBaseUri().orElseThrow().getAuthority();
        CameraHttpClient client = CameraHttpClient.create(CameraAddress.cohn(hostPort,
                server.cohn().orElseThrow().credentials(), other.rootCertificate()));
        StepVerifier.create(client.keepAlive()).expectError(HttpTlsException.class).verify(T);
        assertThat(other.toString()).doesNotContain(other.credentials().password());
    }

    @Test
    void clearingTheCertificateUnprovisionsTheCamera() {
        CameraHttpClient overAp = CameraHttpClient.create(server.baseUri());
        overAp.cohn().clearCertificate().block(T);
        StepVerifier.create(overAp.cohn().status()).assertNext(s -> {
            assertThat(s.provisioned()).isFalse();
            assertThat(s.credentials()).isEmpty();
        }).expectComplete().verify(T);
        StepVerifier.create(overAp.cohn().rootCertificatePem()).expectError(HttpStatusException.class).verify(T);
        overAp.cohn().createCertificate(true).block(T);
        StepVerifier.create(overAp.cohn().status()).assertNext(s -> assertThat(s.provisioned()).isTrue())
                .expectComplete().verify(T);
    }
}
