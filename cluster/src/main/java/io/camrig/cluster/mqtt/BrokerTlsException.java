package io.camrig.cluster.mqtt;

import io.camrig.proto.error.PermanentCamrigException;

/**
 * The TLS handshake with the broker ({@code mqtts://}) failed: its certificate is not signed by the
 * CA given ({@code --broker-ca}, or the JVM's trusted CAs without one), names another host, or has
 * expired. Permanent: the member does not keep reconnecting, a certificate does not fix itself.
 * The message names the broker, the CA file and the TLS reason; never the login.
 */
public class BrokerTlsException extends PermanentCamrigException {
    public BrokerTlsException(BrokerUrl url, String caFile, String reason, Throwable cause) {
        super("TLS handshake with the broker " + url + " failed, its certificate is not trusted by "
                + (caFile == null ? "the JVM's default CAs (give --broker-ca FILE)" : "the CA in " + caFile) + ": " + reason,
                null, "connect", cause);
    }

    /** The TLS handshake failure in {@code e}'s causes, if it is one. */
    static javax.net.ssl.SSLException handshakeFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof javax.net.ssl.SSLException ssl) {
                return ssl;
            }
        }
        return null;
    }
}
