package io.camrig.simulator.camera;

/**
 * Told each time a virtual camera starts encoding ({@link VirtualCamera#onEncodingStartArrival}); on a
 * real scheduler both instants are {@link System#nanoTime()}.
 */
@FunctionalInterface
public interface EncodingStart {
    /**
     * @param handledNanos {@link System#nanoTime()} when this machine's thread ran the shutter
     * @param arrivedNanos when the simulated link modeled the shutter write's arrival, in the link's clock
     *                     ({@link LinkArrival}): what a real camera, with its own radio and CPU,
     *                     would see; {@code handledNanos} when the write came another way (HTTP)
     */
    void started(long handledNanos, long arrivedNanos);
}
