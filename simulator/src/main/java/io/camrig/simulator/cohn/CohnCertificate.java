package io.camrig.simulator.cohn;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.net.ssl.SSLException;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A virtual camera's COHN certificates, generated with BouncyCastle as the spec describes a
 * provisioned camera (Open GoPro "Camera on the Home Network", Certificates): the camera is its own
 * root CA (valid one year), and its server certificate, signed by that root, names the camera's
 * address (common name and IP SAN). Keys are EC P-256, fresh for each instance. Immutable.
 */
public final class CohnCertificate {
    private final X509Certificate root;
    private final X509Certificate camera;
    private final KeyPair cameraKeys;
    private final String ipAddress;

    private CohnCertificate(X509Certificate root, X509Certificate camera, KeyPair cameraKeys, String ipAddress) {
        this.root = root;
        this.camera = camera;
        this.cameraKeys = cameraKeys;
        this.ipAddress = ipAddress;
    }

    /**
     * Generates a root CA and a camera certificate for {@code ipAddress}.
     *
     * @param name      who the certificates are for (the camera's serial or MAC), named in their subjects
     * @param ipAddress the camera's IPv4 address, put in the camera certificate's IP SAN
     * @throws IllegalStateException when the JDK cannot generate EC keys or {@code ipAddress} is not
     *     an IP address
     */
    public static CohnCertificate generate(String name, String ipAddress) {
        try {
            SecureRandom random = new SecureRandom();
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPair rootKeys = g.generateKeyPair();
            KeyPair cameraKeys = g.generateKeyPair();
            Instant now = Instant.now();
            Date from = Date.from(now.minus(Duration.ofHours(1)));
            Date to = Date.from(now.plus(Duration.ofDays(365)));
            X500Name rootName = new X500Name("CN=GoPro Root CA " + name + ",O=camrig simulator");
            JcaX509v3CertificateBuilder rb = new JcaX509v3CertificateBuilder(rootName, new BigInteger(63, random),
                    from, to, rootName, rootKeys.getPublic());
            rb.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            rb.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            X509Certificate root = sign(rb, rootKeys);
            JcaX509v3CertificateBuilder cb = new JcaX509v3CertificateBuilder(rootName, new BigInteger(63, random),
                    from, to, new X500Name("CN=" + ipAddress + ",O=camrig simulator " + name), cameraKeys.getPublic());
            cb.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            cb.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            cb.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, InetAddress.getByName(ipAddress).getHostAddress()),
                new GeneralName(GeneralName.dNSName, "localhost")}));
            return new CohnCertificate(root, sign(cb, rootKeys), cameraKeys, ipAddress);
        } catch (GeneralSecurityException | CertIOException | OperatorCreationException | UnknownHostException e) {
            throw new IllegalStateException("cannot generate COHN certificates", e);
        }
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder b, KeyPair issuer)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
    }

    /** The root CA: what Get COHN Certificate and {@code /GoProRootCA.crt} return. */
    public X509Certificate rootCertificate() {
        return root;
    }

    /** The camera's server certificate, signed by the root. */
    public X509Certificate cameraCertificate() {
        return camera;
    }

    /** The address named in the camera certificate's IP SAN. */
    public String ipAddress() {
        return ipAddress;
    }

    /** The root CA as PEM text (64-character lines). */
    public String rootPem() {
        return pem(root);
    }

    /**
     * A server TLS context presenting the camera certificate and the root.
     *
     * @throws IllegalStateException when Netty cannot build it
     */
    public SslContext serverContext() {
        try {
            return SslContextBuilder.forServer(cameraKeys.getPrivate(), camera, root).sslProvider(SslProvider.JDK).build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot build the COHN TLS context", e);
        }
    }

    /** {@code certificate} as PEM text. */
    public static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "CohnCertificate[" + root.getSubjectX500Principal().getName() + ", " + ipAddress + "]";
    }
}
