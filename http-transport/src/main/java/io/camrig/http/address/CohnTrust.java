package io.camrig.http.address;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * TLS trust for a camera on the home network (COHN, Open GoPro "Camera on the Home Network",
 * section Certificates): the camera is its own root certificate authority; its server certificate
 * is signed by that root CA and names the camera's current IP address, which DHCP may change.
 *
 * <p>The trust manager built here accepts a server chain only when it validates (PKIX: signatures,
 * validity dates, CA constraints; no revocation check, the camera publishes none) up to the one
 * given root CA; no other authority, and never "trust all". The camera is reached by IP, so the
 * usual host name check is replaced by that chain check: a certificate signed by the camera's CA
 * is accepted whatever address it names, as the spec intends.
 */
public final class CohnTrust {
    private CohnTrust() {
    }

    /**
     * Parses a PEM (or DER) X.509 certificate, for example the body of {@code POST
     * /GoProRootCA.crt} ({@code GPCAMERA_GET_HOME_NETWORK_CERT}).
     *
     * @throws IllegalArgumentException when it holds no certificate
     */
    public static X509Certificate parseCertificate(byte[] pemOrDer) {
        Objects.requireNonNull(pemOrDer, "pemOrDer");
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            Collection<? extends java.security.cert.Certificate> all =
                    factory.generateCertificates(new ByteArrayInputStream(pemOrDer));
            if (all.isEmpty()) {
                throw new IllegalArgumentException("no X.509 certificate found");
            }
            return (X509Certificate) all.iterator().next();
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not an X.509 certificate: " + e.getMessage(), e);
        }
    }

    /** As {@link #parseCertificate(byte[])} for PEM text. */
    public static X509Certificate parseCertificate(String pem) {
        return parseCertificate(pem.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * A Netty client {@link SslContext} whose only trust anchor is {@code rootCa}.
     *
     * @throws IllegalStateException when the JDK cannot build a TLS context
     */
    public static SslContext clientContext(X509Certificate rootCa) {
        try {
            return SslContextBuilder.forClient().sslProvider(SslProvider.JDK).trustManager(trustManager(rootCa)).build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot build a TLS context", e);
        }
    }

    /** The trust manager: chains must validate up to {@code rootCa}; no host name check. */
    public static X509ExtendedTrustManager trustManager(X509Certificate rootCa) {
        return new RootCaTrustManager(Objects.requireNonNull(rootCa, "rootCa"));
    }

    /** Accepts server chains that validate up to one root CA, and no client chain. */
    private static final class RootCaTrustManager extends X509ExtendedTrustManager {
        private final X509Certificate root;
        private final Set<TrustAnchor> anchors;

        RootCaTrustManager(X509Certificate root) {
            this.root = root;
            this.anchors = Set.of(new TrustAnchor(root, null));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            validate(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            validate(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            validate(chain);
        }

        private void validate(X509Certificate[] chain) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("the camera sent no certificate");
            }
            // The anchor itself must not be part of the path to validate.
            List<X509Certificate> path = Arrays.stream(chain).filter(c -> !c.equals(root)).toList();
            if (path.isEmpty()) {
                return;     // the server presented the root itself: it is the anchor
            }
            try {
                PKIXParameters params = new PKIXParameters(anchors);
                params.setRevocationEnabled(false);
                CertPathValidator.getInstance("PKIX").validate(
                        CertificateFactory.getInstance("X.509").generateCertPath(path), params);
            } catch (GeneralSecurityException e) {
                throw new CertificateException(
                        "the camera's certificate does not chain to its COHN root CA: " + e.getMessage(), e);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("client certificates are not accepted");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("client certificates are not accepted");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("client certificates are not accepted");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[] {root};
        }
    }
}
