package io.camrig.http;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 (FIPS 180-4) of downloaded media, from the JDK's provider, which uses the CPU's SHA
 * instructions where the JIT has them. Public so takes can re-hash files against their manifest.
 */
public final class Sha256 {
    private static final int BUFFER = 1 << 20;

    private Sha256() {
    }

    /** A fresh SHA-256 digest. */
    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Lowercase hex of a digest. */
    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    /** Hashes {@code n} bytes of {@code buf} from {@code index}, without copying a heap buffer. */
    static void update(MessageDigest digest, ByteBuf buf, int index, int n) {
        if (buf.hasArray()) {
            digest.update(buf.array(), buf.arrayOffset() + index, n);
        } else if (buf.nioBufferCount() == 1) {
            digest.update(buf.internalNioBuffer(index, n));
        } else {
            for (ByteBuffer b : buf.nioBuffers(index, n)) {
                digest.update(b);
            }
        }
    }

    /** Hashes the first {@code length} bytes of {@code channel} through {@code buffer}. */
    static void update(MessageDigest digest, FileChannel channel, long length, ByteBuffer buffer) throws IOException {
        long pos = 0;
        while (pos < length) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), length - pos));
            int n = channel.read(buffer, pos);
            if (n < 0) {
                throw new IOException("file shorter than " + length + " bytes");
            }
            buffer.flip();
            digest.update(buffer);
            pos += n;
        }
    }

    /**
     * SHA-256 of a whole file, as 64 lowercase hex digits. Blocking: call it off event loops.
     *
     * @throws IOException when the file cannot be read
     */
    public static String of(Path file) throws IOException {
        MessageDigest digest = newDigest();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            update(digest, ch, size, ByteBuffer.allocateDirect((int) Math.max(1, Math.min(BUFFER, size))));
        }
        return hex(digest.digest());
    }
}
