package io.camrig.credentials;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces a file so that a reader, or a process killed at any instant, sees either the old
 * content or the new one, never a mix: a temporary file in the same directory, created owner-only
 * ({@code rw-------}) from the start, is written, forced to disk ({@link FileChannel#force}),
 * renamed over the target ({@link StandardCopyOption#ATOMIC_MOVE}), and the directory is forced
 * where the platform allows opening one. A temporary file left by a killed writer is named
 * {@code <target>.<random>.tmp}; {@link #removeStrayTemporaries} deletes them (under the writers'
 * lock, so none of them is in progress).
 */
final class AtomicFileWriter {
    static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private AtomicFileWriter() {
    }

    /** Writes {@code content} to {@code target} atomically and durably; its directory must exist. */
    static void replace(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = isPosix(dir)
                ? Files.createTempFile(dir, target.getFileName() + ".", ".tmp", ownerOnlyFile())
                : Files.createTempFile(dir, target.getFileName() + ".", ".tmp");
        try {
            // No link following: the name was just created exclusively, and must still be that file.
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING,
                    StoreFiles.NO_FOLLOW)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        forceDirectory(dir);
    }

    /** Deletes temporary files a killed writer left next to {@code target}; returns how many. */
    static int removeStrayTemporaries(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        int removed = 0;
        String glob = escapeGlob(target.getFileName().toString()) + ".*.tmp";
        try (DirectoryStream<Path> stray = Files.newDirectoryStream(dir, glob)) {
            for (Path p : stray) {
                if (Files.deleteIfExists(p)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    /** Creates {@code dir} and missing parents owner-only ({@code rwx------}, XDG Base Directory spec). */
    static void createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && isPosix(existing)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
        } else {
            Files.createDirectories(dir);
        }
    }

    /** {@code true} when {@code p}'s file system has POSIX permissions. */
    static boolean isPosix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    static FileAttribute<Set<PosixFilePermission>> ownerOnlyFile() {
        return PosixFilePermissions.asFileAttribute(OWNER_FILE);
    }

    private static void forceDirectory(Path dir) {
        // Makes the rename durable on Linux/macOS; Windows cannot open a directory, and there
        // the rename is already journaled by NTFS.
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not possible on this platform: the data itself is already forced.
        }
    }

    private static String escapeGlob(String s) {
        return s.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
    }
}
