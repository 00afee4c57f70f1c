package io.camrig.cli.rig;

import io.camrig.cluster.broker.BrokerSecret;
import io.camrig.cluster.mqtt.BrokerLogin;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The broker login of a cluster command, as a picocli mixin: {@code --credentials FILE}
 * (username, password, optional ca) or, on the machine that runs {@code camrig broker}, the
 * generated secret in the user's configuration directory; {@code --ca FILE} adds a PEM CA for
 * {@code mqtts://}. Passwords are never taken as arguments.
 */
public final class ClusterLogin {
    @Option(names = "--broker-credentials", paramLabel = "FILE",
            description = "Broker login: a properties file with username=, password= and optionally ca= (default: "
                    + "derived from the local 'camrig broker' secret in ~/.config/camrig/broker.properties).")
    Path credentials;

    @Option(names = "--broker-ca", paramLabel = "FILE", description = "PEM file of the CA that signed the broker's TLS certificate (mqtts://).")
    Path ca;

    /** The login of {@code user}; a usage error when none can be found. */
    public BrokerLogin login(String user, CommandLine cl) {
        try {
            BrokerLogin login;
            if (credentials != null) {
                login = BrokerLogin.read(credentials);
            } else {
                Optional<BrokerSecret> secret = BrokerSecret.read(BrokerSecret.defaultFile());
                if (secret.isEmpty()) {
                    throw new CommandLine.ParameterException(cl, "no broker login: give --broker-credentials FILE, or run "
                            + "'camrig broker' on this machine first (it writes " + BrokerSecret.defaultFile() + ")");
                }
                login = secret.get().login(user);
            }
            return ca == null ? login : login.withCaFile(ca);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(cl, "broker login: " + e.getMessage());
        }
    }
}
