package io.camrig.cli;

import io.camrig.cli.console.JsonStyle;
import picocli.CommandLine;

/**
 * What both {@code camrig} roots share ({@link CamrigCommand}, every command; {@link
 * CamrigOffloadCommand}, the offload's own): the {@code --pretty} option every command inherits,
 * and a usage error when no command is given.
 */
abstract class CamrigRoot implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** {@code --pretty}, on every command: indents a --json document (JSON Lines streams stay compact). */
    @CommandLine.Option(names = "--pretty", scope = CommandLine.ScopeType.INHERIT,
            description = "With --json: indent the JSON document (streams stay one object per line).")
    void pretty(boolean on) {
        JsonStyle.pretty(on);
    }

    /** What to try when no command is given, e.g. {@code camrig demo}. */
    abstract String example();

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (try '" + example() + "')");
    }
}
