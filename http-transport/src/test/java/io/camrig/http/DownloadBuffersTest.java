package io.camrig.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reuse of download read buffers, on a private instance (the shared one serves the download tests). */
class DownloadBuffersTest {
    private static final int SIZE = 64 * 1024;

    @Test
    void aBufferGivenBackServesTheNextReadOfTheSameSizeEmpty() {
        DownloadBuffers buffers = new DownloadBuffers(SIZE, 4);
        ByteBuf first = buffers.ioBuffer(SIZE);
        assertThat(first.isDirect()).isTrue();
        assertThat(first.capacity()).isEqualTo(SIZE);
        first.writeBytes(new byte[1000]);
        assertThat(buffers.outstanding()).isEqualTo(1);
        first.release();
        assertThat(buffers.outstanding()).isZero();
        assertThat(buffers.idle()).isEqualTo(1);

        ByteBuf second = buffers.ioBuffer(SIZE);

        assertThat(buffers.reused()).isEqualTo(1);
        assertThat(buffers.idle()).isZero();
        assertThat(second.readerIndex()).isZero();
        assertThat(second.writerIndex()).isZero();
        assertThat(second.readableBytes()).isZero();
        assertThat(second.refCnt()).isEqualTo(1);
        assertThat(second.capacity()).isEqualTo(SIZE);
        second.release();
    }

    @Test
    void atMostTheKeptNumberOfIdleBuffersIsHeld() {
        DownloadBuffers buffers = new DownloadBuffers(SIZE, 4);
        List<ByteBuf> many = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            many.add(buffers.ioBuffer(SIZE));
        }
        assertThat(buffers.outstanding()).isEqualTo(10);
        many.forEach(ByteBuf::release);

        assertThat(buffers.outstanding()).isZero();
        assertThat(buffers.idle()).isEqualTo(4);
        assertThat(buffers.taken()).isEqualTo(10);
        assertThat(buffers.reused()).isZero();
    }

    @Test
    void otherSizesAreNotReused() {
        DownloadBuffers buffers = new DownloadBuffers(SIZE, 4);
        ByteBuf small = buffers.ioBuffer(2048);
        small.release();

        assertThat(buffers.taken()).isZero();
        assertThat(buffers.idle()).isZero();
        assertThat(buffers.heapBuffer(SIZE).release()).isTrue();
        assertThat(buffers.idle()).isZero();
    }

    @Test
    void aBufferThatGrewIsFreedNotKeptWithTheOldMemory() {
        DownloadBuffers buffers = new DownloadBuffers(SIZE, 4);
        ByteBuf grown = buffers.ioBuffer(SIZE);
        grown.writeBytes(new byte[SIZE]);
        grown.writeByte(7);     // past the capacity: Netty reallocates
        assertThat(grown.capacity()).isGreaterThan(SIZE);
        assertThat(grown.getByte(SIZE)).isEqualTo((byte) 7);

        grown.release();

        assertThat(buffers.outstanding()).isZero();
        assertThat(buffers.idle()).isZero();
    }
}
