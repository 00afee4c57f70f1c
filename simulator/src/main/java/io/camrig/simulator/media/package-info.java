/**
 * The virtual camera's SD card: {@link io.camrig.simulator.media.SdCard} lists the recordings a
 * camera made and produces their content on demand, deterministically and without storing it, so
 * a test can recompute the bytes it downloaded.
 */
package io.camrig.simulator.media;
