package io.camrig.http.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camrig.http.client.CameraHttpClient;
import io.camrig.http.HttpOptions;
import io.camrig.http.HttpStatusException;
import io.camrig.http.HttpTlsException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;

/**
 * COHN over HTTPS: trust anchored to the camera's root CA only, reached by IP with no host name
 * check, Basic auth, and typed, secret-free errors.
 */
class CohnTrustTest {
    private static final Duration VERIFY = Duration.ofSeconds(15);
    private static final TestCertificates.Issued CA = TestCertificates.rootCa("GoPro Root CA");
    private static final TestCertificates.Issued OTHER_CA = TestCertificates.rootCa("Someone Else");
    private static final BasicCredentials GOPRO = new BasicCredentials("gopro", "t0p-s3cret");

    /** An HTTPS camera on 127.0.0.1 presenting {@code leaf} (and its CA), asking for Basic auth. */
    private static DisposableServer camera(TestCertificates.Issued leaf, X509Certificate issuer,
            AtomicReference<String> authorization) {
        return HttpServer.create().host("127.0.0.1").port(0)
                .secure(spec -> spec.sslContext(Http11SslContextSpec.forServer(leaf.privateKey(),
                        leaf.certificate(), issuer)))
                .route(r -> r.get("/gopro/camera/keep_alive", (req, res) -> {
                    authorization.set(req.requestHeaders().get(HttpHeaderNames.AUTHORIZATION));
                    return GOPRO.authorizationHeader().equals(authorization.get())
                            ? res.sendString(Mono.just("{}"))
                            : res.status(HttpResponseStatus.UNAUTHORIZED).send();
                }))
                .bindNow();
    }

    private static CameraHttpClient client(DisposableServer server, BasicCredentials credentials, X509Certificate ca) {
        return new CameraHttpClient(CameraAddress.cohn("127.0.0.1:" + server.port(), credentials, ca),
                HttpOptions.defaults().withResponseTimeout(Duration.ofSeconds(5)));
    }

    @Test
    void aCertificateSignedByTheCamerasRootIsAcceptedWhateverAddressItNames() {
        // Real cameras name their home-network IP, which DHCP may change: no host name check.
        TestCertificates.Issued leaf = TestCertificates.server(CA, "192.168.1.77", "192.168.1.77", Duration.ofDays(30));
        AtomicReference<String> auth = new AtomicReference<>();
        DisposableServer server = camera(leaf, CA.certificate(), auth);
        try {
            StepVerifier.create(client(server, GOPRO, CA.certificate()).keepAlive()).expectComplete().verify(VERIFY);
            assertThat(auth.get()).isEqualTo("Basic " + Base64.getEncoder()
                    .encodeToString("gopro:t0p-s3cret".getBytes(StandardCharsets.UTF_8)));
        } finally {
            server.disposeNow();
        }
    }

    @Test
    void aCertificateWithoutAnyAlternativeNameIsAcceptedToo() {
        TestCertificates.Issued leaf = TestCertificates.server(CA, "camera", null, Duration.ofDays(30));
        DisposableServer server = camera(leaf, CA.certificate(), new AtomicReference<>());
        try {
            StepVerifier.create(client(server, GOPRO, CA.certificate()).keepAlive()).expectComplete().verify(VERIFY);
        } finally {
            server.disposeNow();
        }
    }

    @Test
    void aCertificateFromAnotherAuthorityIsRefusedPermanentlyWithoutLeakingTheSecret() {
        TestCertificates.Issued leaf = TestCertificates.server(OTHER_CA, "127.0.0.1", "127.0.0.1", Duration.ofDays(30));
        AtomicReference<String> auth = new AtomicReference<>();
        DisposableServer server = camera(leaf, OTHER_CA.certificate(), auth);
        try {
            StepVerifier.create(client(server, GOPRO, CA.certificate()).keepAlive())
                    .expectErrorSatisfies(e -> {
                        assertThat(e).isInstanceOf(HttpTlsException.class)
                                .hasMessageContaining("TLS handshake failed");
                        assertThat(((HttpTlsException) e).isTransient()).isFalse();
                        assertThat(e.getMessage()).doesNotContain("t0p-s3cret");
                    })
                    .verify(VERIFY);
            assertThat(auth.get()).as("no request reached the impostor").isNull();
        } finally {
            server.disposeNow();
        }
    }

    @Test
    void anExpiredCertificateIsRefused() {
        TestCertificates.Issued leaf = TestCertificates.server(CA, "127.0.0.1", "127.0.0.1", Duration.ofDays(-1));
        DisposableServer server = camera(leaf, CA.certificate(), new AtomicReference<>());
        try {
            StepVerifier.create(client(server, GOPRO, CA.certificate()).keepAlive())
                    .expectError(HttpTlsException.class)
                    .verify(VERIFY);
        } finally {
            server.disposeNow();
        }
    }

    @Test
    void theJdkDefaultTrustStoreDoesNotTrustACameraCertificate() {
        TestCertificates.Issued leaf = TestCertificates.server(CA, "127.0.0.1", "127.0.0.1", Duration.ofDays(30));
        DisposableServer server = camera(leaf, CA.certificate(), new AtomicReference<>());
        try {
            CameraHttpClient plain = CameraHttpClient.create(URI.create("https://127.0.0.1:" + server.port()));
            StepVerifier.create(plain.keepAlive()).expectError(HttpTlsException.class).verify(VERIFY);
        } finally {
            server.disposeNow();
        }
    }

    @Test
    void wrongCredentialsAreA401StatusError() {
        TestCertificates.Issued leaf = TestCertificates.server(CA, "127.0.0.1", "127.0.0.1", Duration.ofDays(30));
        DisposableServer server = camera(leaf, CA.certificate(), new AtomicReference<>());
        try {
            StepVerifier.create(client(server, new BasicCredentials("gopro", "wrong-guess"), CA.certificate()).keepAlive())
                    .expectErrorSatisfies(e -> {
                        assertThat(e).isInstanceOfSatisfying(HttpStatusException.class,
                                s -> assertThat(s.status()).isEqualTo(401));
                        assertThat(e.getMessage()).doesNotContain("wrong-guess");
                    })
                    .verify(VERIFY);
        } finally {
            server.disposeNow();
        }
    }

    @Test
    void theTrustManagerAcceptsOnlyChainsToItsRoot() throws Exception {
        var tm = CohnTrust.trustManager(CA.certificate());
        X509Certificate good = TestCertificates.server(CA, "cam", null, Duration.ofDays(1)).certificate();
        X509Certificate bad = TestCertificates.server(OTHER_CA, "cam", null, Duration.ofDays(1)).certificate();

        tm.checkServerTrusted(new X509Certificate[] {good, CA.certificate()}, "ECDHE_ECDSA");
        tm.checkServerTrusted(new X509Certificate[] {good}, "ECDHE_ECDSA");
        assertThatThrownBy(() -> tm.checkServerTrusted(new X509Certificate[] {bad}, "ECDHE_ECDSA"))
                .isInstanceOf(CertificateException.class).hasMessageContaining("does not chain");
        assertThatThrownBy(() -> tm.checkServerTrusted(new X509Certificate[] {OTHER_CA.certificate()}, "ECDHE_ECDSA"))
                .isInstanceOf(CertificateException.class);
        assertThatThrownBy(() -> tm.checkServerTrusted(new X509Certificate[0], "ECDHE_ECDSA"))
                .isInstanceOf(CertificateException.class);
        assertThatThrownBy(() -> tm.checkClientTrusted(new X509Certificate[] {good}, "ECDHE_ECDSA"))
                .isInstanceOf(CertificateException.class);
        assertThat(tm.getAcceptedIssuers()).containsExactly(CA.certificate());
    }

    @Test
    void pemRoundTripsAndGarbageIsRejected() throws Exception {
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(CA.certificate().getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        assertThat(CohnTrust.parseCertificate(pem)).isEqualTo(CA.certificate());
        assertThatThrownBy(() -> CohnTrust.parseCertificate("not a certificate"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
