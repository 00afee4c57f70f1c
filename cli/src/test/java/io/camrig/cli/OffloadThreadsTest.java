package io.camrig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import reactor.netty.ReactorNetty;

/** The offload's event loops ({@link OffloadThreads}): one per core, unless the command line says otherwise. */
class OffloadThreadsTest {

    @Test
    void oneEventLoopPerCore() {
        assertThat(OffloadThreads.eventLoops(1)).isEqualTo(1);
        assertThat(OffloadThreads.eventLoops(2)).isEqualTo(2);
        assertThat(OffloadThreads.eventLoops(16)).isEqualTo(16);
        assertThat(OffloadThreads.eventLoops(0)).isEqualTo(1);
    }

    @Test
    void aCountGivenOnTheCommandLineWins() {
        String before = System.getProperty(ReactorNetty.IO_WORKER_COUNT);
        try {
            System.setProperty(ReactorNetty.IO_WORKER_COUNT, "3");
            OffloadThreads.configure();
            assertThat(System.getProperty(ReactorNetty.IO_WORKER_COUNT)).isEqualTo("3");
            System.clearProperty(ReactorNetty.IO_WORKER_COUNT);
            OffloadThreads.configure();
            assertThat(System.getProperty(ReactorNetty.IO_WORKER_COUNT))
                    .isEqualTo(String.valueOf(Runtime.getRuntime().availableProcessors()));
        } finally {
            if (before == null) {
                System.clearProperty(ReactorNetty.IO_WORKER_COUNT);
            } else {
                System.setProperty(ReactorNetty.IO_WORKER_COUNT, before);
            }
        }
    }
}
