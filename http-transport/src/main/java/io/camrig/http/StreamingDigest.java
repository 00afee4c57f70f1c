package io.camrig.http;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;

/**
 * The SHA-256 of one partial file, fed with the same buffers that were written to it, in file
 * order, on the hashing stage's thread ({@link HashingStage}) rather than on the event loop that
 * wrote them. Counts the bytes hashed so far, so {@link PartFile#commit()} can check that the
 * hash covers every byte on disk before placing the file.
 *
 * <p>Threads: its own lock, distinct from the {@link PartFile}'s, so that the event loop's next
 * {@code pwrite} never waits for a hash in progress.
 */
final class StreamingDigest {
    private static final int HASH_BUFFER = 1 << 20;

    private final MessageDigest digest = Sha256.newDigest();
    private long hashed;

    /** Hashes the first {@code length} bytes already in {@code channel} (a resumed partial file). */
    synchronized void hashExisting(FileChannel channel, long length) throws IOException {
        if (length > 0) {
            Sha256.update(digest, channel, length, ByteBuffer.allocate((int) Math.min(HASH_BUFFER, length)));
            hashed = length;
        }
    }

    /**
     * Hashes every readable byte of {@code chunk} (not consumed, not released: the caller owns it).
     *
     * @return the bytes hashed so far, this chunk included
     */
    synchronized long update(ByteBuf chunk) {
        int n = chunk.readableBytes();
        Sha256.update(digest, chunk, chunk.readerIndex(), n);
        hashed += n;
        return hashed;
    }

    /** Bytes hashed so far. */
    synchronized long hashed() {
        return hashed;
    }

    /** Starts over (the file was emptied). */
    synchronized void reset() {
        digest.reset();
        hashed = 0;
    }

    /** The lowercase hex SHA-256 of everything hashed; the digest cannot be used afterwards. */
    synchronized String finish() {
        return Sha256.hex(digest.digest());
    }
}
