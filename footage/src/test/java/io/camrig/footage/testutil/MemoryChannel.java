package io.camrig.footage.testutil;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * A read-only channel over the first {@code length} bytes of an array (a file cut short is the same
 * array with a smaller length), that counts what the reader asked for: the bytes it read and the
 * largest single read (the reader allocates its buffer before it reads, so this is the largest
 * buffer it sized from the file).
 */
public final class MemoryChannel implements SeekableByteChannel {
    private final byte[] data;
    private final int length;
    private long position;
    private long bytesRead;
    private long largestRead;
    private boolean open = true;

    public MemoryChannel(byte[] data, int length) {
        if (length < 0 || length > data.length) {
            throw new IllegalArgumentException("length " + length + " of " + data.length);
        }
        this.data = data;
        this.length = length;
    }

    public MemoryChannel(byte[] data) {
        this(data, data.length);
    }

    /** Bytes handed to the reader so far. */
    public long bytesRead() {
        return bytesRead;
    }

    /** The most bytes one read asked for ({@code dst.remaining()}). */
    public long largestRead() {
        return largestRead;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (!open) {
            throw new ClosedChannelException();
        }
        largestRead = Math.max(largestRead, dst.remaining());
        if (position >= length) {
            return -1;
        }
        int n = (int) Math.min(dst.remaining(), length - position);
        dst.put(data, (int) position, n);
        position += n;
        bytesRead += n;
        return n;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position " + newPosition);
        }
        position = newPosition;
        return this;
    }

    @Override
    public long size() {
        return length;
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }
}
