package io.camrig.cli.network;

import io.camrig.cli.console.ExitCodes;
import io.camrig.credentials.FileCredentialStore;
import io.camrig.engine.credentials.CameraCredentials;
import io.camrig.engine.credentials.CredentialStoreException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code camrig credentials forget SERIAL... | --all}: removes cameras from the credential store.
 * Exit code 0 when each named camera was forgotten, 3 when some had no entry, 1 when the store
 * cannot be read or written.
 */
@Command(name = "forget", mixinStandardHelpOptions = true,
        description = "Forget the stored credentials of some cameras (by serial number) or of all.")
public final class CredentialsForgetCommand implements Callable<Integer> {
    static final class Which {
        @Parameters(paramLabel = "SERIAL", arity = "1..*", description = "Serial numbers to forget.")
        List<String> serials;

        @Option(names = "--all", required = true, description = "Forget every camera.")
        boolean all;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    @CommandLine.Mixin
    CredentialOptions credentials = new CredentialOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        PrintWriter out = cl.getOut();
        try (FileCredentialStore store = credentials.open(cl, System.getenv())) {
            List<String> serials = new ArrayList<>();
            if (which.all) {
                store.list().stream().map(CameraCredentials::serial).forEach(serials::add);
            } else {
                serials.addAll(which.serials);
            }
            boolean missing = false;
            for (String serial : serials) {
                boolean forgotten = store.forget(serial);
                missing |= !forgotten;
                out.println(serial + ": " + (forgotten ? "forgotten" : "not in the store"));
            }
            if (serials.isEmpty()) {
                out.println("no credentials in " + store.file());
            }
            out.flush();
            return missing ? ExitCodes.SOME_FAILED : 0;
        } catch (CredentialStoreException e) {
            return CredentialOptions.failed(cl, "credentials", e);
        }
    }
}
