package io.camrig.cli.network;

import io.camrig.credentials.CredentialFileLocation;
import io.camrig.credentials.FileCredentialStore;
import io.camrig.credentials.FileCredentialStoreOptions;
import io.camrig.engine.credentials.CredentialStoreException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Where the credential store is and how it is protected, as a picocli mixin:
 * <pre>
 * --credentials FILE        the store (default: $XDG_CONFIG_HOME/camrig/credentials.json,
 *                           else ~/.config/camrig/credentials.json)
 * --passphrase-file FILE    encrypt at rest with the passphrase on FILE's first line
 *                           (or the environment variable CAMRIG_CREDENTIALS_PASSPHRASE)
 * </pre>
 * Warnings about the file (loose permissions) go to stderr, without secrets.
 */
public final class CredentialOptions {
    /** The environment variable that may hold the store's passphrase. */
    public static final String PASSPHRASE_ENV = "CAMRIG_CREDENTIALS_PASSPHRASE";

    @Option(names = "--credentials", paramLabel = "FILE",
            description = "The credential store (default: $XDG_CONFIG_HOME/camrig/credentials.json, "
                    + "else ~/.config/camrig/credentials.json).")
    Path file;

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "Encrypt the credential store at rest (AES-256-GCM, Argon2id) with the passphrase on "
                    + "FILE's first line; the environment variable " + PASSPHRASE_ENV + " works too.")
    Path passphraseFile;

    /** The store's file, as these options and the environment name it. */
    public Path path(Map<String, String> env) {
        return file != null ? file : CredentialFileLocation.resolve(env);
    }

    /**
     * Opens the store and reads it once, so that a corrupt file or a wrong or missing passphrase
     * stops the command before it touches any camera.
     *
     * @throws CommandLine.ParameterException when the passphrase file cannot be read or is empty
     * @throws CredentialStoreException when the store cannot be read
     */
    public FileCredentialStore open(CommandLine commandLine, Map<String, String> env) {
        PrintWriter err = commandLine.getErr();
        FileCredentialStoreOptions options = FileCredentialStoreOptions.DEFAULT.withWarnings(w -> {
            err.println("camrig: " + w);
            err.flush();
        });
        char[] passphrase = passphrase(commandLine, env);
        FileCredentialStore store;
        try {
            store = passphrase == null ? FileCredentialStore.at(path(env), options)
                    : FileCredentialStore.atWithPassphrase(path(env), passphrase, options);
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
        try {
            store.list();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    /**
     * Prints why the store cannot be used — with what to do for a corrupt file or a wrong or
     * missing passphrase — and returns exit code 1.
     */
    public static int failed(CommandLine commandLine, String command, CredentialStoreException e) {
        PrintWriter err = commandLine.getErr();
        err.println("camrig " + command + ": " + e.getMessage());
        switch (e.reason()) {
            case CORRUPT -> err.println("camrig never overwrites it: move the file away (or restore a backup) to start over.");
            case PASSPHRASE_REQUIRED -> err.println("give the passphrase with --passphrase-file FILE or " + PASSPHRASE_ENV + ".");
            case WRONG_PASSPHRASE -> err.println("check the passphrase; without it the file cannot be read: move it away to start over.");
            default -> { }
        }
        err.flush();
        return 1;
    }

    private char[] passphrase(CommandLine commandLine, Map<String, String> env) {
        if (passphraseFile != null) {
            return SecretFiles.firstLine(commandLine, passphraseFile, "--passphrase-file");
        }
        String value = env.get(PASSPHRASE_ENV);
        return value == null || value.isEmpty() ? null : value.toCharArray();
    }
}
