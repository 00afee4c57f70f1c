package io.camrig.simulator.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One card's recordings written out as real files: {@code <dir>/<hex of the serial>/<folder>/<name>},
 * each holding exactly what {@link SdCard#read} returns. The serial is hex-encoded because the
 * simulator also plays cameras whose serial is a path ({@code ../x}); folder and name are the
 * card's own ({@code 100GOPRO}, {@code GX01nnnn.MP4}). A file appears under its name only once
 * complete (written beside it, then moved).
 */
final class CardSpool {
    private static final int BUFFER = 1 << 20;

    private final Path root;

    CardSpool(Path dir, String serial) {
        this.root = dir.toAbsolutePath().resolve(HexFormat.of().formatHex(serial.getBytes(StandardCharsets.UTF_8)));
    }

    private Path path(SdCardFile file) {
        return root.resolve(file.directory()).resolve(file.name());
    }

    /** Writes {@code file}'s content from {@code card}; blocking. */
    void write(SdCard card, SdCardFile file) {
        Path target = path(file);
        Path temp = target.resolveSibling("." + file.name() + ".spool");
        try {
            Files.createDirectories(target.getParent());
            byte[] chunk = new byte[(int) Math.min(BUFFER, Math.max(1, file.size()))];
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                for (long pos = 0; pos < file.size(); ) {
                    int n = card.read(file, pos, chunk, 0, (int) Math.min(chunk.length, file.size() - pos));
                    ByteBuffer b = ByteBuffer.wrap(chunk, 0, n);
                    while (b.hasRemaining()) {
                        out.write(b);
                    }
                    pos += n;
                }
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool " + file.name() + " to " + root, e);
        }
    }

    /** The complete file of {@code file}, if written. */
    Optional<Path> find(SdCardFile file) {
        Path p = path(file);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /** Deletes {@code file}'s copy; best effort (a leftover copy is never served: the card no longer lists it). */
    void delete(SdCardFile file) {
        try {
            Files.deleteIfExists(path(file));
        } catch (IOException ignored) {
            // the card's list, not the spool, decides what exists
        }
    }
}
