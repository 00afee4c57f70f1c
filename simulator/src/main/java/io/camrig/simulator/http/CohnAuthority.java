package io.camrig.simulator.http;

import io.camrig.http.address.BasicCredentials;
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
 * A virtual camera's COHN certificates and credentials, generated at start with BouncyCastle as
 * the spec describes a provisioned camera (Open GoPro "Camera on the Home Network",
 * Certificates): the camera is its own root CA (valid one year), and its server certificate,
 * signed by that root, names the camera's address (common name and IP SAN). Keys are EC P-256.
 * The Basic-auth user is {@code gopro}; the password is 16 random characters from {@link
 * SecureRandom} and never appears in {@link #toString()}, logs or errors.
 */
public final class CohnAuthority {
    /** The Basic-auth user name. */
    public static final String USERNAME = "gopro";

    private final X509Certificate root;
    private final X509Certificate camera;
    private final KeyPair cameraKeys;
    private final BasicCredentials credentials;

    private CohnAuthority(X509Certificate root, X509Certificate camera, KeyPair cameraKeys, BasicCredentials c) {
        this.root = root;
        this.camera = camera;
        this.cameraKeys = cameraKeys;
        this.credentials = c;
    }

    /**
     * Generates a root CA and a camera certificate for {@code host} (an IP address).
     *
     * @param serial the camera's serial number, named in the certificates' subjects
     * @throws IllegalStateException when the JDK cannot generate EC keys
     */
    public static CohnAuthority generate(String serial, String host) {
        try {
            SecureRandom random = new SecureRandom();
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPair rootKeys = g.generateKeyPair();
            KeyPair cameraKeys = g.generateKeyPair();
            Instant now = Instant.now();
            Date from = Date.from(now.minus(Duration.ofHours(1)));
            Date to = Date.from(now.plus(Duration.ofDays(365)));
            X500Name rootName = new X500Name("CN=GoPro Root CA " + serial + ",O=camrig simulator");
            JcaX509v3CertificateBuilder rb = new JcaX509v3CertificateBuilder(rootName, new BigInteger(63, random),
                    from, to, rootName, rootKeys.getPublic());
            rb.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            rb.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            X509Certificate root = sign(rb, rootKeys);
            JcaX509v3CertificateBuilder cb = new JcaX509v3CertificateBuilder(rootName, new BigInteger(63, random),
                    from, to, new X500Name("CN=" + host + ",O=camrig simulator " + serial), cameraKeys.getPublic());
            cb.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            cb.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            cb.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, InetAddress.getByName(host).getHostAddress()),
                new GeneralName(GeneralName.dNSName, "localhost")}));
            X509Certificate camera = sign(cb, rootKeys);
            StringBuilder password = new StringBuilder();
            String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
            for (int i = 0; i < 16; i++) {
                password.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return new CohnAuthority(root, camera, cameraKeys, new BasicCredentials(USERNAME, password.toString()));
        } catch (GeneralSecurityException | CertIOException | OperatorCreationException | UnknownHostException e) {
            throw new IllegalStateException("cannot generate COHN certificates", e);
        }
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder b, KeyPair issuer)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
    }

    /** The root CA: what {@code POST /GoProRootCA.crt} returns. */
    public X509Certificate rootCertificate() {
        return root;
    }

    /** The camera's server certificate, signed by the root. */
    public X509Certificate cameraCertificate() {
        return camera;
    }

    /** The root CA as PEM text. */
    public String rootPem() {
        return pem(root);
    }

    /** The Basic credentials the HTTPS server requires (a secret). */
    public BasicCredentials credentials() {
        return credentials;
    }

    /** A server TLS context presenting the camera certificate and the root. */
    SslContext serverContext() {
        try {
            return SslContextBuilder.forServer(cameraKeys.getPrivate(), camera, root).sslProvider(SslProvider.JDK).build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot build the COHN TLS context", e);
        }
    }

    static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "CohnAuthority[" + root.getSubjectX500Principal().getName() + ", user " + USERNAME + ", password=***]";
    }
}
