package io.camrig.http.address;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Test certificate authorities and server certificates (EC P-256), made with BouncyCastle. */
public final class TestCertificates {
    private static final AtomicLong SERIAL = new AtomicLong(1);

    /** A key pair and its certificate. */
    public record Issued(KeyPair keys, X509Certificate certificate) {
        public PrivateKey privateKey() {
            return keys.getPrivate();
        }
    }

    private TestCertificates() {
    }

    /** A self-signed root CA valid from an hour ago for a year. */
    public static Issued rootCa(String name) {
        try {
            KeyPair keys = keys();
            Instant now = Instant.now();
            X500Name subject = new X500Name("CN=" + name);
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, serial(),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(365))), subject,
                    keys.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            return new Issued(keys, sign(b, keys.getPrivate()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A server certificate signed by {@code ca}.
     *
     * @param ipSan an IP address SAN, or {@code null} for none (a camera reached by another IP)
     * @param validFor how long from now it stays valid (negative: already expired)
     */
    public static Issued server(Issued ca, String commonName, String ipSan, Duration validFor) {
        try {
            KeyPair keys = keys();
            Instant now = Instant.now();
            Instant end = now.plus(validFor);
            Instant start = validFor.isNegative() ? end.minus(Duration.ofDays(2)) : now.minus(Duration.ofHours(1));
            X500Name issuer = new X500Name(ca.certificate().getSubjectX500Principal().getName());
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, serial(), Date.from(start),
                    Date.from(end), new X500Name("CN=" + commonName), keys.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            if (ipSan != null) {
                b.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(new GeneralName(GeneralName.iPAddress, ipSan)));
            }
            return new Issued(keys, sign(b, ca.privateKey()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(System.currentTimeMillis()).shiftLeft(16).add(BigInteger.valueOf(SERIAL.getAndIncrement()));
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder b, PrivateKey key) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
    }
}
