package io.camrig.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs command lines as the launcher does, capturing what they print on stdout and stderr. */
public final class CliRun {
    /** Everything printed on stdout so far. */
    public final StringWriter out = new StringWriter();
    /** Everything printed on stderr so far. */
    public final StringWriter err = new StringWriter();

    /** Runs {@code args} on a fresh command line; returns the exit code. */
    public int run(String... args) {
        return runOn(CamrigCommand.commandLine(), args);
    }

    /** Runs {@code args} on {@code cli} (e.g. another root's command line); returns the exit code. */
    public int runOn(CommandLine cli, String... args) {
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** As {@link #run}, after forgetting what earlier runs printed. */
    public int runAfresh(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return run(args);
    }
}
