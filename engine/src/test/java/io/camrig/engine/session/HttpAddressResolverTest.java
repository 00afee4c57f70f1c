package io.camrig.engine.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camrig.engine.credentials.CohnCredentials;
import io.camrig.engine.credentials.InMemoryCredentialStore;
import io.camrig.http.address.BasicCredentials;
import io.camrig.http.address.CameraAddress;
import io.camrig.proto.error.PermanentCamrigException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpAddressResolverTest {
    private static final String SERIAL = "C3501324500711";

    private final InMemoryCredentialStore store = new InMemoryCredentialStore();

    @Test
    void accessPointUsbAndPlainUris() {
        assertThat(HttpAddressResolver.accessPoint().resolve(SERIAL)).contains(CameraAddress.accessPoint());
        assertThat(HttpAddressResolver.usb().resolve(SERIAL).orElseThrow().baseUri())
                .isEqualTo(URI.create("http://172.27.111.51:8080"));
        HttpAddressResolver uris = HttpAddressResolver.ofUris(s -> s.equals(SERIAL)
                ? Optional.of(URI.create("http://127.0.0.1:4711")) : Optional.empty());
        assertThat(uris.resolve(SERIAL).orElseThrow().baseUri()).isEqualTo(URI.create("http://127.0.0.1:4711"));
        assertThat(uris.resolve("other")).isEmpty();
        assertThat(uris.orElse(HttpAddressResolver.accessPoint()).resolve("other")).contains(CameraAddress.accessPoint());
    }

    @Test
    void cohnGivesHttpsWithBasicCredentialsAndTheCamerasRootCa() throws Exception {
        X509Certificate ca = anyCertificate();
        String pem = pem(ca);
        store.update(SERIAL, e -> e.withCohn(new CohnCredentials("gopro", "cohn-secret-9", "192.168.50.101",
                "rig-studio", pem), Instant.now()));

        CameraAddress address = HttpAddressResolver.cohn(store, 8443).resolve(SERIAL).orElseThrow();

        assertThat(address.baseUri()).isEqualTo(URI.create("https://192.168.50.101:8443"));
        assertThat(address.credentials()).contains(new BasicCredentials("gopro", "cohn-secret-9"));
        assertThat(address.rootCa()).contains(ca);
        assertThat(address.toString()).doesNotContain("cohn-secret-9");
        assertThat(HttpAddressResolver.cohn(store, 443).resolve("unknown")).isEmpty();
    }

    @Test
    void aStoredRootCaThatIsNoCertificateIsATypedErrorWithoutSecrets() {
        store.update(SERIAL, e -> e.withCohn(new CohnCredentials("gopro", "cohn-secret-9", "192.168.50.101",
                "rig-studio", "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n"),
                Instant.now()));
        assertThatThrownBy(() -> HttpAddressResolver.cohn(store, 443).resolve(SERIAL))
                .isInstanceOf(PermanentCamrigException.class).hasMessageContaining(SERIAL)
                .hasMessageNotContaining("cohn-secret-9");
        assertThatThrownBy(() -> HttpAddressResolver.cohn(store, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A real X.509 certificate: the first of the JDK's trust store. */
    private static X509Certificate anyCertificate() throws Exception {
        Path cacerts = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        try (InputStream in = Files.newInputStream(cacerts)) {
            ks.load(in, null);
        }
        for (String alias : Collections.list(ks.aliases())) {
            if (ks.getCertificate(alias) instanceof X509Certificate x) {
                return x;
            }
        }
        throw new AssertionError("no certificate in " + cacerts);
    }

    private static String pem(X509Certificate c) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(c.getEncoded()) + "\n-----END CERTIFICATE-----\n";
    }
}
