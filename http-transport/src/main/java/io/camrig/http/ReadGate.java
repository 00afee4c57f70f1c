package io.camrig.http;

import io.netty.channel.Channel;

/**
 * Holds a connection's socket reads back while a download's hashing stage is behind, and lets
 * them go again ({@link HashingStage}): for a Netty channel, its {@code autoRead} flag, so TCP
 * flow control holds the camera back while reads are paused.
 *
 * <p>Threads: {@link #pause()} and {@link #stop()} run where the body is delivered (the
 * connection's event loop); {@link #resume()} may come from any thread and takes effect on the
 * event loop, after any {@code pause()} already running there, and never after {@code stop()}:
 * a connection handed back to the pool is never touched again.
 */
interface ReadGate {
    /** Stops reading the socket (on the delivering thread). */
    void pause();

    /** Reads again; from any thread; does nothing after {@link #stop()}. */
    void resume();

    /** The body ended (complete, failed or cancelled): later {@link #resume()} calls do nothing. */
    void stop();

    /** The gate of {@code channel}: its {@code autoRead}, switched on its event loop. */
    static ReadGate of(Channel channel) {
        return new ReadGate() {
            private boolean stopped;    // event loop only

            @Override
            public void pause() {
                channel.config().setAutoRead(false);
            }

            @Override
            public void resume() {
                channel.eventLoop().execute(() -> {
                    if (!stopped) {
                        channel.config().setAutoRead(true);
                    }
                });
            }

            @Override
            public void stop() {
                stopped = true;
            }
        };
    }
}
