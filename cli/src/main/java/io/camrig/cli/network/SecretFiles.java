package io.camrig.cli.network;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Reads secrets (Wi-Fi passwords, passphrases) from files, so they never sit on a command line
 * where {@code ps} and shell history would show them.
 */
final class SecretFiles {
    private SecretFiles() {
    }

    /**
     * The first line of {@code file}, without its line ending.
     *
     * @throws CommandLine.ParameterException naming the option (never the content) when the file
     *     cannot be read or its first line is empty
     */
    static char[] firstLine(CommandLine commandLine, Path file, String option) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new CommandLine.ParameterException(commandLine, option + ": cannot read " + file + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        int end = 0;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        if (end == 0) {
            throw new CommandLine.ParameterException(commandLine, option + ": the first line of " + file + " is empty");
        }
        return text.substring(0, end).toCharArray();
    }
}
