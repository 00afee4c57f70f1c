package io.camrig.cli.http;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code camrig http media list|download}. */
@Command(name = "media", mixinStandardHelpOptions = true, description = "List or download the camera's media.",
        subcommands = {MediaListCommand.class, MediaDownloadCommand.class})
final class HttpMediaCommand implements Runnable {
    @ParentCommand
    HttpCommand http;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: list or download");
    }
}
