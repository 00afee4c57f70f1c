package io.camrig.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** The flushes a durable download starts while it streams: one per step, never two at once, failures left to commit. */
class EarlyWritebackTest {
    private static final long STEP = EarlyWriteback.STEP_BYTES;

    @TempDir
    Path dir;

    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private final Scheduler manual = Schedulers.fromExecutor(tasks::add);

    private FileChannel channel() throws IOException {
        return FileChannel.open(dir.resolve("part"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    @Test
    void oneFlushPerStepOfBytesAndNeverTwoAtOnce() throws IOException {
        try (FileChannel ch = channel()) {
            EarlyWriteback w = new EarlyWriteback(ch, 0, manual);
            w.written(STEP - 1);
            assertThat(tasks).isEmpty();
            w.written(STEP);
            assertThat(tasks).hasSize(1);
            w.written(3 * STEP);    // the first flush has not finished: no second one
            assertThat(tasks).hasSize(1);
            tasks.poll().run();
            w.written(3 * STEP + 1);
            assertThat(tasks).hasSize(1);
            tasks.poll().run();
            w.written(4 * STEP);    // less than a step since the last request
            assertThat(tasks).isEmpty();
        }
    }

    @Test
    void aResumedFileCountsItsStepsFromWhereItResumedAndARestartFromZero() throws IOException {
        try (FileChannel ch = channel()) {
            EarlyWriteback w = new EarlyWriteback(ch, 10 * STEP, manual);
            w.written(10 * STEP + 1);
            assertThat(tasks).isEmpty();
            w.restart();
            w.written(STEP);
            assertThat(tasks).hasSize(1);
        }
    }

    @Test
    void aFlushOfAFileClosedByACancellationIsIgnoredAndTheNextOneMayStart() throws IOException {
        FileChannel ch = channel();
        EarlyWriteback w = new EarlyWriteback(ch, 0, manual);
        w.written(STEP);
        ch.close();
        assertThatCode(() -> tasks.poll().run()).doesNotThrowAnyException();
        w.written(2 * STEP);
        assertThat(tasks).hasSize(1);
    }
}
