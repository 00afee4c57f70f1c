package io.camrig.cli.network;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camrig.cli.rig.RigCommandSupport;
import io.camrig.cli.rig.Table;
import io.camrig.credentials.FileCredentialStore;
import io.camrig.engine.credentials.CameraCredentials;
import io.camrig.engine.credentials.CohnCredentials;
import io.camrig.engine.credentials.CredentialStoreException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code camrig credentials list [--json]}: one row per camera — serial, AP SSID, COHN user, IP and
 * network, last change. Passwords are never printed, in text or JSON. Exit code 1 when the store
 * cannot be read (corrupt, wrong passphrase).
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the cameras in the credential store (never their passwords).")
public final class CredentialsListCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @CommandLine.Mixin
    CredentialOptions credentials = new CredentialOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        PrintWriter out = cl.getOut();
        List<CameraCredentials> entries;
        try (FileCredentialStore store = credentials.open(cl, System.getenv())) {
            entries = store.list();
            if (json) {
                out.println(render(store, entries));
            } else if (entries.isEmpty()) {
                out.println("no credentials in " + store.file());
            } else {
                Table table = new Table(List.of("SERIAL", "AP SSID", "COHN", "IP", "NETWORK", "UPDATED"));
                for (CameraCredentials c : entries) {
                    table.row(List.of(c.serial(), c.ap().map(a -> a.ssid()).orElse("-"),
                            c.cohn().map(CohnCredentials::username).orElse("-"),
                            c.cohn().map(CohnCredentials::ipAddress).orElse("-"),
                            c.cohn().map(CohnCredentials::ssid).orElse("-"), c.updated().toString()));
                }
                table.print(out);
                out.println(entries.size() + " camera(s) in " + store.file() + (store.encrypted() ? " (encrypted)" : ""));
            }
        } catch (CredentialStoreException e) {
            return CredentialOptions.failed(cl, "credentials", e);
        }
        out.flush();
        return 0;
    }

    private static String render(FileCredentialStore store, List<CameraCredentials> entries) {
        ObjectNode root = RigCommandSupport.JSON.createObjectNode();
        root.put("file", store.file().toString());
        root.put("encrypted", store.encrypted());
        ArrayNode cameras = root.putArray("cameras");
        for (CameraCredentials c : entries) {
            ObjectNode node = cameras.addObject();
            node.put("serial", c.serial());
            node.put("updated", c.updated().toString());
            c.ap().ifPresent(a -> node.putObject("ap").put("ssid", a.ssid()));
            c.cohn().ifPresent(h -> node.putObject("cohn").put("username", h.username())
                    .put("ipAddress", h.ipAddress()).put("ssid", h.ssid()));
        }
        return io.camrig.cli.console.JsonStyle.document(root);
    }
}
