package io.camrig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What holds for every command: --help works, --json is one compact document, --pretty indents it. */
class CommandLineConventionsTest {
    private final CliRun cli = new CliRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    private static void collect(CommandLine cl, List<String> path, List<List<String>> all) {
        all.add(path);
        cl.getSubcommands().forEach((name, sub) -> {
            if (!name.equals(sub.getCommandName())) {
                return; // an alias
            }
            List<String> next = new ArrayList<>(path);
            next.add(name);
            collect(sub, next, all);
        });
    }

    @Test
    void everyCommandAnswersHelp() {
        List<List<String>> commands = new ArrayList<>();
        collect(CamrigCommand.commandLine(), List.of(), commands);
        assertThat(commands).hasSizeGreaterThan(20).contains(List.of("http", "version"));
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            out.getBuffer().setLength(0);
            assertThat(run(args.toArray(String[]::new))).as("%s --help: %s", command, err).isZero();
            assertThat(out.toString()).as("%s", command).contains("Usage: camrig");
        }
    }

    @Test
    void jsonIsOneCompactDocumentAndPrettyIndentsIt() throws Exception {
        assertThat(run("status", "busy", "--cameras", "1", "--json")).as("%s", err).isZero();
        assertThat(out.toString().strip().lines()).hasSize(1);
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
        out.getBuffer().setLength(0);
        assertThat(run("status", "busy", "--cameras", "1", "--json", "--pretty")).isZero();
        assertThat(out.toString().lines().count()).isGreaterThan(5);
        assertThat(out.toString()).contains("\n  \"cameras\" : [");
    }
}
