package io.camrig.simulator.http;

import io.camrig.http.address.BasicCredentials;
import io.camrig.simulator.cohn.CohnCertificate;
import io.netty.handler.ssl.SslContext;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;

/**
 * The COHN certificates and credentials of a {@link VirtualCameraHttpServer} started with
 * {@link HttpServerOptions#cohn()}, generated at start: a {@link CohnCertificate} for the bound
 * host and Basic credentials. The user is {@code gopro}; the password is 16 random characters
 * from {@link SecureRandom} and never appears in {@link #toString()}, logs or errors.
 */
public final class CohnAuthority {
    /** The Basic-auth user name. */
    public static final String USERNAME = "gopro";

    private final CohnCertificate certificate;
    private final BasicCredentials credentials;

    private CohnAuthority(CohnCertificate certificate, BasicCredentials credentials) {
        this.certificate = certificate;
        this.credentials = credentials;
    }

    /**
     * Generates a root CA and a camera certificate for {@code host} (an IP address), and a password.
     *
     * @param serial the camera's serial number, named in the certificates' subjects
     * @throws IllegalStateException when the JDK cannot generate EC keys
     */
    public static CohnAuthority generate(String serial, String host) {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        for (int i = 0; i < 16; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return new CohnAuthority(CohnCertificate.generate(serial, host),
                new BasicCredentials(USERNAME, password.toString()));
    }

    /** The root CA: what {@code POST /GoProRootCA.crt} returns. */
    public X509Certificate rootCertificate() {
        return certificate.rootCertificate();
    }

    /** The camera's server certificate, signed by the root. */
    public X509Certificate cameraCertificate() {
        return certificate.cameraCertificate();
    }

    /** The root CA as PEM text. */
    public String rootPem() {
        return certificate.rootPem();
    }

    /** The Basic credentials the HTTPS server requires (a secret). */
    public BasicCredentials credentials() {
        return credentials;
    }

    /** A server TLS context presenting the camera certificate and the root. */
    SslContext serverContext() {
        return certificate.serverContext();
    }

    @Override
    public String toString() {
        return "CohnAuthority[" + certificate.rootCertificate().getSubjectX500Principal().getName() + ", user "
                + USERNAME + ", password=***]";
    }
}
