package io.camrig.cli;

import reactor.netty.ReactorNetty;

/**
 * The offload's event loops: one per core. Reactor Netty's default is at least four, whatever the
 * cores; on a two-core rig box the two extra loops only add their threads, stacks and Netty's
 * per-loop buffer caches to the offload's resident set, and measured no faster (BENCHMARKS.md,
 * "Offload memory, session 11": 8 cameras peaked 5 MB lower at the same MB/s). An offload's work
 * per chunk is a socket read and a hand-off to the hashing and writing threads, which one loop per
 * core keeps up with. {@code -Dreactor.netty.ioWorkerCount=N} still wins.
 */
final class OffloadThreads {
    private OffloadThreads() {
    }

    /** Sets Reactor Netty's event-loop count for this process unless given; call before any HTTP client is made. */
    static void configure() {
        if (System.getProperty(ReactorNetty.IO_WORKER_COUNT) == null) {
            System.setProperty(ReactorNetty.IO_WORKER_COUNT, String.valueOf(eventLoops(Runtime.getRuntime().availableProcessors())));
        }
    }

    /** One event loop per core, at least one. */
    static int eventLoops(int cores) {
        return Math.max(1, cores);
    }
}
