package io.camrig.credentials;

import io.camrig.engine.credentials.CredentialStoreException;
import io.camrig.engine.credentials.CredentialStoreException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * The store's defences against its surroundings: a directory other users may write to (where
 * they could plant or swap the files), a credentials path that is not a regular file ({@code
 * /dev/zero}), and links where camrig creates files (see {@link StoreLock}, {@link
 * AtomicFileWriter}).
 */
final class StoreFiles {
    /** The largest credentials file read: 8 MiB, far above a rig's few KiB of credentials. */
    static final int MAX_FILE_BYTES = 8 * 1024 * 1024;

    private StoreFiles() {
    }

    /**
     * Refuses a store directory that every user may write to.
     *
     * @throws CredentialStoreException IO, naming the directory and the fix
     */
    static void requirePrivateDirectory(Path dir) {
        if (dir == null || !AtomicFileWriter.isPosix(dir) || !Files.isDirectory(dir)) {
            return;
        }
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(dir);
        } catch (IOException | UnsupportedOperationException e) {
            return;
        }
        if (perms.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new CredentialStoreException(Reason.IO, "refusing the credential store in " + dir
                    + ": every user may write to that directory, so another user could plant or swap its files;"
                    + " use a directory only you can write (chmod o-w, or --credentials elsewhere)", null);
        }
    }

    /**
     * The whole file, at most {@link #MAX_FILE_BYTES}; a file that is not regular (a device, a
     * FIFO) or is larger is refused before it is read whole.
     *
     * @throws java.nio.file.NoSuchFileException when there is no file
     * @throws CredentialStoreException IO when it is not a regular file or over the cap
     */
    static byte[] readCapped(Path file) throws IOException {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new CredentialStoreException(Reason.IO, "credentials file " + file
                    + " is not a regular file (a device or pipe?); give the path of a camrig credentials file", null);
        }
        try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ)) {
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                java.util.Arrays.fill(bytes, (byte) 0);
                throw new CredentialStoreException(Reason.IO, "credentials file " + file + " is larger than "
                        + MAX_FILE_BYTES + " bytes; it is not a camrig credentials file", null);
            }
            return bytes;
        }
    }

    /** A clear error for a path camrig would have created through a symbolic link. */
    static CredentialStoreException linkRefused(Path path, IOException cause) {
        return new CredentialStoreException(Reason.IO, path + " is a symbolic link (or cannot be opened without"
                + " following one); camrig does not follow links where it creates files: remove it", cause);
    }

    /** {@code true} when opening failed because the last path element is a symbolic link (ELOOP). */
    static boolean isLink(Path path, IOException e) {
        return e instanceof FileSystemLoopException || Files.isSymbolicLink(path)
                || (e.getMessage() != null && e.getMessage().contains("symbolic link"));
    }

    /** The options to open a file camrig creates without following a link at its name. */
    static final LinkOption NO_FOLLOW = LinkOption.NOFOLLOW_LINKS;
}
