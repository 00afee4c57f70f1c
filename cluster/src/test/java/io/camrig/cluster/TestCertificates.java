package io.camrig.cluster;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A broker's TLS files generated in the JVM with BouncyCastle: a CA, and a server certificate for
 * 127.0.0.1 signed by it (EC P-256), written as PEM: {@code ca.pem}, {@code server.pem},
 * {@code server.key}.
 */
record TestCertificates(Path ca, Path certificate, Path key) {

    static TestCertificates write(Path dir, String name) throws IOException, GeneralSecurityException {
        try {
            SecureRandom random = new SecureRandom();
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPair caKeys = g.generateKeyPair();
            KeyPair serverKeys = g.generateKeyPair();
            Date from = Date.from(Instant.now().minus(Duration.ofHours(1)));
            Date to = Date.from(Instant.now().plus(Duration.ofDays(1)));
            X500Name caName = new X500Name("CN=" + name + " test CA");
            JcaX509v3CertificateBuilder cb = new JcaX509v3CertificateBuilder(caName, new BigInteger(63, random), from, to,
                    caName, caKeys.getPublic());
            cb.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            cb.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            X509Certificate ca = sign(cb, caKeys);
            JcaX509v3CertificateBuilder sb = new JcaX509v3CertificateBuilder(caName, new BigInteger(63, random), from, to,
                    new X500Name("CN=127.0.0.1"), serverKeys.getPublic());
            sb.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            sb.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, InetAddress.getLoopbackAddress().getHostAddress()),
                new GeneralName(GeneralName.dNSName, "localhost")}));
            X509Certificate server = sign(sb, caKeys);
            TestCertificates files = new TestCertificates(dir.resolve(name + "-ca.pem"), dir.resolve(name + "-server.pem"),
                    dir.resolve(name + "-server.key"));
            Files.writeString(files.ca(), pem(ca));
            Files.writeString(files.certificate(), pem(server));
            // PKCS #8 ("PRIVATE KEY"), which carries the curve: what OpenSSL (Mosquitto) reads.
            Files.writeString(files.key(), "-----BEGIN PRIVATE KEY-----\n"
                    + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(serverKeys.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n");
            return files;
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder b, KeyPair issuer)
            throws org.bouncycastle.operator.OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
    }

    private static String pem(Object o) throws IOException {
        StringWriter s = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(s)) {
            w.writeObject(o);
        }
        return s.toString();
    }
}
