package io.camrig.cluster.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Optional;
import javax.net.ssl.TrustManagerFactory;

/** Trust for the broker's TLS certificate: the CA certificates of a PEM file, or the JVM's defaults. */
final class PemTrust {
    private PemTrust() {
    }

    static TrustManagerFactory trustManagers(Optional<Path> caFile) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (caFile.isEmpty()) {
                tmf.init((KeyStore) null);
                return tmf;
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            try (InputStream in = Files.newInputStream(caFile.get())) {
                int i = 0;
                for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    store.setCertificateEntry("ca-" + i++, c);
                }
                if (i == 0) {
                    throw new IOException(caFile.get() + ": no PEM certificate in it");
                }
            }
            tmf.init(store);
            return tmf;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("CA file " + caFile.orElse(null) + ": " + e.getMessage(), e);
        }
    }
}
