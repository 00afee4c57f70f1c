package io.camrig.cli.http;

import io.camrig.cli.console.TerminalText;
import io.camrig.http.address.DiscoveredCamera;
import io.camrig.http.address.MdnsBrowser;
import io.camrig.http.address.MdnsDiscovery;
import io.camrig.mdns.JmdnsBrowser;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code camrig http discover}: finds cameras that register {@code _gopro-web._tcp} over mDNS
 * (cameras on USB) and prints their base URLs, for {@code --url}.
 */
@Command(name = "discover", mixinStandardHelpOptions = true,
        description = "Find cameras on USB by mDNS (_gopro-web._tcp) and print their URLs.")
final class HttpDiscoverCommand implements Callable<Integer> {
    @ParentCommand
    HttpCommand http;

    @Option(names = "--wait", paramLabel = "D", defaultValue = "3s", description = "How long to listen (default: ${DEFAULT-VALUE}).")
    Duration wait;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    /** The browser; tests replace it, so no multicast leaves the machine. */
    MdnsBrowser browser = new JmdnsBrowser();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (wait.isZero()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--wait must be positive");
        }
        return http.run(() -> {
            List<DiscoveredCamera> found = MdnsDiscovery.using(browser).discover(wait).collectList().block();
            PrintWriter out = http.spec.commandLine().getOut();
            if (json) {
                HttpCommand.printJson(out, found.stream().map(c -> Map.of("name", c.instanceName(),
                        "url", c.baseUri().toString())).toList());
            } else {
                found.forEach(c -> out.printf("%-24s %s%n", TerminalText.safe(c.instanceName()), c.baseUri()));
                out.printf("%d cameras found%n", found.size());
                out.flush();
            }
            return 0;
        });
    }
}
